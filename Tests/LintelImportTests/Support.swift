import Foundation
import LintelModel
@testable import LintelImport

/// Paths to the corpus (an unchanged copy of the shared corpus, in Tests/Corpus) and to this target's fixtures.
enum Paths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repositoryRoot.appendingPathComponent("Tests/Corpus")
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")

    static func corpus(_ relative: String) -> String { corpus.appendingPathComponent(relative).path }
    static func fixture(_ relative: String) -> String { fixtures.appendingPathComponent(relative).path }
}

extension Model {
    /// The component with this name; a test fails with a readable message when it is missing.
    subscript(name: String) -> Component? { component(named: name) }

    /// Every call as `caller->target`, sorted.
    var callPairs: [String] {
        components.flatMap { component in component.calls.map { "\(component.name)->\($0.to)" } }.sorted()
    }
}

extension Component {
    func variable(_ name: String) -> EnvironmentVariable? { env.first { $0.name == name } }
}

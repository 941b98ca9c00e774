import Foundation
import LintelModel

/// Paths of the repository and its test fixtures.
enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = repository.appendingPathComponent("examples")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func files(in directory: URL, extensions: Set<String>) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { directory.appendingPathComponent($0) }.filter { extensions.contains($0.pathExtension) }
    }

    static var exampleFiles: [URL] { files(in: examples, extensions: ["yaml", "yml", "json"]) }
}

/// Loads text and returns the diagnostics (empty when the model is valid).
func diagnostics(of text: String, file: String = "test.yaml") -> [Diagnostic] {
    do {
        _ = try ModelLoader.load(text: text, file: file)
        return []
    } catch {
        return error.diagnostics
    }
}

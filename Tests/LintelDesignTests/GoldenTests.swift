import Foundation
import LintelDesign
import LintelRender
import Testing

/// design.md, the ADRs and model.yaml of the six shipped requirement sets, compared byte for byte with reviewed files.
///
/// Re-record on purpose with `LINTEL_RECORD=1 swift test --filter LintelDesignTests`, then read the diff.
@Suite("Golden design documents and ADRs")
struct GoldenTests {
    static let sets = requirementSets

    @Test("design.md, every ADR and model.yaml match their golden files", arguments: sets)
    func golden(name: String) async throws {
        let result = try await design(name)
        let directory = DesignPaths.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LINTEL_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: directory)
            for file in result.files {
                let url = directory.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
            return
        }
        for file in result.files {
            let url = directory.appendingPathComponent(file.path)
            let expected = try #require(try? String(contentsOf: url, encoding: .utf8),
                                        "missing golden file \(url.path); record it with LINTEL_RECORD=1")
            #expect(file.contents == expected, "\(name)/\(file.path) differs; if intended, re-record with LINTEL_RECORD=1")
        }
        let recorded = try FileManager.default.subpathsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") }
        #expect(Set(recorded) == Set(result.files.map(\.path)), "golden files without a counterpart")
    }

    @Test("the same input gives byte-identical output", arguments: ["order-system", "large-organisation"])
    func deterministic(name: String) throws {
        let input = try loadRequirements(name)
        let first = try Designer.design(input), second = try Designer.design(input)
        #expect(first.files == second.files)
    }
}

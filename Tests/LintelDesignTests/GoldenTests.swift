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
            for old in (try? FileManager.default.subpathsOfDirectory(atPath: directory.path)) ?? [] where !old.hasPrefix("report") && old.hasSuffix(".md") {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(old))
            }
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
        let recorded = try FileManager.default.subpathsOfDirectory(atPath: directory.path)
            .filter { ($0.hasSuffix(".md") || $0.hasSuffix(".yaml")) && !$0.hasPrefix("report/") }
        #expect(Set(recorded) == Set(result.files.map(\.path)), "golden files without a counterpart")
    }

    @Test("the same input gives byte-identical output", arguments: ["order-system", "large-organisation"])
    func deterministic(name: String) throws {
        let input = try loadRequirements(name)
        let first = try Designer.design(input), second = try Designer.design(input)
        #expect(first.files == second.files)
    }
}

/// The design report as `lintel design --format` prints it, in text, Markdown and JSON, for the six shipped
/// requirement sets, compared byte for byte (Golden/NAME/report/design.{text,markdown,json}); re-record with
/// `LINTEL_RECORD=1` like the files above. JSON is the whole `DesignResult` through the one encoder (sorted keys).
@Suite("Golden design reports in every format")
struct ReportFormatGoldenTests {
    @Test("the design report in text, Markdown and JSON matches its golden file", arguments: requirementSets)
    func golden(name: String) async throws {
        let result = try await design(name)
        let directory = DesignPaths.golden.appendingPathComponent(name).appendingPathComponent("report")
        for format in [ReportFormat.text, .markdown, .json] {
            let text = try ReportOutput.design(result, format: format)
            let url = directory.appendingPathComponent("design.\(format.rawValue)")
            if ProcessInfo.processInfo.environment["LINTEL_RECORD"] == "1" {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                continue
            }
            let expected = try #require(try? String(contentsOf: url, encoding: .utf8), "missing golden file \(url.path); record it with LINTEL_RECORD=1")
            #expect(text == expected, "\(name)/report/design.\(format.rawValue) differs; if intended, re-record with LINTEL_RECORD=1")
        }
        // The Markdown report is design.md itself.
        #expect(try ReportOutput.design(result, format: .markdown) == result.files.last?.contents)
    }
}

import Foundation
@testable import LintelServer
import Testing

/// The examples the server embeds (the binary ships no files) must be `examples/` byte for byte.
@Suite("Shipped examples")
struct ShippedExamplesTests {
    static let file = ServerTestSupport.repository.appendingPathComponent("Sources/LintelServer/Catalog/ShippedExamples.swift")

    @Test("the embedded examples are the files in examples/, and no file is missing")
    func embeddedExamplesMatchTheFiles() throws {
        let directory = ServerTestSupport.repository.appendingPathComponent("examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        if ProcessInfo.processInfo.environment["LINTEL_RECORD"] == "1" {
            try Self.record(names, from: directory)
            return
        }
        #expect(ShippedExamples.all.map(\.name) == names,
                "examples/ changed: regenerate with LINTEL_RECORD=1 swift test --filter ShippedExamplesTests")
        for example in ShippedExamples.all {
            let text = try String(contentsOf: directory.appendingPathComponent(example.name), encoding: .utf8)
            #expect(example.text == text, "\(example.name) differs: regenerate with LINTEL_RECORD=1 swift test --filter ShippedExamplesTests")
        }
    }

    /// Rewrites ShippedExamples.swift and one file per example in Catalog/Examples/ (on purpose only, never silently).
    static func record(_ names: [String], from directory: URL) throws {
        let header = [
            "// Generated from examples/ by `LINTEL_RECORD=1 swift test --filter ShippedExamplesTests`; do not edit.",
            "// A test checks that this file matches examples/ byte for byte, so the two cannot drift apart.", "",
        ]
        let folder = file.deletingLastPathComponent().appendingPathComponent("Examples")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var members: [String] = []
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let stem = String(name.dropLast(".yaml".count))
            let parts = stem.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            let member = (parts.first ?? "example") + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            members.append(member)
            // A raw multi-line literal drops the newline before its closing delimiter: add one.
            let body = header + [
                "extension ShippedExamples {", "    /// examples/\(name)",
                "    static let \(member): (name: String, text: String) = (\"\(name)\", #\"\"\"\n\(text)\n\"\"\"#)", "}", "",
            ]
            try body.joined(separator: "\n").write(to: folder.appendingPathComponent("ShippedExamples+\(stem).swift"), atomically: true, encoding: .utf8)
        }
        let catalog = header + [
            "/// The example models shipped in `examples/`, served as MCP resources (the binary carries no files);",
            "/// each one's text is in Catalog/Examples/.",
            "enum ShippedExamples {", "    /// File name and text, sorted by name.",
            "    static let all: [(name: String, text: String)] = [\(members.joined(separator: ", "))]", "}", "",
        ]
        try catalog.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }
}

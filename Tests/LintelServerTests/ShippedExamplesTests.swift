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

    /// Rewrites ShippedExamples.swift from the files (on purpose only, never silently).
    static func record(_ names: [String], from directory: URL) throws {
        var out = [
            "// Generated from examples/ by `LINTEL_RECORD=1 swift test --filter ShippedExamplesTests`; do not edit.",
            "// A test checks that this file matches examples/ byte for byte, so the two cannot drift apart.", "",
            "/// The example models shipped in `examples/`, served as MCP resources (the binary carries no files).",
            "enum ShippedExamples {", "    /// File name and text, sorted by name.", "    static let all: [(name: String, text: String)] = [",
        ]
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            // A raw multi-line literal drops the newline before its closing delimiter: add one.
            out.append("        (\"\(name)\", #\"\"\"\n\(text)\n\"\"\"#),")
        }
        out += ["    ]", "}", ""]
        try out.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }
}

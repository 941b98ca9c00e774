import Foundation
import LintelModel
import Testing

/// Inputs that must give a diagnostic — never a crash, a hang or unbounded memory.
@Suite("Hostile input")
struct HostileInputTests {
    @Test("a billion-laughs alias bomb is refused by the node budget")
    func billionLaughs() {
        var text = "lintel: 1\nsystem: bomb\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 9).joined(separator: ", "))]\n"
        }
        text += "components: { x: { kind: service, holds: *a9 } }\n"
        let found = diagnostics(of: text)
        #expect(found.contains { $0.message.contains("too many nodes") })
    }

    @Test("nesting beyond the parser's depth limit is a located error")
    func deepNesting() {
        let depth = 20_000
        let text = "lintel: 1\nsystem: deep\ncomponents: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let found = diagnostics(of: text)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
    }

    @Test("a 50 MB file is refused before it is parsed")
    func hugeFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lintel-huge-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        let line = Data("# padding padding padding padding padding padding padding padding padding padding\n".utf8)
        var data = Data("lintel: 1\nsystem: huge\n".utf8)
        data.reserveCapacity(50 * 1024 * 1024 + line.count)
        while data.count < 50 * 1024 * 1024 { data.append(line) }
        try data.write(to: url)
        #expect(throws: ModelLoadError.self) { try ModelLoader.load(path: url.path) }
        do { _ = try ModelLoader.load(path: url.path) } catch {
            #expect(error.diagnostics.first?.message.contains("larger than") == true)
            #expect(error.diagnostics.first?.location.line == 1)
        }
    }

    @Test("binary garbage is reported as not text")
    func binaryGarbage() {
        var generator = SplitMix(seed: 42)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let result = YAMLDocument.parse(data: Data(bytes), file: "garbage.bin")
        guard case .failure(let error) = result else { Issue.record("garbage parsed"); return }
        #expect(error.diagnostics.first?.location == SourceLocation(file: "garbage.bin", line: 1, column: 1))
    }

    @Test("invalid UTF-8 without NUL bytes is reported as not UTF-8")
    func invalidUTF8() {
        let result = YAMLDocument.parse(data: Data([0x6C, 0x69, 0xFF, 0xFE, 0x3A, 0x20, 0x31]), file: "latin.yaml")
        guard case .failure(let error) = result else { Issue.record("parsed"); return }
        #expect(error.diagnostics.first?.message.contains("UTF-8") == true)
    }

    @Test("an empty file, a list and a scalar document are each one clear error")
    func wrongDocuments() {
        #expect(diagnostics(of: "").first?.message.contains("empty") == true)
        #expect(diagnostics(of: "   \n# only a comment\n").first?.message.contains("empty") == true)
        #expect(diagnostics(of: "- a\n- b\n").first?.message.contains("found a list") == true)
        #expect(diagnostics(of: "42\n").first?.message.contains("found a scalar") == true)
    }

    @Test("values of the wrong type are errors, not crashes", arguments: [
        "components: 5", "components: [a, b]", "flows: [x]", "requirements: yes", "components: { a: [1, 2] }",
        "components: { a: { kind: [service] } }", "components: { a: { kind: service, latency: [1ms] } }",
        "components: { a: { kind: service, calls: [ [b] ] } }", "accept: { rule: x }", "scenarios: { s: { load: 5 } }",
    ])
    func wrongTypes(_ line: String) {
        let found = diagnostics(of: "lintel: 1\nsystem: s\n" + line + "\n")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.severity != .error || $0.location.line >= 1 })
    }

    @Test("a directory and a missing file are diagnostics")
    func notFiles() {
        #expect(throws: ModelLoadError.self) { try ModelLoader.load(path: FileManager.default.temporaryDirectory.path) }
        #expect(throws: ModelLoadError.self) { try ModelLoader.load(path: "/nonexistent/model.yaml") }
    }

    @Test("thousands of errors are capped with a summary line")
    func manyErrors() {
        var text = "lintel: 1\nsystem: s\ncomponents:\n"
        for index in 0..<500 { text += "  c\(index): { kind: nope }\n" }
        let found = diagnostics(of: text)
        #expect(found.count == ModelLoader.diagnosticLimit + 1)
        #expect(found.last?.message.contains("more problems not shown") == true)
    }
}

/// A tiny deterministic generator for test inputs (SplitMix64, Steele et al. 2014).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

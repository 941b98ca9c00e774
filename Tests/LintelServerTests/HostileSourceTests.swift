import Foundation
@testable import LintelServer
import MCP
import Testing

/// The hostile files of the loader's `HostileInputTests`, given to the MCP tools as a file inside the
/// root (`path`) and as text (`model`): the server reads models through the front door
/// (`YAMLDocument.input`), so each is the same located error as on the command line — never a
/// crash, a long parse or the whole file in memory twice.
@Suite("MCP tools with hostile files")
struct HostileSourceTests {
    /// A server started with a limit above the loader's 16 MiB (the default is 4 MiB): the loader's
    /// own size budget is what refuses the 60 MB file.
    static let limit = 64 * 1_024 * 1_024

    static let cases: [(name: String, bytes: Data, phrase: String)] = {
        var bomb = "lintel: 1\nsystem: bomb\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<10 { bomb += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]\n" }
        let deep = "lintel: 1\nsystem: deep\ncomponents: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        var big = Data("lintel: 1\nsystem: big\n".utf8)
        big.append(Data(repeating: UInt8(ascii: "#"), count: 60 * 1_024 * 1_024))
        let composeBomb = "services:\n  web: { image: nginx }\n" + bomb.split(separator: "\n").dropFirst(2).joined(separator: "\n") + "\n"
        return [
            ("bomb.yaml", Data(bomb.utf8), "too many nodes"),
            ("compose-bomb.yaml", Data(composeBomb.utf8), "too many nodes"),
            ("deep.yaml", Data(deep.utf8), "nested deeper"),
            ("nul.yaml", Data("lintel: 1\nsystem: n\u{0}\n".utf8), "binary data (a NUL byte at offset 19)"),
            ("latin.yaml", Data([UInt8]("lintel: 1\nsystem: caf".utf8) + [0xE9, 0x0A]), "not valid UTF-8"),
            ("big.yaml", big, "larger than the 16 MiB limit"),
        ]
    }()

    static func tools() throws -> (EngineTools, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lintel-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for file in cases { try file.bytes.write(to: root.appendingPathComponent(file.name)) }
        let directory = try #require(RootDirectory(root))
        return (EngineTools(root: directory, limit: limit, version: "test"), root)
    }

    /// The failure's first error line, which must be `NAME:line:col: error: …`.
    static func firstError(_ call: () throws(ToolFailure) -> CallTool.Result) -> String? {
        do {
            _ = try call()
            return nil
        } catch {
            return error.text.split(separator: "\n").first { $0.contains(": error: ") }.map(String.init)
        }
    }

    @Test("check, review, capacity and import of each hostile file by path are one located error", arguments: 0..<6)
    func byPath(_ index: Int) throws {
        let (tools, root) = try Self.tools()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = Self.cases[index]
        let arguments = try Arguments(["path": .string(file.name)], tool: "check", allowed: ["path"])
        for (tool, call) in [("check", tools.check), ("review", tools.review), ("capacity", tools.capacity), ("import", tools.importModel)] {
            let line = Self.firstError { () throws(ToolFailure) in try call(arguments) }
            #expect(line?.hasPrefix(file.name + ":") == true && line?.contains(file.phrase) == true, "\(tool) \(file.name): \(line ?? "no error")")
            // file:line:col
            let place = line?.components(separatedBy: ": error: ").first?.split(separator: ":") ?? []
            #expect(place.count == 3 && place.dropFirst().allSatisfy { Int($0) != nil }, "\(tool) \(file.name): \(line ?? "")")
        }
    }

    /// Text arrives as a JSON string, so invalid UTF-8 cannot be sent as text: that file is tested by path only.
    @Test("the same files as text are the same errors", arguments: [0, 1, 2, 3, 5])
    func asText(_ index: Int) throws {
        let (tools, root) = try Self.tools()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = Self.cases[index]
        let text = try #require(String(data: file.bytes, encoding: .utf8))
        let arguments = try Arguments(["model": .string(text), "name": .string(file.name)], tool: "check", allowed: ["model", "name"])
        let line = Self.firstError { () throws(ToolFailure) in try tools.check(arguments) }
        #expect(line?.hasPrefix(file.name + ":") == true && line?.contains(file.phrase) == true, "\(file.name): \(line ?? "no error")")
    }
}

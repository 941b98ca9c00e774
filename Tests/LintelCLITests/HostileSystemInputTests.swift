import Foundation
import Testing

/// The hostile files of `HostileInputTests` (the loader's) given beside a valid compose file, so the
/// CLI's multi-file path (`SystemImport.read`, the front door once per file) and its on-the-fly
/// import meet them: each is one located error and exit 2, quickly, never a crash.
@Suite("Hostile files in a system of several files")
struct HostileSystemInputTests {
    static let compose = "services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n  db:\n    image: postgres:16.4\n"

    /// label, file bytes, the phrase the error must contain, the line:column it must be at.
    static let cases: [(String, Data, String, String)] = {
        var bomb = "services:\n  web: { image: nginx }\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<10 { bomb += "x\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]\n" }
        let deep = "services:\n  web: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        var big = Data("services:\n  web: { image: nginx }\n".utf8)
        big.append(Data(repeating: UInt8(ascii: "#"), count: 60 * 1_024 * 1_024))
        return [
            ("an alias bomb", Data(bomb.utf8), "too many nodes", ":"),
            ("5,000-deep nesting", Data(deep.utf8), "nested deeper", ":2:"),
            ("a NUL byte", Data("services:\n  web:\n    image: ng\u{0}inx\n".utf8), "binary data (a NUL byte at offset 30)", ":1:1:"),
            ("Latin-1 bytes", Data([UInt8]("services:\n  web:\n    image: caf".utf8) + [0xE9, 0x0A]), "not valid UTF-8", ":1:1:"),
            ("a 60 MB file", big, "larger than the 16 MiB limit", ":1:1:"),
        ]
    }()

    @Test("each hostile file beside a valid compose file is a located error, exit 2", arguments: 0..<5)
    func hostile(_ index: Int) throws {
        let (label, bytes, phrase, place) = Self.cases[index]
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("compose.yaml"), bad = directory.appendingPathComponent("hostile.yaml")
        try Data(Self.compose.utf8).write(to: good)
        try bytes.write(to: bad)
        for command in [["review"], ["check"]] {
            let result = try CLI.run(command + [good.path, bad.path])
            #expect(result.status == 2, "\(label) \(command): \(result.stderr.prefix(400))")
            let line = result.stderr.split(separator: "\n").first { $0.hasPrefix(bad.path + place) && $0.contains(": error: ") }
            #expect(line?.contains(phrase) == true, "\(label) \(command): \(result.stderr.prefix(400))")
            #expect(!result.stderr.contains("Fatal error"))
        }
    }

    @Test("a malformed file on its own is one located error, not one per reading")
    func onceOnTheFly() throws {
        let result = try CLI.withFile("compose.yaml", "services:\n  web: { image: nginx\n") { try CLI.run(["review", $0.path]) }
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.count == 1, "\(result.stderr)")
    }
}

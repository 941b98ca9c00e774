import Foundation
import Testing

/// Issue 17 "Messages" at the command line.
@Suite("Command messages tell the cases apart, located")
struct MessageCommandTests {
    @Test("simulate: a model without flows and an unknown scenario are file:line:col errors")
    func simulateErrors() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("noflows.yaml")
        try Data("lintel: 1\nsystem: demo\ncomponents:\n  api: { kind: service }\n".utf8).write(to: model)
        let noFlows = try CLI.run(["simulate", model.path])
        #expect(noFlows.status == 2)
        #expect(noFlows.stderr.hasPrefix("\(model.path):2:1: error: the model has no flows"))

        let example = "examples/order-system.yaml"
        let unknown = try CLI.run(["simulate", example, "--scenario", "no-such-scenario"])
        #expect(unknown.status == 2)
        let pattern = try Regex("^examples/order-system\\.yaml:[0-9]+:[0-9]+: error: no scenario named 'no-such-scenario'")
        #expect(unknown.stderr.contains(pattern), "\(unknown.stderr)")
    }

    @Test("import: missing file, directory, binary and non-UTF-8 input are different messages")
    func importUnreadable() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("binary.yaml")
        try Data([0x73, 0x3A, 0x00]).write(to: binary)
        let latin1 = directory.appendingPathComponent("latin1.yaml")
        try Data([0x73, 0x3A, 0x20, 0xE9, 0x0A]).write(to: latin1)
        let cases = [(directory.appendingPathComponent("missing.yaml").path, "no such file"), (directory.path, "is a directory"),
                     (binary.path, "binary data"), (latin1.path, "not valid UTF-8")]
        for (path, expected) in cases {
            let result = try CLI.run(["import", "compose", path])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("\(path):1:1: error: ") && result.stderr.contains(expected), "\(result.stderr)")
        }
    }
}

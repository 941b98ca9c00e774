import Foundation
import LintelModel
import Testing
@testable import LintelImport

/// Issue 17 "Messages": each case gets its own message, located where a location exists.
@Suite("Import messages tell the cases apart")
struct MessageTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lintel-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("A missing file, a directory, binary and non-UTF-8 input each have their own message")
    func unreadable() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("binary.yaml")
        try Data([0x73, 0x3A, 0x00, 0x01]).write(to: binary)
        let latin1 = directory.appendingPathComponent("latin1.yaml")
        try Data("services: {caf\u{E9}: {}}".data(using: .isoLatin1) ?? Data()).write(to: latin1)
        let cases = [
            (directory.appendingPathComponent("missing.yaml").path, "no such file"),
            (directory.path, "is a directory"),
            (binary.path, "binary data (a NUL byte at offset 2)"),
            (latin1.path, "not valid UTF-8"),
        ]
        var messages: Set<String> = []
        for (path, expected) in cases {
            let result = try #require(DeploymentFile.importFile(path, as: .compose))
            let error = try #require(result.diagnostics.first { $0.severity == .error })
            #expect(error.message.contains(expected), "\(path): \(error.message)")
            #expect(error.location == SourceLocation(file: path, line: 1, column: 1))
            messages.insert(error.message)
        }
        #expect(messages.count == cases.count)
    }

    @Test("Nesting past 1000 levels is reported in Lintel's words, at the place it happens")
    func deepNesting() throws {
        let text = "services:\n  api:\n    image: x\n    labels: " + String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000) + "\n"
        let result = ComposeImporter().importTexts([(name: "deep.yaml", text: text)])
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("nested deeper than") && error.message.contains("1000 levels"))
        #expect(error.location.file == "deep.yaml" && error.location.line == 4)
        #expect(!result.diagnostics.contains { $0.description.contains("yaml_set_max_nest_level") })
    }

    @Test("A circular extends is an error, once per cycle, at the first service's extends")
    func circularExtends() throws {
        let text = """
            services:
              a:
                image: x
                extends: b
              b:
                image: x
                extends: { service: c }
              c:
                image: x
                extends: a
              d:
                image: x
                extends: a
              e:
                image: x
                extends: e
              f:
                image: x
                extends: { service: a, file: other.yaml }
            """
        let result = ComposeImporter().importTexts([(name: "c.yaml", text: text)])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["circular 'extends': 'a' → 'b' → 'c' → 'a'", "circular 'extends': 'e' → 'e'"])
        #expect(errors.map(\.location.line) == [4, 16])
    }

    @Test("A Kubernetes object whose spec has the wrong shape is an error at it, not ignored", arguments: [
        ("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec: [replicas, 3]\n", "'spec' must be a mapping, found a list", 4),
        ("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers: {name: api}\n",
         "'spec.template.spec.containers' must be a list, found a mapping", 7),
        ("apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  ports: 5432\n", "'spec.ports' must be a list, found a scalar", 5),
    ])
    func malformedSpec(_ text: String, _ message: String, _ line: Int) throws {
        let result = KubernetesImporter().importTexts([(name: "m.yaml", text: text)])
        let error = try #require(result.diagnostics.first { $0.message.contains(message) })
        #expect(error.severity == .error && error.location.line == line)
    }
}

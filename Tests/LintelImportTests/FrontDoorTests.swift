import Foundation
import LintelModel
import Testing
@testable import LintelImport

/// Deployment files go through the loader's front door (`YAMLDocument.input`) once: the parse that
/// decided a file's format is the one imported (issue 11).
@Suite("Deployment files through the front door")
struct FrontDoorTests {
    static func directory(_ files: [String: Data]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lintel-front-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test("files read by SystemImport.read are imported from that reading: deleting them afterwards changes nothing")
    func readOnce() throws {
        let compose = "services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n  db:\n    image: postgres:16.4\n"
        let manifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  template:\n    spec:\n      containers: [ { name: api, image: acme/api:1.0 } ]\n"
        let folder = try Self.directory(["a.yaml": Data(compose.utf8), "b.yaml": Data(manifest.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = SystemImport.read([folder.path])
        try FileManager.default.removeItem(at: folder)
        #expect(inputs.count == 2)
        for input in inputs {
            guard case .deployment(let format, let files) = input else {
                Issue.record("expected deployment files, got \(input)")
                continue
            }
            let result = try #require(SystemImport.importFiles(files, as: format))
            #expect(!result.hasErrors, "\(result.diagnostics)")
            #expect(result.model.components.map(\.name).sorted() == (format == .compose ? ["db", "web"] : ["api"]))
        }
    }

    @Test("an unreadable or hostile file stays a model input carrying the front door's located error")
    func hostileFiles() throws {
        let folder = try Self.directory([
            "nul.yaml": Data("services:\n  a: { image: x\u{0} }\n".utf8),
            "latin.yaml": Data([UInt8]("services:\n  a: { image: caf".utf8) + [0xE9, 0x7D, 0x0A]),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = SystemImport.read([folder.path, folder.appendingPathComponent("missing.yaml").path])
        let messages = inputs.compactMap { input -> String? in
            guard case .model(_, .failure(let error)?) = input else { return nil }
            return error.diagnostics.first.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        }
        #expect(messages == ["1:1 file is not valid UTF-8 text",
                             "1:1 file contains binary data (a NUL byte at offset 25); a model is YAML or JSON text",
                             "1:1 no such file"])
    }

    @Test("the importers' own file reading goes through the front door: a file over the size limit is refused at line 1")
    func importerFiles() throws {
        var big = Data("services:\n  a: { image: nginx }\n".utf8)
        big.append(Data(repeating: UInt8(ascii: "#"), count: YAMLDocument.maximumBytes))
        let folder = try Self.directory(["big.yaml": big])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.yaml").path
        for result in [ComposeImporter().importFiles([path]), KubernetesImporter().importFiles([path])] {
            let error = try #require(result.diagnostics.first { $0.severity == .error })
            #expect(error.location == SourceLocation(file: path, line: 1, column: 1))
            #expect(error.message.contains("larger than the 16 MiB limit"), "\(error.message)")
        }
    }
}

import Foundation
import LintelModel
import Testing

@Suite("JSON Schema of the model file")
struct SchemaTests {
    @Test("every object the spec refers to is defined, and every field is documented")
    func specIsClosed() {
        func references(_ type: ValueType) -> [String] {
            switch type {
            case .object(let name): [name]
            case .list(let element), .dictionary(let element): references(element)
            case .either(let types): types.flatMap(references)
            default: []
            }
        }
        for object in ModelSpec.objects {
            for field in object.fields {
                #expect(!field.doc.isEmpty, "\(object.name).\(field.key) has no documentation")
                for name in references(field.type) {
                    #expect(ModelSpec.object(name) != nil, "\(object.name).\(field.key) refers to undefined \(name)")
                }
            }
        }
    }

    @Test("the schema is byte-stable")
    func stable() {
        #expect(JSONSchemaGenerator.json() == JSONSchemaGenerator.json())
    }

    /// Validates with Python's `jsonschema` (an independent implementation of draft 2020-12).
    /// The examples must pass; a broken fixture must fail, so the check cannot pass vacuously.
    @Test("every example validates against the schema with an independent validator")
    func examplesValidate() throws {
        let schema = FileManager.default.temporaryDirectory.appendingPathComponent("lintel-schema-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: schema) }
        try Data(JSONSchemaGenerator.json().utf8).write(to: schema)
        let broken = Paths.fixtures.appendingPathComponent("broken/misspelt-component-key.yaml")
        let script = """
            import json, sys, yaml, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            class Loader(yaml.SafeLoader): pass
            # YAML 1.2 (what editors use) has no timestamp type: keep dates as strings.
            Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != 'tag:yaml.org,2002:timestamp'] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
            def errors(path):
                return list(validator.iter_errors(yaml.load(open(path), Loader=Loader)))
            bad = 0
            for path in sys.argv[3:]:
                found = errors(path)
                for error in found: print(path, list(error.absolute_path), error.message)
                bad += len(found)
            if not errors(sys.argv[2]):
                print('the broken fixture passed validation'); bad += 1
            sys.exit(1 if bad else 0)
            """
        let files = Paths.exampleFiles.map(\.path) + [Paths.fixtures.appendingPathComponent("valid/merge-keys.yaml").path,
                                                      Paths.fixtures.appendingPathComponent("valid/json-model.json").path]
        let result = try runPython(script, arguments: [schema.path, broken.path] + files)
        #expect(result.status == 0, "\(result.output)")
    }
}

/// Runs `python3 -c script args…`; fails clearly when Python or its packages are missing (CI installs them).
func runPython(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

import Foundation
import Testing

/// Validates documents with Python's `jsonschema`, an implementation independent of Lintel.
/// Missing Python or jsonschema fails the test with a clear message (CI installs both).
enum SchemaValidation {
    static var sarifSchema: String {
        ProcessInfo.processInfo.environment["LINTEL_SARIF_SCHEMA"]
            ?? CLI.root.appendingPathComponent("Tests/Schemas/sarif-schema-2.1.0.json").path
    }

    static let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("python3 has no jsonschema module: run `python3 -m pip install jsonschema`")
            sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        document = json.load(open(sys.argv[2]))
        errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
        sys.exit(1 if errors else 0)
        """

    static func validateSARIF(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let schema = sarifSchema
        try #require(FileManager.default.fileExists(atPath: schema),
                     "SARIF schema not found at \(schema); set LINTEL_SARIF_SCHEMA", sourceLocation: sourceLocation)
        let file = try CLI.temporaryDirectory().appendingPathComponent("review.sarif")
        try Data(text.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            Issue.record("python3 not found: install python3 and `pip install jsonschema` to validate SARIF",
                         sourceLocation: sourceLocation)
        } else {
            #expect(process.terminationStatus == 0, "SARIF schema validation failed:\n\(output)", sourceLocation: sourceLocation)
        }
    }
}

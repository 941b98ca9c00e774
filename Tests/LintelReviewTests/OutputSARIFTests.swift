import Foundation
import Testing
@testable import LintelReview
import LintelRender

@Suite("SARIF renderer")
struct OutputSARIFTests {
    let log = SARIFRenderer.log([OutputFixtures.report], rules: OutputFixtures.rules, toolVersion: "1.2.3")

    @Test("Describes the tool and every rule, including ones missing from the catalog")
    func driver() throws {
        let driver = try #require(log.runs.first).tool.driver
        #expect(driver.name == "Lintel" && driver.version == "1.2.3" && driver.informationUri == "https://lintel.dev")
        #expect(driver.rules.map(\.id) == ["distributed-monolith", "missing-health-check", "retry-amplification",
                                           "single-point-of-failure", "sync-call-without-timeout", "no-dead-letter"])
        let rule = try #require(driver.rules.first { $0.id == "single-point-of-failure" })
        #expect(rule.name == "SinglePointOfFailure")
        #expect(rule.shortDescription.text == "Single point of failure")
        #expect(rule.fullDescription.text == "Why single-point-of-failure matters.")
        #expect(rule.help.markdown == "**Why it matters.** Why single-point-of-failure matters.\n\n**How to fix it.** How to fix single-point-of-failure.")
        #expect(rule.defaultConfiguration.level == .error)
        #expect(rule.properties.tags == ["topology"])
        #expect(driver.rules.first { $0.id == "missing-health-check" }?.defaultConfiguration.level == .note)
        #expect(rule.properties.securitySeverity == nil)
    }

    @Test("Security rules carry GitHub's security-severity score")
    func securitySeverity() throws {
        let rule = OutputFixtures.description("public-without-auth", "Public component without authentication", .security, .error)
        let descriptor = SARIFRenderer.descriptor(rule)
        #expect(descriptor.properties == SARIF.RuleProperties(tags: ["security"], securitySeverity: "8.0"))
        let json = try JSONOutput.encode(descriptor.properties)
        #expect(json.contains("\"security-severity\" : \"8.0\""))
    }

    @Test("Each result points at its rule, its level and its place")
    func results() throws {
        let run = try #require(log.runs.first)
        #expect(run.results.count == 6)
        for result in run.results {
            #expect(run.tool.driver.rules[result.ruleIndex].id == result.ruleId)
        }
        let first = try #require(run.results.first)
        #expect(first.ruleId == "sync-call-without-timeout" && first.level == .error)
        #expect(first.message.text == "orders calls inventory synchronously without a timeout")
        let place = try #require(first.locations.first?.physicalLocation)
        #expect(place.artifactLocation.uri == "examples/shop.yaml")
        #expect(place.region == SARIF.Region(startLine: 14, startColumn: 11))
        #expect(first.partialFingerprints == ["lintelFingerprint/v1": "sync-call-without-timeout|orders|inventory|checkout"])
        #expect(first.suppressions == nil)
        #expect(run.results.first { $0.ruleId == "missing-health-check" }?.level == .note)
    }

    @Test("Accepted findings are suppressed: in source from accept:, external from a baseline")
    func suppressions() throws {
        let results = try #require(log.runs.first).results
        let accepted = try #require(results.first { $0.ruleId == "single-point-of-failure" })
        #expect(accepted.suppressions == [SARIF.Suppression(kind: .inSource, justification: "cache miss path is sized (until 2027-03-01)")])
        let baselined = try #require(results.first { $0.ruleId == "no-dead-letter" })
        #expect(baselined.suppressions == [SARIF.Suppression(kind: .external, justification: "baseline")])
    }

    @Test("Locations are relative to the base directory and percent-encoded")
    func uris() {
        #expect(SARIFRenderer.uri("/repo/examples/a b.yaml", baseDirectory: "/repo") == "examples/a%20b.yaml")
        #expect(SARIFRenderer.uri("/repo/x.yaml", baseDirectory: "/repo/") == "x.yaml")
        #expect(SARIFRenderer.uri("./x.yaml", baseDirectory: nil) == "x.yaml")
        #expect(SARIFRenderer.uri("/elsewhere/x.yaml", baseDirectory: "/repo") == "file:///elsewhere/x.yaml")
        #expect(SARIFRenderer.uri("café.yaml", baseDirectory: nil) == "caf%C3%A9.yaml")
    }

    @Test("A finding without a line has no region (SARIF lines start at 1)")
    func noRegion() throws {
        var finding = OutputFixtures.healthCheck
        finding.location = OutputFixtures.at(0, 0)
        let report = ReviewReport(system: "s", files: [], findings: [finding], rules: [])
        let result = try #require(SARIFRenderer.log([report], rules: [], toolVersion: "1").runs.first?.results.first)
        #expect(result.locations.first?.physicalLocation.region == nil)
    }

    @Test("The output validates against the SARIF 2.1.0 JSON schema")
    func schema() throws {
        let text = try ReportOutput.review([OutputFixtures.report, OutputFixtures.clean], format: .sarif,
                                           options: .init(rules: OutputFixtures.rules, toolVersion: "0.1.0"))
        try SARIFSchemaValidator.validate(text)
    }
}

/// Validates SARIF text with Python's `jsonschema` (an implementation independent of Lintel) against the
/// OASIS schema (a copy in `Tests/Schemas`), or `$LINTEL_SARIF_SCHEMA`. Missing Python or jsonschema is a failure.
enum SARIFSchemaValidator {
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

    static var schemaPath: String {
        if let path = ProcessInfo.processInfo.environment["LINTEL_SARIF_SCHEMA"] { return path }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.appendingPathComponent("Tests/Schemas/sarif-schema-2.1.0.json").path
    }

    static func validate(_ sarif: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let schema = schemaPath
        try #require(FileManager.default.fileExists(atPath: schema),
                     "SARIF schema not found at \(schema); set LINTEL_SARIF_SCHEMA", sourceLocation: sourceLocation)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lintel-\(UUID().uuidString).sarif")
        try Data(sarif.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            Issue.record("cannot run python3 to validate SARIF (CI installs python3 and jsonschema): \(error)",
                         sourceLocation: sourceLocation)
            return
        }
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

import Foundation
import Testing

@Suite("lintel review")
struct ReviewCommandTests {
    static let example = "examples/order-system.yaml"

    /// The JSON report of `arguments`, decoded loosely so the test does not share types with the code.
    static func json(_ arguments: [String]) throws -> (CLIResult, [String: Any]) {
        let result = try CLI.run(["review", "--format", "json"] + arguments)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                  "not JSON: \(result.stdout)\n\(result.stderr)")
        return (result, object)
    }

    static func findings(_ object: [String: Any]) -> [[String: Any]] {
        (object["reports"] as? [[String: Any]] ?? []).flatMap { $0["findings"] as? [[String: Any]] ?? [] }
    }

    @Test("Reviews the order-system example: findings with clickable locations, exit 1 on errors")
    func orderSystem() throws {
        let result = try CLI.run(["review", Self.example, "--today", "2026-11-20"])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        // Every finding line starts with file:line:col inside the example, and the line exists.
        let lines = try String(contentsOf: CLI.root.appendingPathComponent(Self.example), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let findingLines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  \(Self.example):") }
        #expect(!findingLines.isEmpty)
        for line in findingLines {
            let fields = line.dropFirst(2).split(separator: ":")
            let number = try #require(Int(fields[1]))
            #expect((1...lines.count).contains(number), "\(line)")
        }
        #expect(result.stdout.contains("\nErrors ("))
        // The model's accept: entry for card-processor holds until 2027-06-30.
        #expect(result.stdout.contains("accepted: contracted 99.99% SLA; a second processor is planned (until 2027-06-30)"))
    }

    @Test("The exit code follows --fail-on and the open findings' severities")
    func failOn() throws {
        let (result, object) = try Self.json([Self.example, "--today", "2026-11-20"])
        let open = Self.findings(object).filter { $0["status"] as? String == "open" }
        let severities = Set(open.compactMap { $0["severity"] as? String })
        #expect(result.status == (severities.contains("error") ? 1 : 0))
        for (threshold, counted) in [("warning", ["error", "warning"]), ("info", ["error", "warning", "info"])] {
            let run = try CLI.run(["review", Self.example, "--today", "2026-11-20", "--fail-on", threshold, "--format", "json"])
            #expect(run.status == (severities.isDisjoint(with: counted) ? 0 : 1), "--fail-on \(threshold)")
        }
        #expect(try CLI.run(["review", Self.example, "--fail-on", "never"]).status == 0)
    }

    @Test("An acceptance past its date no longer accepts the finding")
    func expiry() throws {
        let subject = { (finding: [String: Any]) in
            finding["ruleID"] as? String == "single-point-of-failure" && (finding["components"] as? [String])?.first == "card-processor"
        }
        let (_, before) = try Self.json([Self.example, "--today", "2027-06-30"])
        #expect(Self.findings(before).first(where: subject)?["status"] as? String == "accepted")
        let (_, after) = try Self.json([Self.example, "--today", "2027-07-01"])
        #expect(Self.findings(after).first(where: subject)?["status"] as? String == "open")
    }

    @Test("A broken model exits 2 with file:line:col on stderr and nothing on stdout")
    func brokenModel() throws {
        let directory = try CLI.temporaryDirectory()
        let text = "lintel: 1\nsystem: broken\ncomponents:\n  api: { kind: service, calls: [ { to: dbb } ] }\n  db: { kind: postgres }\n"
        try Data(text.utf8).write(to: directory.appendingPathComponent("broken.yaml"))
        let result = try CLI.run(["review", "broken.yaml", "--format", "sarif"], in: directory)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        // Line 4, column of `dbb` counted by hand from the text above (1-based).
        let column = try #require(text.split(separator: "\n")[3].range(of: "dbb")).lowerBound.utf16Offset(in: text.split(separator: "\n")[3]) + 1
        #expect(result.stderr.hasPrefix("broken.yaml:4:\(column): error: unknown component 'dbb'\n"))
    }

    @Test("Invalid usage exits 64", arguments: [
        ["review", "examples/order-system.yaml", "--today", "2026-13-01"],
        ["review", "examples/order-system.yaml", "--format", "yaml"],
        ["review", "examples/order-system.yaml", "--fail-on", "fatal"],
        ["review"],
    ])
    func usage(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test("A missing file is invalid input")
    func missingFile() throws {
        let result = try CLI.run(["review", "examples/no-such-model.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-model.yaml"))
    }

    @Test("The SARIF output of every example validates against the SARIF 2.1.0 schema")
    func sarif() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "examples/" + $0 }
        #expect(!examples.isEmpty)
        let result = try CLI.run(["review", "--format", "sarif", "--fail-on", "never", "--today", "2026-11-20"] + examples)
        #expect(result.status == 0, "\(result.stderr)")
        try SchemaValidation.validateSARIF(result.stdout)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        for case let result as [String: Any] in run["results"] as? [Any] ?? [] {
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let uri = (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
            #expect(uri.map { $0.hasPrefix("examples/") } == true, "relative artifact location")
        }
    }

    @Test("--output writes the report and refuses to overwrite without --force")
    func output() throws {
        let directory = try CLI.temporaryDirectory()
        let target = directory.appendingPathComponent("review.md").path
        let first = try CLI.run(["review", Self.example, "--format", "markdown", "--fail-on", "never", "--output", target])
        #expect(first.status == 0 && first.stdout.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("# Lintel review\n"))
        let again = try CLI.run(["review", Self.example, "--fail-on", "never", "--output", target])
        #expect(again.status == 2)
        #expect(again.stderr.contains("file exists; pass --force"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == written)
        #expect(try CLI.run(["review", Self.example, "--fail-on", "never", "--output", target, "--force"]).status == 0)
    }

    @Test("A baseline written today accepts today's findings, so CI fails only on new ones")
    func baseline() throws {
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("baseline.json").path
        let write = try CLI.run(["review", Self.example, "--today", "2026-11-20", "--write-baseline", file])
        #expect(write.status == 0 && write.stdout.isEmpty)
        let baseline = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        let entries = try #require(baseline["findings"] as? [[String: Any]])
        let fingerprints = entries.compactMap { $0["fingerprint"] as? String }
        #expect(fingerprints == fingerprints.sorted())
        #expect(entries.allSatisfy { $0["rule"] is String && $0["message"] is String && $0["components"] is [String] })

        let (result, object) = try Self.json([Self.example, "--today", "2026-11-20", "--fail-on", "info", "--baseline", file])
        #expect(result.status == 0)
        let findings = Self.findings(object)
        #expect(findings.allSatisfy { $0["status"] as? String == "accepted" })
        #expect(findings.filter { $0["acceptance"] as? String == "baseline" }.count == fingerprints.count)

        let overwrite = try CLI.run(["review", Self.example, "--write-baseline", file])
        #expect(overwrite.status == 2)
    }

    @Test("An unreadable baseline is invalid input")
    func badBaseline() throws {
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("baseline.json")
        try Data("[1, 2]".utf8).write(to: file)
        let result = try CLI.run(["review", Self.example, "--baseline", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(file.path): error: not a Lintel baseline file"))
    }

    @Test("Colour is used only when asked, never in a pipe by default")
    func colour() throws {
        let plain = try CLI.run(["review", Self.example, "--fail-on", "never"])
        #expect(!plain.stdout.contains("\u{1B}["))
        let coloured = try CLI.run(["review", Self.example, "--fail-on", "never", "--color", "always"])
        #expect(coloured.stdout.contains("\u{1B}[1m"))
    }
}

import Foundation
import Testing

/// Issue 11's input classes through the CLI path, as a user types them: each is refused by every
/// command with one located error at the value (exit 2), never a trap or a long run.
/// `LimitTests` (LintelModelTests) checks the loader's message for each; this checks what the
/// commands do with the file.
@Suite("Issue 11 input classes through the commands")
struct InputClassCommandTests {
    static func model(_ component: String, flow: String = "rate: 10/s", scenario: String = "") -> String {
        "lintel: 1\nsystem: s\ncomponents:\n  api: { kind: service, latency: 5ms, \(component) }\n  db: { kind: postgres }\n"
            + "flows:\n  f: { entry: api, \(flow) }\n" + scenario
    }

    /// label, file, line of the value.
    static let cases: [(String, String, Int)] = [
        ("a huge count (a million instances)", model("instances: 1000000"), 4),
        ("Int.max workers", model("workers: 9223372036854775807"), 4),
        ("a million retries", model("calls: [ { to: db, retries: 1000000 } ]"), 4),
        ("zero instances", model("instances: 0"), 4),
        ("negative workers", model("workers: -3"), 4),
        ("a negative rate", model("instances: 1", flow: "rate: -5/s"), 7),
        ("10^40/s", model("instances: 1", flow: "rate: 10000000000000000000000000000000000000000/s"), 7),
        ("a NaN percentage", model("instances: 1, availability: nan%"), 4),
        ("an infinite multiplier", model("instances: 1", scenario: "scenarios:\n  s: { duration: 10s, load: [ { at: 0s, scale: infx } ] }\n"), 9),
        ("a scale of 1e300x", model("instances: 1", scenario: "scenarios:\n  s: { duration: 10s, load: [ { at: 0s, scale: 1e300x } ] }\n"), 9),
        ("a name with a control character", "lintel: 1\nsystem: s\ncomponents:\n  \"a\\u0007b\": { kind: service }\n", 4),
        ("a name with a bidirectional override", "lintel: 1\nsystem: s\ncomponents:\n  \"a\\u202Eb\": { kind: service }\n", 4),
    ]

    @Test("check, review, capacity and a short simulate refuse each at the value's line, exit 2", arguments: 0..<12)
    func refused(_ index: Int) throws {
        let (label, text, line) = Self.cases[index]
        try CLI.withFile("m.yaml", text) { file in
            for command in [["check"], ["review"], ["capacity"], ["simulate", "--duration", "1s"]] {
                let result = try CLI.run(command + [file.path])
                #expect(result.status == 2, "\(label) \(command): \(result.status) \(result.stderr.prefix(300))")
                #expect(result.stderr.contains("\(file.path):\(line):") && result.stderr.contains(": error: "),
                        "\(label) \(command): \(result.stderr.prefix(300))")
                #expect(!result.stderr.contains("Fatal error"), "\(label) \(command)")
            }
        }
    }
}

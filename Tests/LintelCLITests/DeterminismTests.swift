import Foundation
import Testing

/// Same input and seed give the same bytes across separate processes: Swift randomises Dictionary
/// and Set hashing per process, so any hash order leaking into sums or output shows up here.
@Suite("Determinism across processes")
struct DeterminismTests {
    static let examples: [String] = {
        let directory = CLI.root.appendingPathComponent("examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "examples/\($0)" }
    }()

    /// Runs `arguments` twice as separate processes; both must succeed or fail alike and print the same bytes.
    static func expectSameBytes(_ arguments: [String]) throws {
        let first = try CLI.run(arguments), second = try CLI.run(arguments)
        let command = "lintel " + arguments.joined(separator: " ")
        #expect(!first.stdout.isEmpty, "\(command) printed nothing: \(first.stderr)")
        #expect(first.status == second.status, "\(command): exit \(first.status) then \(second.status)")
        #expect(first.stdout == second.stdout, "\(command): two runs differ at byte \(Self.firstDifference(first.stdout, second.stdout))")
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = Array(a.utf8), right = Array(b.utf8)
        let index = zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(left.count, right.count)
        let context = String(decoding: left[max(0, index - 80)..<min(left.count, index + 80)], as: UTF8.self)
        return "\(index) of \(left.count)/\(right.count): …\(context)…"
    }

    @Test("The examples are found")
    func examplesFound() {
        #expect(Self.examples.count >= 4, "\(Self.examples)")
    }

    @Test("capacity --format json prints the same bytes in two processes", arguments: examples)
    func capacity(_ example: String) throws {
        try Self.expectSameBytes(["capacity", example, "--format", "json"])
    }

    @Test("review --format json prints the same bytes in two processes", arguments: examples)
    func review(_ example: String) throws {
        // A fixed date: acceptances expire against it, and a run across midnight must not differ.
        try Self.expectSameBytes(["review", example, "--format", "json", "--today", "2026-11-20"])
    }

    @Test("simulate --format json --seed 7 prints the same bytes in two processes", arguments: examples)
    func simulate(_ example: String) throws {
        try Self.expectSameBytes(["simulate", example, "--format", "json", "--seed", "7", "--duration", try Self.duration(example)])
    }

    /// The steady run's 60 s, shortened to about 400,000 requests for high-rate examples so that a debug
    /// build runs it in seconds (the code paths, and so any hash-order leak, are the same at any length).
    static func duration(_ example: String) throws -> String {
        let result = try CLI.run(["capacity", example, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let flows = try #require(object["flows"] as? [[String: Any]])
        let total = flows.reduce(0.0) { sum, flow in
            sum + (((flow["rateAverage"] as? [String: Any])?["value"] as? NSNumber)?.doubleValue ?? 0)
        }
        let seconds = total > 0 ? min(60, max(2, 400_000 / total)) : 60
        return "\(Int(seconds.rounded(.up)))s"
    }
}

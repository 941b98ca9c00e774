import Foundation
import LintelModel
import LintelReview
import LintelSimulation
import Testing

/// `retry-storm` against the simulator: the rule says a slowdown leaves the service overloaded after it
/// ends when λ(1 + R) ≥ cμ; the simulator runs the slowdown and reports whether goodput came back.
/// The model is REFERENCE.md's metastability experiment (4 workers at μ = 1/s, client timeout 5 s,
/// queue 100, a 100 s slowdown to 25% speed), whose published outcomes are the third column.
@Suite("Cross-engine: retry storms")
struct RetryStormTests {
    static func model(rate: Double, retries: Int) throws -> Model {
        try ModelLoader.load(text: """
            lintel: 1
            system: metastable
            components:
              client: { kind: gateway, workers: 100000, latency: 0s, calls: [ { to: server, timeout: 5s, retries: \(retries), idempotent: true } ] }
              server: { kind: service, instances: 1, workers: 4, latency: 1s, queue: 100 }
            flows:
              f: { entry: client, rate: \(rate)/s }
            scenarios:
              slowdown: { duration: 1500s, faults: [ { component: server, at: 200s, for: 100s, latency: 4x } ] }
            """, file: "metastable.yaml").model
    }

    /// λ, R, and whether the simulator stays down (REFERENCE.md for the first three; λ(1 + R) = 4.8 > 4 for the last).
    static let cases: [(Double, Int, Bool)] = [(0.9, 3, false), (2.0, 0, false), (2.0, 3, true), (1.2, 3, true)]

    @Test("retry-storm fires, as an error the scenario's 4× slowdown tips, exactly when the simulated service stays down after it",
          arguments: cases)
    func agree(_ example: (rate: Double, retries: Int, staysDown: Bool)) throws {
        let model = try Self.model(rate: example.rate, retries: example.retries)
        let findings = Reviewer.review(model, rules: [RetryStorm.self]).findings
        let report = try Simulation.run(model, scenario: "slowdown", options: SimulationOptions(seed: 5))
        let tail = report.series.suffix(500)
        let goodput = Double(tail.reduce(0) { $0 + $1.goodput }), offered = Double(tail.reduce(0) { $0 + $1.offered })
        let label = "λ \(example.rate), R \(example.retries): goodput \(goodput) of \(offered), \(report.verdict.summary)"
        #expect((goodput < 0.5 * offered) == example.staysDown, "\(label)")
        #expect(!findings.isEmpty == example.staysDown, "\(label): \(findings.map(\.message))")
        if let finding = findings.first {
            #expect(finding.severity == .error, "the scenario's own fault tips it: \(finding.message)")
            #expect(finding.components.first == "server")
            let withRetries = try #require(finding.figures?.first { $0.formula == "λ(1 + R)" }?.value)
            #expect(abs(withRetries - example.rate * Double(1 + example.retries)) < 1e-9)
        }
    }
}

import LintelModel
import Testing
@testable import LintelSimulation

/// Bounded memory under overload, and a verdict that tells overload, recovery and metastability apart.
@Suite("Verdicts tell the truth and memory stays bounded")
struct VerdictTests {
    @Test("M/M/1 offered 20/s at 1/s with a cap of 1,000: the cap holds, and the verdict names the server and the moment (≈ 1,000 / 19 s)")
    func overloadCap() throws {
        let model = Fixture.model([Fixture.component("server", workers: 1, mean: 1)],
                                  flows: [Fixture.flow(entry: "server", rate: 20)])
        let options = SimulationOptions(seed: 2, maxInFlight: 1000)
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 600), options: options)
        let overload = try #require(report.overload)
        #expect(overload.component == "server")
        // The backlog grows at λ − μ = 19/s (SD √(21 t) ≈ 33 at t = 53 s, so ±10 s is over 5 SDs).
        #expect(abs(overload.time - 1000 / 19.0) < 10, "at \(overload.time) s")
        // Memory: never more than the cap alive at once, however long the run.
        let peak = report.series.map(\.inFlight).max() ?? 0
        #expect(peak <= 1000, "peak in flight \(peak)")
        let flow = try #require(report.flows.first)
        // After the cap, about 19 of every 20 arrivals are refused.
        #expect(flow.overloadRejections > flow.offered * 8 / 10)
        #expect(report.verdict.outcome == .overloaded)
        #expect(report.verdict.summary.contains("server"), "\(report.verdict.summary)")
    }

    @Test("Offered load above capacity before the fault is 'overloaded', not a metastable failure")
    func overloadedBeforeFault() throws {
        // 4 workers at μ = 1/s offered 5/s (REFERENCE.md's metastability model above capacity).
        let report = try ResilienceTests.metastability(rate: 5, retries: 0)
        #expect(report.verdict.outcome == .overloaded, "\(report.verdict.summary)")
        #expect(report.verdict.summary.contains("server"), "\(report.verdict.summary)")
    }

    @Test("A run without faults whose load exceeds capacity is 'overloaded'; one whose load fits is not")
    func steadyOverload() throws {
        for (rate, overloaded) in [(1.5, true), (0.5, false)] {
            let model = Fixture.model([Fixture.component("server", workers: 1, mean: 1)],
                                      flows: [Fixture.flow(entry: "server", rate: rate)])
            let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 2000), options: SimulationOptions(seed: 3))
            #expect((report.verdict.outcome == .overloaded) == overloaded, "λ = \(rate): \(report.verdict.summary)")
        }
    }

    @Test("A flow's SLO fills missing fields from requirements.slo and reports each breach")
    func sloPerFlow() throws {
        var flow = Fixture.flow(entry: "server", rate: 5)
        flow.slo = ServiceLevel(availability: 0.99)
        var model = Fixture.model([Fixture.component("server", workers: 1, mean: 0.1)], flows: [flow])
        // M/M/1 at ρ = 0.5: the sojourn is exponential with mean 0.2 s, so p99 = 0.2·ln 100 ≈ 0.92 s > 0.5 s.
        model.requirements.slo = ServiceLevel(latencyP99: TimeSpan(seconds: 0.5))
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 2000), options: SimulationOptions(seed: 4))
        let slo = try #require(report.flows.first?.slo)
        #expect(slo.availability == 0.99)
        #expect(slo.latencyP99 == 0.5)
        #expect(slo.breaches.count == 1)
        #expect(slo.breaches.first?.hasPrefix("p99") == true, "\(slo.breaches)")
        #expect(report.verdict.sloBreaches.count == 1)
    }
}

import Foundation
import LintelModel
import Testing
@testable import LintelSimulation

/// The simulator against closed forms of queueing theory (values in REFERENCE.md).
@Suite("Simulation agrees with queueing theory")
struct QueueingTheoryTests {
    @Test("M/M/4 at λ = 3.6/s, μ = 1/s: mean wait within 5% of Erlang C and utilisation within 1% of 0.9")
    func mm4() throws {
        let server = Fixture.component("server", workers: 4, mean: 1)
        let model = Fixture.model([server], flows: [Fixture.flow(entry: "server", rate: 3.6)])
        // 1,000,000 customers. The mean wait of one such run at ρ = 0.9 has a standard deviation
        // of about 1.7% (REFERENCE.md, 20 seeds), so 5% is about three standard deviations.
        let scenario = Fixture.scenario(duration: 1_000_000 / 3.6)
        let report = try Simulation.run(model, scenario: scenario, options: SimulationOptions(seed: 42))
        let result = try #require(report.components.first)
        let erlangC = 1.969383
        #expect(abs(result.meanWait - erlangC) / erlangC < 0.05, "Wq = \(result.meanWait)")
        // Utilisation is a time average of ~1M service times: its relative noise is far below 1%.
        #expect(abs(result.utilisation - 0.9) / 0.9 < 0.01, "ρ = \(result.utilisation)")
        // Little's law ties the time-averaged queue length to the measured wait: Lq = λ·Wq.
        let offered = Double(report.flows[0].offered) / report.duration
        #expect(abs(result.meanQueue - offered * result.meanWait) / result.meanQueue < 0.01)
    }

    @Test("Two M/M/1 stations in tandem: mean sojourn within 5% of the Jackson value Σ 1/(μᵢ − λ)")
    func tandem() throws {
        // λ = 0.5, μ₁ = 1, μ₂ = 0.8: sojourn = 1/0.5 + 1/0.3 = 5.3333 s. The first station hands
        // the customer on without waiting (an async call), as a tandem queue does.
        let first = Fixture.component("first", workers: 1, mean: 1, calls: [Fixture.call("second", mode: .async)])
        let second = Fixture.component("second", workers: 1, mean: 1.25)
        let model = Fixture.model([first, second], flows: [Fixture.flow(entry: "first", rate: 0.5)])
        // 500,000 customers at ρ ≤ 0.625: noise is well under the 1.7% of the ρ = 0.9 case.
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 1_000_000), options: SimulationOptions(seed: 7))
        let sojourn = report.components.reduce(0) { $0 + $1.meanWait + $1.meanService }
        let jackson = 1 / (1 - 0.5) + 1 / (0.8 - 0.5)
        #expect(abs(sojourn - jackson) / jackson < 0.05, "sojourn = \(sojourn), Jackson = \(jackson)")
    }

    @Test("M/D/1 at ρ = 0.8: mean wait within 5% of Pollaczek–Khinchine")
    func md1() throws {
        let server = Fixture.component("server", workers: 1, mean: 1, distribution: .constant)
        let model = Fixture.model([server], flows: [Fixture.flow(entry: "server", rate: 0.8)])
        // 480,000 customers; deterministic service halves the variance of M/M/1's wait.
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 600_000), options: SimulationOptions(seed: 11))
        let result = try #require(report.components.first)
        let pollaczekKhinchine = 0.8 * 1 / (2 * (1 - 0.8))
        #expect(abs(result.meanWait - pollaczekKhinchine) / pollaczekKhinchine < 0.05, "Wq = \(result.meanWait)")
        #expect(result.meanService == 1)
    }

    @Test("A log-normal fitted to p50 and p99 reproduces them")
    func lognormalFit() throws {
        var component = Fixture.component("server", workers: 1_000_000, mean: 1)
        component.latency = Latency(p50: .milliseconds(10), p99: .milliseconds(50), distribution: .lognormal)
        let model = Fixture.model([component], flows: [Fixture.flow(entry: "server", rate: 1000)])
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 200), options: SimulationOptions(seed: 3))
        let flow = try #require(report.flows.first)
        // 200,000 samples: the empirical p50 and p99 are within 1% and 3% (binomial noise of the
        // order statistic), plus HdrHistogram's 0.1% resolution.
        #expect(abs(flow.p50 - 0.010) / 0.010 < 0.02, "p50 = \(flow.p50)")
        #expect(abs(flow.p99 - 0.050) / 0.050 < 0.04, "p99 = \(flow.p99)")
        // The mean is e^(μ + σ²/2), which the model's `Latency.mean` also computes.
        #expect(abs(flow.meanLatency - component.latency.mean.seconds) / component.latency.mean.seconds < 0.02)
    }
}

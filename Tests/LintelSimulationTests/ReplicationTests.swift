import LintelModel
import Testing
@testable import LintelSimulation

/// Replications in parallel: confidence intervals that cover the truth, and output independent of scheduling.
@Suite("Replications")
struct ReplicationTests {
    static let mm4 = Fixture.model([Fixture.component("server", workers: 4, mean: 1)],
                                   flows: [Fixture.flow(entry: "server", rate: 3.6)])

    @Test("M/M/4 at ρ 0.9 over 10 seeds: the 95% interval of the mean wait covers Erlang C (1.969383 s), that of utilisation 0.9")
    func coversErlangC() throws {
        var options = SimulationOptions(seed: 100)
        options.replications = 10
        let report = try Simulation.run(Self.mm4, scenario: Fixture.scenario(duration: 200_000 / 3.6), options: options)
        let reps = try #require(report.replications)
        #expect(reps.count == 10)
        #expect(reps.seeds == Array(100...109))
        let server = try #require(reps.components.first)
        #expect(server.meanWait.covers(1.969383), "\(server.meanWait)")
        #expect(server.utilisation.covers(0.9), "\(server.utilisation)")
        // The interval is informative: 200,000 customers per seed give about ±4% on the mean wait.
        #expect(server.meanWait.halfWidth < 0.2)
    }

    @Test("Replications are deterministic: two runs give the same report, and the report body is the first seed's run")
    func deterministic() throws {
        var options = SimulationOptions(seed: 7)
        options.replications = 4
        let scenario = Fixture.scenario(duration: 2000)
        let first = try Simulation.run(Self.mm4, scenario: scenario, options: options)
        let second = try Simulation.run(Self.mm4, scenario: scenario, options: options)
        #expect(first == second)
        var single = try Simulation.run(Self.mm4, scenario: scenario, options: SimulationOptions(seed: 7))
        single.replications = first.replications
        #expect(single == first)
        // The fourth replication is the run with seed 10.
        let fourth = try Simulation.run(Self.mm4, scenario: scenario, options: SimulationOptions(seed: 10))
        let values = try #require(first.replications?.components.first?.utilisation)
        #expect(fourth.components[0].utilisation >= values.mean - 4 * values.halfWidth)
    }

    @Test("Student t quantiles: published values at 1, 9 and 29 degrees of freedom; the expansion meets 1.984 at 100")
    func studentT() {
        #expect(StudentT.quantile975(degreesOfFreedom: 1) == 12.706)
        #expect(StudentT.quantile975(degreesOfFreedom: 9) == 2.262)
        #expect(StudentT.quantile975(degreesOfFreedom: 29) == 2.045)
        #expect(abs(StudentT.quantile975(degreesOfFreedom: 100) - 1.98397) < 1e-3)
        #expect(abs(StudentT.quantile975(degreesOfFreedom: 40) - 2.02108) < 1e-3)
    }
}

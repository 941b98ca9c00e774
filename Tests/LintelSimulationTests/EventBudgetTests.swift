import Foundation
import LintelModel
import Testing
@testable import LintelSimulation

/// The simulator refuses work it cannot finish (issue 11): a run estimated above
/// `SimulationOptions.maxSimulatedEvents`, or whose load is not finite, fails before it starts with
/// the estimate and the longest duration that fits; a run whose retries multiply the work beyond
/// the estimate is stopped at its share of the budget.
@Suite("Event budget")
struct EventBudgetTests {
    /// One M/M/4 server at λ = 3.6/s: each request is one flow arrival plus one visit, so the
    /// estimate is 2λ = 7.2 events per simulated second (closed form).
    static func mm4(rate: Double = 3.6) -> Model {
        Fixture.model([Fixture.component("server", workers: 4, mean: 1)], flows: [Fixture.flow(entry: "server", rate: rate)])
    }

    /// The estimate of the refusal, or nil when the run was not refused.
    static func refusal(_ model: Model, duration: Double, options: SimulationOptions = SimulationOptions()) -> EventEstimate? {
        do {
            _ = try Simulation.run(model, scenario: Fixture.scenario(duration: duration), options: options)
            return nil
        } catch {
            if case .tooMuchWork(let estimate) = error { return estimate }
            return nil
        }
    }

    @Test("a full run of 10^9 simulated seconds is refused with the 2λ·T estimate and the duration that fits")
    func fullRunRefused() throws {
        var options = SimulationOptions(seed: 1)
        options.maxEvents = 0 // --full
        let estimate = try #require(Self.refusal(Self.mm4(), duration: 1e9, options: options))
        // 10^9 s in 3,600 intervals: the fixed cost of the run's time series is what the events cannot use.
        let fixed = EventBudget.fixedCost(seriesPoints: 3600)
        let fitting: Double = (SimulationOptions.defaultMaxSimulatedEvents - fixed) / 7.2
        #expect(abs(estimate.fullEvents - 7.2e9) < 1)
        #expect(estimate.scale == 1)
        #expect(abs(estimate.fittingDuration - fitting) < 1e-3)
        let message = SimulationError.tooMuchWork(estimate).description
        #expect(message.contains("7.2e9 events"))
        #expect(message.contains("--duration"))
        #expect(message.contains("without --full"))
        #expect(message.contains("raise the budget to at least 7.2e9 events (--event-budget"))
    }

    @Test("ten replications are scaled ten times further than one, so they fit the budget; ten full replications are refused")
    func replicationsScaledTogether() throws {
        let model = Self.mm4()
        // 7.2 events per simulated second for 10^6 s: 7.2e6 per replication, 7.2e7 for ten.
        var options = SimulationOptions(seed: 1, duration: TimeSpan(seconds: 1e6))
        options.maxEvents = 1e7
        options.replications = 10
        let report = try Simulation.run(model, scenario: nil, options: options)
        // k ≥ 7.2e7 / 1e7 = 7.2, chosen in [8, 16]: 4 workers are exactly divided only by k = 4 or less, so the
        // choice is the k whose rounded servers keep utilisation closest; every replication then processes
        // about 7.2e6 / k events.
        #expect(report.scale >= 8 && report.scale <= 16)
        #expect(Double(report.events) < 7.2e6 / Double(report.scale) * 1.1)
        options.maxEvents = 0 // --full
        options.maxSimulatedEvents = 5e7
        let estimate = try #require(Self.refusal(model, duration: 1e6, options: options))
        #expect(estimate.scale == 1)
        #expect(abs(estimate.simulatedEvents - 7.2e7 - 10 * estimate.fixedPerReplication) < 1)
        #expect(SimulationError.tooMuchWork(estimate).description.contains("fewer replications"))
    }

    @Test("10,000 replications of a short run are refused for their fixed cost, which scaling cannot shrink")
    func fixedCostOfReplications() throws {
        var options = SimulationOptions(seed: 1)
        options.replications = 10_000
        let estimate = try #require(Self.refusal(Self.mm4(), duration: 60, options: options))
        // 60 one-second points: 5,000 + 5 × 60 = 5,300 per run, 5.3e7 for 10,000 > 3.5e7.
        #expect(estimate.fixedPerReplication == 5_300)
        #expect(estimate.simulatedEvents > SimulationOptions.defaultMaxSimulatedEvents)
        #expect(estimate.fittingDuration == 0)
        #expect(SimulationError.tooMuchWork(estimate).description.contains("fewer replications"))
    }

    @Test("many replications are not scaled to nothing to fit their fixed cost: they keep at least a tenth of the target")
    func replicationsKeepLoad() throws {
        var options = SimulationOptions(seed: 1)
        options.replications = 6_000
        // 7.2 events/s for 10^4 s: 7.2e4 per run, 4.32e8 for 6,000; their fixed cost 5,000 + 5 × 3,334 points each.
        let estimate = try #require(Self.refusal(Self.mm4(), duration: 1e4, options: options))
        // Scaled to a fifth of the target, k ≥ 4.32e8 / 5e6; k is chosen in [k_min, 2 k_min], so at least a tenth is kept.
        let kept = estimate.fullEvents * 6_000 / Double(estimate.scale)
        #expect(kept >= SimulationOptions.defaultMaxEvents / 10)
        #expect(SimulationError.tooMuchWork(estimate).description.contains("fewer replications"))
    }

    @Test("a load of 10^40 requests per second is beyond the million-fold scale and refused before any event")
    func hugeRateRefused() throws {
        let estimate = try #require(Self.refusal(Self.mm4(rate: 1e40), duration: 60))
        #expect(estimate.scale <= 1_000_256)
        let expected: Double = 2 * 1e40 * 60
        #expect(abs(estimate.fullEvents / expected - 1) < 1e-12)
    }

    @Test("a load whose event count overflows to infinity is refused as not finite")
    func infiniteLoadRefused() throws {
        // 2 × 1.8e308 events per second overflows; the semantic core itself maps a rate of ∞ to 0.
        let estimate = try #require(Self.refusal(Self.mm4(rate: .greatestFiniteMagnitude), duration: 60))
        #expect(!estimate.fullEvents.isFinite)
        #expect(SimulationError.tooMuchWork(estimate).description.contains("not finite"))
    }

    @Test("a scenario step to 10^300 requests per second is refused before the step is reached")
    func hugeStepRefused() throws {
        let scenario = Fixture.scenario(duration: 60, load: [Fixture.step(at: 30, rate: 1e300)])
        do {
            _ = try Simulation.run(Self.mm4(), scenario: scenario)
            Issue.record("the run should have been refused")
        } catch {
            guard case .tooMuchWork(let estimate) = error else {
                Issue.record("expected .tooMuchWork, got \(error)")
                return
            }
            // 3.6/s for 30 s, then 10^300/s for 30 s, two events per request.
            let expected: Double = 2 * (3.6 * 30 + 1e300 * 30)
            #expect(abs(estimate.fullEvents / expected - 1) < 1e-12)
        }
    }

    @Test("a run inside the budget is unchanged: the estimate equals 2λT and the run ends normally")
    func withinBudget() throws {
        var options = SimulationOptions(seed: 1)
        options.maxSimulatedEvents = 7.2 * 100 * 1.001 + EventBudget.fixedCost(seriesPoints: 100)
        let report = try Simulation.run(Self.mm4(), scenario: Fixture.scenario(duration: 100), options: options)
        #expect(report.scale == 1)
        let offered = try #require(report.flows.first).offered
        #expect(offered > 300)
    }

    @Test("retries that multiply the work beyond the estimate stop the run at 1.5 times its budget share")
    func retriesExceedTheLimit() throws {
        // Every call times out after 1 ms against a 1 s service and is retried 5 times: six attempts,
        // each with its own events, where the estimate counts one visit.
        let client = Fixture.client(calls: [Fixture.call("server", timeout: 0.001, retries: 5, base: 0.001, cap: 0.001)])
        let server = Fixture.component("server", workers: 1000, mean: 1)
        let model = Fixture.model([client, server], flows: [Fixture.flow(entry: "client", rate: 10)])
        var options = SimulationOptions(seed: 1)
        let estimated = 10.0 * 3 * 200 // arrival + client visit + server visit, 200 s
        let budget = (estimated + EventBudget.fixedCost(seriesPoints: 200)) * 1.01
        options.maxSimulatedEvents = budget
        do {
            _ = try Simulation.run(model, scenario: Fixture.scenario(duration: 200), options: options)
            Issue.record("the run should have been stopped")
        } catch {
            guard case .workExceeded(let processed, let limit) = error else {
                Issue.record("expected .workExceeded, got \(error)")
                return
            }
            #expect(limit == UInt64(1.5 * budget))
            #expect(processed > limit)
            #expect(error.description.contains("retries"))
        }
    }

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    @Test("every example's scenarios process at most 1.1 times the estimated events, so the engine limit (1.5 times) never stops an ordinary run",
          arguments: ["order-system.yaml", "flash-sale.yaml", "analytics-platform.yaml", "django-monolith.yaml"])
    func examplesStayUnderTheEngineLimit(file: String) throws {
        let model = try ModelLoader.load(path: Self.examples.appendingPathComponent(file).path).model
        for name in [nil] + model.scenarios.map(\.name) as [String?] {
            var options = SimulationOptions(seed: 1, duration: TimeSpan(seconds: 5))
            options.maxEvents = 300_000
            let report = try Simulation.run(model, scenario: name, options: options)
            let scenario = try ResolvedScenario(
                scenario: model.scenarios.first { $0.name == name } ?? Fixture.scenario(duration: 5), model: model, duration: 5)
            let semantics = SemanticModel(model)
            let estimated = LoadScaling.expectedEvents(semantics, CompiledModel(semantics: semantics), timeline: scenario.timeline,
                                                       duration: scenario.duration).events / Double(report.scale)
            #expect(Double(report.events) <= 1.1 * estimated + 100, "\(file) \(name ?? "steady"): \(report.events) events, estimated \(estimated)")
        }
    }
}

import Foundation
import LintelModel
import Testing
@testable import LintelCapacity

/// The work budget of a capacity analysis (issue 11: every long computation honours a deadline and
/// stops with a clear error, never a partial report). Budgets are counted in steps, never in
/// wall-clock time, so these tests hold on any machine.
@Suite("Capacity work budget")
struct CapacityBudgetTests {
    /// A synchronous chain c0 → c1 → … → c(n−1) with `flows` flows entering c0.
    static func chain(components: Int, flows: Int) throws -> Model {
        var text = "lintel: 1\nsystem: chain\ncomponents:\n"
        for index in 0..<components {
            text += "  c\(index): { kind: service, latency: 2ms, instances: 2"
            text += index + 1 < components ? ", calls: [ { to: c\(index + 1), timeout: 1s, retries: 1 } ] }\n" : " }\n"
        }
        text += "flows:\n"
        for index in 0..<flows { text += "  f\(index): { entry: c0, rate: 1/s }\n" }
        return try loadModel(text)
    }

    @Test("within its budget the report is the unbudgeted analysis's, figure for figure")
    func sameReport() throws {
        let model = try Self.chain(components: 40, flows: 3)
        let budgeted = try CapacityAnalyzer.analyze(model, budget: .standard)
        #expect(budgeted == CapacityAnalyzer.analyze(model))
    }

    @Test("a budget too small for one pass over the graph stops in the steady state, naming the model's size")
    func tinyBudget() throws {
        let model = try Self.chain(components: 40, flows: 3)
        #expect(throws: CapacityError.budgetExceeded(phase: "the steady state", steps: (1 + CapacityBudget.queueWeight) * (40 + 39), budget: 10,
                                                     components: 40, calls: 39, flows: 3, scenarioChanges: 0)) {
            try CapacityAnalyzer.analyze(model, budget: CapacityBudget(steps: 10))
        }
    }

    /// By the counting rule (`CapacityBudget`): a chain of 50 components has 99 components and calls;
    /// one flow costs at most 9 steady-state rounds × 65 × 99 + 64 × 99 (unloaded queues) + 2 × 99
    /// (retry load) + 2 × (1 + 50) (its latency) + 50 (sizing) = 64,553 steps, within 100,000.
    /// With 600 flows at most 64,251 steps come before the retry loads, which need 600 × 2 × 99 =
    /// 118,800 more: the budget runs out there.
    @Test("the same graph with many flows runs out in the per-flow retry load, and says so")
    func manyFlows() throws {
        let budget = CapacityBudget(steps: 100_000)
        _ = try CapacityAnalyzer.analyze(try Self.chain(components: 50, flows: 1), budget: budget)
        let large = try Self.chain(components: 50, flows: 600)
        do {
            _ = try CapacityAnalyzer.analyze(large, budget: budget)
            Issue.record("600 flows fit a budget of 100,000 steps")
        } catch {
            guard case .budgetExceeded(let phase, let steps, let limit, let components, _, let flows, _) = error else { return }
            #expect(phase == "the retry load of each flow")
            #expect(steps > limit && limit == 100_000)
            #expect(components == 50 && flows == 600)
            #expect(error.description.contains("needs more than its budget of 100000 steps"))
            #expect(error.description.contains("600 flows"))
        }
    }

    /// Without the scenario the model needs at most 64,553 steps (above); with it, at most 9 × 65 × 99
    /// = 57,915 more for the steady state at average load, so up to 122,468 before the load changes,
    /// and then 99 per change: 5,000 changes cannot fit 200,000 steps, and run out there.
    @Test("scenario load changes count: five thousand changes run out where the steady analysis fits")
    func scenarioChanges() throws {
        let base = try Self.chain(components: 50, flows: 1)
        var model = base
        let here = SourceLocation(file: "test.yaml", line: 1, column: 1)
        var scenario = Scenario(name: "steps", duration: TimeSpan(seconds: 6_000), location: here)
        scenario.load = (0..<5_000).map { LoadStep(at: TimeSpan(seconds: Double($0)), scale: 1 + Double($0 % 7), location: here) }
        model.scenarios = [scenario]
        _ = try CapacityAnalyzer.analyze(base, budget: CapacityBudget(steps: 200_000))
        #expect {
            try CapacityAnalyzer.analyze(model, budget: CapacityBudget(steps: 200_000))
        } throws: { error in
            guard case CapacityError.budgetExceeded(let phase, _, _, _, _, _, let changes) = error else { return false }
            return phase == "the scenario load changes" && changes == 5_000
        }
    }

    @Test("a deadline already passed stops the analysis at its first step")
    func deadline() throws {
        let model = try Self.chain(components: 5, flows: 1)
        let past = ContinuousClock.now - .seconds(1)
        #expect(throws: CapacityError.self) {
            try CapacityAnalyzer.analyze(model, budget: CapacityBudget(steps: .max, deadline: past))
        }
    }

    @Test("the count saturates instead of overflowing")
    func saturates() throws {
        let meter = WorkMeter(CapacityBudget(steps: .max), semantics: SemanticModel(try Self.chain(components: 2, flows: 1)))
        try meter.charge(.max - 1, in: "test")
        #expect(throws: CapacityError.self) { try meter.charge(.max, in: "test") }
        #expect(meter.used == .max)
    }
}

import Foundation
import LintelModel

/// How much work one capacity analysis may do before it stops with `CapacityError.budgetExceeded`
/// (issue 11: every long computation honours a deadline, and says so instead of returning part of
/// a report).
///
/// Work is counted in steps, cooperatively, at the analysis's loops. One step is one component or
/// call visited by a load propagation (the cheapest unit, about 0.1 µs); building the queues of
/// every component at one load costs `queueWeight` steps per component and call, since each
/// composes latency distributions on a 256-cell grid (measured: about 60 times a propagation
/// visit), and as much again per component a terminating cycle's sweeps solve a second time or more
/// (`QueueState.repeatedSolves`). The steady state builds queues and propagates once per round, each flow's retry load
/// propagates twice, each flow's latency walks its hops and the components it reaches, each
/// scenario load change propagates once. The count depends on the model alone, so the same model
/// stops at the same step on every machine; the optional deadline adds a wall-clock bound for
/// servers, checked at the same points. The semantic core (`SemanticModel`), built before the
/// analysis, is not counted.
public struct CapacityBudget: Sendable, Equatable {
    /// Steps allowed.
    public var steps: Int
    /// A wall-clock deadline, checked at every step count; nil for none (tests and the CLI use steps).
    public var deadline: ContinuousClock.Instant?

    public init(steps: Int, deadline: ContinuousClock.Instant? = nil) {
        self.steps = steps
        self.deadline = deadline
    }

    /// Steps a build of every component's queue costs per component and call (see above).
    public static let queueWeight = 64

    /// What the CLI allows: the order of 10 s of CPU. Measured (BENCHMARKS.md, "Fuzzing and
    /// limits"): a layered model of 10,000 components, 28,500 calls and 100 flows counts about
    /// 2×10^7 steps; `capacity` on it took 8.9 s of CPU in the coverage-instrumented fuzz binary
    /// (an upper bound of the release build's), about 70% of it in the analysis.
    public static let standard = CapacityBudget(steps: 50_000_000)

    /// No limit (the analysis of a model already known to be small).
    public static let unlimited = CapacityBudget(steps: .max)
}

/// Why a capacity analysis stopped without a report.
public enum CapacityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The analysis needed more steps than its budget (or passed its deadline) while in `phase`.
    case budgetExceeded(phase: String, steps: Int, budget: Int, components: Int, calls: Int, flows: Int, scenarioChanges: Int)

    public var description: String {
        switch self {
        case .budgetExceeded(let phase, let steps, let budget, let components, let calls, let flows, let changes):
            let limit = steps > budget || steps == .max ? "more than its budget of \(budget) steps" : "past its deadline after \(steps) steps"
            return "capacity analysis stopped in \(phase): this model (\(components) components, \(calls) calls, \(flows) flows, "
                + "\(changes) scenario load changes) needs \(limit); split the system into smaller models, "
                + "or fewer flows and scenario load steps"
        }
    }
}

/// Counts the steps of one analysis against its budget. A class so every part of the analysis
/// charges the same count; one analysis runs on one thread.
final class WorkMeter {
    let budget: CapacityBudget
    private(set) var used = 0
    private let size: (components: Int, calls: Int, flows: Int, changes: Int)

    init(_ budget: CapacityBudget, semantics: SemanticModel) {
        self.budget = budget
        let changes = semantics.model.scenarios.reduce(0) { $0 + $1.load.count }
        size = (semantics.graph.count, semantics.graph.edges.count, semantics.flows.count, changes)
    }

    /// The steps of one graph-wide pass: every component and call once.
    var graphPass: Int { size.components + size.calls }

    /// Adds `steps` (saturating) and stops the analysis when the budget or the deadline is passed.
    func charge(_ steps: Int, in phase: String) throws(CapacityError) {
        let (sum, overflow) = used.addingReportingOverflow(max(0, steps))
        used = overflow ? .max : sum
        let late = budget.deadline.map { ContinuousClock.now >= $0 } ?? false
        if overflow || used > budget.steps || late {
            throw .budgetExceeded(phase: phase, steps: used, budget: budget.steps, components: size.components,
                                  calls: size.calls, flows: size.flows, scenarioChanges: size.changes)
        }
    }
}

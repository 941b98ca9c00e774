import LintelModel

/// A scenario with component names resolved to indices. The load over time is the core's
/// `LoadTimeline` (this type does no step arithmetic of its own).
struct ResolvedScenario: Sendable {
    struct Fault: Sendable {
        var at: Double
        var end: Double
        var component: Int32
        var down: Bool
        var instancesDown: Int32
        var latencyFactor: Double
        var errorRate: Double
        var workers: Int32?
    }

    var name: String
    var duration: Double
    /// Every flow's rate at each change of load.
    var timeline: LoadTimeline
    var faults: [Fault]

    init(scenario: Scenario, model: Model, duration: Double?) throws(SimulationError) {
        let components = model.componentIndex
        name = scenario.name
        self.duration = duration ?? scenario.duration.seconds
        guard self.duration.isFinite, self.duration > 0 else { throw .invalidDuration(self.duration) }
        do {
            timeline = try LoadTimeline(flows: model.flows, scenario: scenario)
        } catch {
            switch error {
            case .unknownFlow(let flow): throw .unknownFlow(flow)
            }
        }
        faults = try scenario.faults.map { fault throws(SimulationError) in
            guard let c = components[fault.component] else { throw .unknownComponent(fault.component) }
            return Fault(at: max(0, fault.at.seconds), end: max(0, fault.end.seconds), component: Int32(c), down: fault.down,
                         instancesDown: Int32(clamping: max(0, fault.instancesDown ?? 0)),
                         latencyFactor: max(0, fault.latencyFactor ?? 1), errorRate: min(1, max(0, fault.errorRate ?? 0)),
                         workers: fault.workers.map { Int32(clamping: max(0, $0)) })
        }
    }
}

/// Why a simulation could not start.
public enum SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownScenario(String, available: [String])
    case unknownComponent(String)
    case unknownFlow(String)
    case invalidDuration(Double)
    case noFlows
    /// The caller asked the run to stop (`shouldStop`) before it ended.
    case cancelled
    /// The run would process more events than `SimulationOptions.maxSimulatedEvents` (or its load is
    /// not finite): refused before it starts, with the estimate and how to shorten it.
    case tooMuchWork(EventEstimate)
    /// The run processed more events than its share of the budget (retries and timeouts multiplied
    /// the work beyond the estimate) and was stopped.
    case workExceeded(processed: UInt64, limit: UInt64)

    public var description: String {
        switch self {
        case .unknownScenario(let name, let available):
            let list = available.isEmpty ? "the model defines no scenarios" : "available: " + available.joined(separator: ", ")
            return "no scenario named '\(name)' (\(list))"
        case .unknownComponent(let name): return "the scenario names an unknown component '\(name)'"
        case .unknownFlow(let name): return "the scenario names an unknown flow '\(name)'"
        case .invalidDuration(let seconds): return "the simulated duration must be positive and finite (got \(seconds) s)"
        case .cancelled: return "the simulation was stopped before it ended (cancelled or out of time)"
        case .tooMuchWork(let estimate): return EventBudget.describe(estimate)
        case .workExceeded(let processed, let limit): return EventBudget.describeExceeded(processed: processed, limit: limit)
        case .noFlows: return "the model has no flows, so nothing sends requests; add a `flows:` section"
        }
    }
}

import LintelModel

/// A scenario with component and flow names resolved to indices.
struct ResolvedScenario: Sendable {
    struct Step: Sendable {
        var at: Double
        /// The flow the step changes; nil for all flows.
        var flows: Int?
        var rate: Double?
        var scale: Double?

        /// The rate of flow `f` from this step on: the total split by the flows' average rates,
        /// or the flow's average times the scale.
        func rate(forFlow f: Int, averages: [Double]) -> Double {
            if let scale { return max(0, averages[f] * scale) }
            guard let rate else { return averages[f] }
            if flows != nil { return max(0, rate) }
            let total = averages.reduce(0, +)
            let share = total > 0 ? averages[f] / total : 1 / Double(max(1, averages.count))
            return max(0, rate * share)
        }
    }

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
    var steps: [Step]
    var faults: [Fault]

    init(scenario: Scenario, model: Model, duration: Double?) throws(SimulationError) {
        let components = model.componentIndex
        var flows: [String: Int] = [:]
        for (i, flow) in model.flows.enumerated() { flows[flow.name] = i }
        name = scenario.name
        self.duration = duration ?? scenario.duration.seconds
        guard self.duration.isFinite, self.duration > 0 else { throw .invalidDuration(self.duration) }
        steps = try scenario.load.sorted { $0.at < $1.at }.map { step throws(SimulationError) in
            var index: Int?
            if let flow = step.flow {
                guard let i = flows[flow] else { throw .unknownFlow(flow) }
                index = i
            }
            return Step(at: max(0, step.at.seconds), flows: index, rate: step.rate?.perSecond, scale: step.scale)
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

    public var description: String {
        switch self {
        case .unknownScenario(let name, let available):
            let list = available.isEmpty ? "the model defines no scenarios" : "available: " + available.joined(separator: ", ")
            return "no scenario named '\(name)' (\(list))"
        case .unknownComponent(let name): return "the scenario names an unknown component '\(name)'"
        case .unknownFlow(let name): return "the scenario names an unknown flow '\(name)'"
        case .invalidDuration(let seconds): return "the simulated duration must be positive and finite (got \(seconds) s)"
        case .noFlows: return "the model has no flows, so nothing sends requests; add a `flows:` section"
        }
    }
}

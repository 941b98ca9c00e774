/// The offered load of every flow at any moment of a scenario.
///
/// Before the first step each flow runs at its average rate. Steps apply in order of `at`
/// (steps at the same time in file order): `rate` is split over the flows by their average rates,
/// or sets one flow's rate when the step names a flow; `scale` multiplies each targeted flow's
/// average rate. Without a scenario the flows' average rates hold throughout.
public struct LoadTimeline: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        /// Seconds from the start.
        public var at: Double
        /// Every flow's rate (per second) from `at` on, in model flow order.
        public var rates: [Double]
    }

    public enum Failure: Error, Sendable, Equatable {
        case unknownFlow(String)
    }

    /// The flows' average rates (per second).
    public let averages: [Double]
    /// The changes, sorted by time.
    public let changes: [Change]

    /// Steady load: the flows' average rates throughout.
    public init(flows: [Flow]) {
        averages = flows.map { Self.rate($0.rate.perSecond) }
        changes = []
    }

    public init(flows: [Flow], scenario: Scenario) throws(Failure) {
        let averages = flows.map { Self.rate($0.rate.perSecond) }
        self.averages = averages
        let total = averages.reduce(0, +)
        var index: [String: Int] = [:]
        for (i, flow) in flows.enumerated() where index[flow.name] == nil { index[flow.name] = i }
        let ordered = scenario.load.enumerated().sorted { ($0.element.at.seconds, $0.offset) < ($1.element.at.seconds, $1.offset) }
        var rates = averages
        var changes: [Change] = []
        for (_, step) in ordered {
            var targets = Array(rates.indices)
            if let name = step.flow {
                guard let flow = index[name] else { throw .unknownFlow(name) }
                targets = [flow]
            }
            for flow in targets {
                if let rate = step.rate?.perSecond {
                    if step.flow != nil {
                        rates[flow] = Self.rate(rate)
                    } else {
                        let share = total > 0 ? averages[flow] / total : 1 / Double(max(1, averages.count))
                        rates[flow] = Self.rate(rate * share)
                    }
                } else if let scale = step.scale {
                    rates[flow] = Self.rate(averages[flow] * scale)
                }
            }
            let at = step.at.seconds.isFinite ? max(0, step.at.seconds) : 0
            if let previous = changes.last, previous.at == at {
                changes[changes.count - 1].rates = rates
            } else {
                changes.append(Change(at: at, rates: rates))
            }
        }
        self.changes = changes
    }

    /// Every flow's rate at time `t` (seconds).
    public func rates(at t: Double) -> [Double] {
        var current = averages
        for change in changes {
            guard change.at <= t else { break }
            current = change.rates
        }
        return current
    }

    /// The total offered rate at time `t`.
    public func totalRate(at t: Double) -> Double { rates(at: t).reduce(0, +) }

    static func rate(_ value: Double) -> Double { value.isFinite ? max(0, value) : 0 }
}

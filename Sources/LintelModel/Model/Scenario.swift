/// A situation to evaluate: a load profile over time and faults injected into components.
public struct Scenario: Sendable, Codable, Equatable {
    public var name: String
    public var description: String?
    /// How long to simulate; defaults to the last step or fault end plus 5 minutes of observation.
    public var duration: TimeSpan
    public var load: [LoadStep]
    public var faults: [Fault]
    public var location: SourceLocation

    public init(name: String, duration: TimeSpan, load: [LoadStep] = [], faults: [Fault] = [], location: SourceLocation) {
        self.name = name
        self.duration = duration
        self.load = load
        self.faults = faults
        self.location = location
    }
}

/// From `at` on, the offered load is `rate` (split over flows by their average rates) or
/// every flow's average rate times `scale`; a step with `flow` changes that flow only.
public struct LoadStep: Sendable, Codable, Equatable {
    public var at: TimeSpan
    public var rate: Rate?
    public var scale: Double?
    public var flow: String?
    public var location: SourceLocation
    public init(at: TimeSpan, rate: Rate? = nil, scale: Double? = nil, flow: String? = nil, location: SourceLocation) {
        self.at = at
        self.rate = rate
        self.scale = scale
        self.flow = flow
        self.location = location
    }
}

/// A change to one component for a while. Several effects may combine.
public struct Fault: Sendable, Codable, Equatable {
    public var at: TimeSpan
    public var duration: TimeSpan
    public var component: String
    /// The whole component is down: every call to it fails at once.
    public var down: Bool
    /// This many instances are down.
    public var instancesDown: Int?
    /// Service time is multiplied by this factor (`10x`; `4x` is a slowdown to 25% speed).
    public var latencyFactor: Double?
    /// This fraction of requests fail.
    public var errorRate: Double?
    /// Workers per instance during the fault.
    public var workers: Int?
    public var location: SourceLocation

    public init(at: TimeSpan, duration: TimeSpan, component: String, down: Bool = false, instancesDown: Int? = nil,
                latencyFactor: Double? = nil, errorRate: Double? = nil, workers: Int? = nil, location: SourceLocation) {
        self.at = at
        self.duration = duration
        self.component = component
        self.down = down
        self.instancesDown = instancesDown
        self.latencyFactor = latencyFactor
        self.errorRate = errorRate
        self.workers = workers
        self.location = location
    }

    public var end: TimeSpan { TimeSpan(seconds: at.seconds + duration.seconds) }
}

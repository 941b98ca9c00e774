/// A named kind of request entering the system, with its share of the load.
///
/// The request enters at `entry`, passes through `route` in order (at each hop only the
/// call to the next hop is made), and at the last hop makes all of that component's calls.
/// With an empty route, the entry's own calls are all made. A flow that targets an `operation`
/// makes only that operation's calls at the last hop (the operation's component).
public struct Flow: Sendable, Codable, Equatable {
    public var name: String
    public var description: String?
    public var entry: String
    public var route: [String]
    /// The operation the request invokes at its last hop (`trips.get-status`); `nil` makes the last
    /// hop's own calls. The loader appends the operation's component to `route` when the route ends
    /// at a component that calls it.
    public var operation: OperationReference?
    /// Average arrival rate (resolved from `rate`, `share` of the traffic, or the traffic itself).
    public var rate: Rate
    /// Peak arrival rate (resolved from `peak`, or `rate` scaled by the traffic's peak/average).
    public var peak: Rate
    /// Fraction of `requirements.traffic` this flow takes, when given instead of a rate.
    public var share: Double?
    /// Service levels for this flow; the system's `requirements.slo` where not given.
    public var slo: ServiceLevel?
    public var consistency: Consistency?
    /// Business-critical (checkout) rather than best-effort (recommendations).
    public var critical: Bool
    /// The flow's writes in several services are coordinated by a saga (each step has a compensating
    /// action, orchestrated or choreographed, e.g. by a workflow engine); `nil` when not stated.
    public var saga: Bool?
    public var location: SourceLocation
    public var keyLocations: [String: SourceLocation]

    public init(name: String, entry: String, route: [String] = [], rate: Rate, peak: Rate? = nil, critical: Bool = true, location: SourceLocation) {
        self.name = name
        self.entry = entry
        self.route = route
        self.rate = rate
        self.peak = peak ?? rate
        self.critical = critical
        self.location = location
        self.keyLocations = [:]
    }

    public func location(of key: String) -> SourceLocation { keyLocations[key] ?? location }

    /// The components the request passes through before fanning out: entry, then route.
    public var path: [String] { [entry] + route }
}

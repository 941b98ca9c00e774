/// One circuit breaker over time: the caller's breaker on its call to `callee`, sampled once per
/// time-series interval (the intervals of `SimulationReport.series`, in the same order).
///
/// Recorded at state transitions and interval ends only, never per request: the engine notes when the
/// breaker leaves the closed state and when it closes again, and adds up each interval's share at the tick.
public struct BreakerSeries: Codable, Sendable, Equatable {
    public var caller: String
    public var callee: String
    /// Per interval, the fraction of it (0…1) the breaker spent open or half-open — from the moment it opened
    /// until trial calls closed it again. 0 is closed throughout, 1 open throughout.
    public var openShare: [Double]
    /// Per interval, how often it opened (from closed, or again from half-open after a failed trial).
    public var opens: [Int]

    public init(caller: String, callee: String, openShare: [Double], opens: [Int]) {
        self.caller = caller
        self.callee = callee
        self.openShare = openShare
        self.opens = opens
    }

    /// Openings over the whole run.
    public var totalOpens: Int { opens.reduce(0) { $0 &+ $1 } }
}

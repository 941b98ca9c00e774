/// What one simulation run measured. Times are in seconds, rates per second.
public struct SimulationReport: Codable, Sendable, Equatable {
    public var system: String
    public var scenario: String
    public var seed: UInt64
    /// Simulated time.
    public var duration: Double
    /// Length of one time-series interval.
    public var seriesInterval: Double
    /// Events the loop processed.
    public var events: UInt64
    public var flows: [FlowResult]
    public var components: [ComponentResult]
    public var calls: CallTotals
    public var messaging: MessagingResult
    public var verdict: Verdict
    /// One point per interval, in time order.
    public var series: [SeriesPoint]
}

/// Outcomes of one flow's requests.
public struct FlowResult: Codable, Sendable, Equatable {
    public var name: String
    /// Requests that arrived.
    public var offered: Int
    public var succeeded: Int
    public var errors: Int
    public var timeouts: Int
    public var rejections: Int
    /// Offered and successful requests per second of simulated time.
    public var offeredRate: Double
    public var goodput: Double
    /// Latency of successful requests: mean, percentiles (HdrHistogram, 3 significant digits) and maximum.
    public var meanLatency: Double
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var p999: Double
    public var max: Double
}

/// What happened at one component.
public struct ComponentResult: Codable, Sendable, Equatable {
    public var name: String
    /// Requests and attempts that reached it (before admission).
    public var attempts: Int
    /// Attempts per flow request offered to the system (retry amplification).
    public var amplification: Double
    /// Mean fraction of its workers busy (a worker is busy while it serves or waits on a sync call).
    public var utilisation: Double
    /// Mean time from arrival to a worker, and mean own service time, of requests it started.
    public var meanWait: Double
    public var meanService: Double
    public var meanQueue: Double
    public var maxQueue: Int
    public var queuedAtEnd: Int
    /// Turned away: queue full or over the rate limit.
    public var rejections: Int
    /// Requests that ended in failure here (including while it was down).
    public var failures: Int
    /// Calls to it that the caller's timeout abandoned.
    public var timeouts: Int
    /// Calls to it refused by an open circuit breaker.
    public var shortCircuited: Int
    public var breakerOpenings: Int
    /// Requests it finished for callers that had already given up, and the worker time they took.
    public var abandoned: Int
    public var wastedWork: Double
}

/// Attempts, retries and timeouts over all calls.
public struct CallTotals: Codable, Sendable, Equatable {
    public var attempts: Int
    public var retries: Int
    public var timeouts: Int
}

/// Topic and queue traffic.
public struct MessagingResult: Codable, Sendable, Equatable {
    public var published: Int
    public var delivered: Int
    public var redelivered: Int
    public var deadLettered: Int
    /// Messages dropped: publish failed, or deliveries exhausted without a dead-letter queue.
    public var lost: Int
}

/// One time-series interval, ending at `time` and `seconds` long.
public struct SeriesPoint: Codable, Sendable, Equatable {
    public var time: Double
    public var offered: Int
    public var goodput: Int
    public var errors: Int
    public var timeouts: Int
    public var rejections: Int
    public var meanLatency: Double
    public var p99Latency: Double
    public var attempts: Int
    public var retries: Int
    public var callTimeouts: Int
    /// Requests waiting in queues, workers busy and requests alive, at the end of the interval.
    public var queued: Int
    public var busyWorkers: Int
    public var inFlight: Int
    public var seconds: Double
}

/// Did the system come back after the last fault?
public struct Verdict: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        /// The scenario injects no faults.
        case noFaults = "no-faults"
        case recovered
        /// Still unhealthy at the end: a metastable failure outlives its trigger.
        case notRecovered = "not-recovered"
        /// Too little simulated time after the last fault to judge.
        case inconclusive
    }
    public var outcome: Outcome
    public var lastFaultEnd: Double?
    /// Seconds from the end of the last fault to the start of the healthy stretch that lasts to the end.
    public var recoverySeconds: Double?
    /// The rule applied, in words.
    public var criterion: String
    /// Mean latency of successful requests before the first fault, when there was time to see it.
    public var baselineLatency: Double?
    /// Over the final window: what sustains the failure.
    public var goodputRatio: Double?
    public var retryFraction: Double?
    public var timeoutFraction: Double?
    public var queued: Int?
    public var mostQueued: String?
    public var summary: String
}

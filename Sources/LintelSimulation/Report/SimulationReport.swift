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
    /// 1 for a full simulation. k > 1: the run was too large for the time budget, so 1/k of the load ran
    /// on 1/k of the servers (`SimulationOptions.maxFlowRequests`); counts are the sample's × k.
    public var scale: Int
    /// What the scale distorts, in words (empty when nothing is expected to).
    public var scaleNotes: [String] = []
    /// Set when the in-flight cap was reached: where, when, and what was refused.
    public var overload: Overload?
    /// With `--replications N` (N > 1): means and 95% confidence intervals over the N seeds. The rest
    /// of the report is the first seed's run.
    public var replications: Replications?
    public var flows: [FlowResult]
    public var components: [ComponentResult]
    public var calls: CallTotals
    public var messaging: MessagingResult
    public var verdict: Verdict
    /// One point per interval, in time order.
    public var series: [SeriesPoint]
    /// Each circuit breaker's state per interval of `series`, in the model's call order; nil (and absent from
    /// JSON) when no call has a breaker.
    public var breakers: [BreakerSeries]? = nil
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
    /// Of `rejections`: refused because the simulation reached its in-flight cap.
    public var overloadRejections: Int
    /// Latency of successful requests only (failed, timed-out and rejected requests are not in it):
    /// mean, percentiles (HdrHistogram, 3 significant digits) and maximum.
    public var meanLatency: Double
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var p999: Double
    public var max: Double
    /// The flow's SLO (its own `slo`, missing fields from `requirements.slo`) against what was measured.
    public var slo: FlowSLO?
}

/// A flow's service levels against the simulation.
public struct FlowSLO: Codable, Sendable, Equatable {
    /// Targets (nil when neither the flow nor the system sets one).
    public var availability: Double?
    public var latencyP50: Double?
    public var latencyP99: Double?
    /// Measured: successful requests / offered requests (rejected, failed and timed-out ones count against it).
    public var measuredAvailability: Double
    /// What was breached, in words; empty when every target was met.
    public var breaches: [String]
}

/// The in-flight cap was reached: the load could not be carried.
public struct Overload: Codable, Sendable, Equatable {
    /// Simulated time when the cap was first reached.
    public var time: Double
    /// The component holding the most queued requests then (with none queued, the busiest).
    public var component: String
    public var queued: Int
    /// Components with every server busy then, in model order: the bottleneck is usually the last
    /// of a synchronous chain (its callers' workers wait on it).
    public var saturated: [String]
    public var cap: Int
    /// Flow requests refused and messages lost at the cap, over the whole run.
    public var refused: Int
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
    /// Messages dropped: publish failed, deliveries exhausted without a dead-letter queue, or refused at
    /// the in-flight cap.
    public var lost: Int
    /// Of `lost`: refused at the in-flight cap.
    public var lostToOverload: Int
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
        /// The scenario injects no faults and the load was carried.
        case noFaults = "no-faults"
        /// The offered load exceeded capacity before any fault (or in a run without faults): the
        /// backlog grew without end or the in-flight cap was reached. Not a metastable failure.
        case overloaded
        case recovered
        /// Still unhealthy at the end although the load before the fault was carried: a metastable
        /// failure outlives its trigger.
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
    /// Flows whose SLO was breached, in words (also in each `FlowResult.slo`).
    public var sloBreaches: [String] = []
    public var summary: String
}

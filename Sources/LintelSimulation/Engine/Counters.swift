/// Running totals for one component (plain values, updated in place).
struct ComponentCounters {
    var attempts: Int = 0
    var started: Int = 0
    var succeeded: Int = 0
    var failed: Int = 0
    var rejected: Int = 0
    var timeouts: Int = 0
    var shortCircuited: Int = 0
    var breakerOpenings: Int = 0
    var abandoned: Int = 0
    var wastedSeconds: Double = 0
    var waitSum: Double = 0
    var serviceSum: Double = 0
    /// Workers busy and requests queued across the component's instances, now.
    var busy: Int = 0
    var queued: Int = 0
    var maxQueued: Int = 0
    /// Worker-seconds busy and request-seconds queued (see `closeIntegrals`).
    var busyArea: Double = 0
    var queueArea: Double = 0
}

/// The effect of the faults active on one component now, and its load-balancing state.
struct ComponentState {
    var workers: Int32
    var down = false
    var instancesDown: Int32 = 0
    var latencyFactor: Double = 1
    var errorRate: Double = 0
    var cursor: Int32 = 0
    var tokens: Double = 0
    var lastRefill: Double = 0
    /// Deliveries being processed, and the FIFO of deliveries waiting in the broker, when the
    /// consumer group's parallelism is limited by partitions.
    var deliveries: Int32 = 0
    var backlogHead: Int32 = -1
    var backlogTail: Int32 = -1
}

/// Per-instance state: workers busy and a FIFO of waiting requests linked through the pool.
struct InstanceState {
    var busy: Int32 = 0
    var queued: Int32 = 0
    var head: Int32 = -1
    var tail: Int32 = -1
}

/// A caller's circuit breaker for one declared call: closed, open or half-open, with a sliding
/// window of ten buckets of outcomes.
struct BreakerState {
    enum Phase: UInt8 { case closed, open, halfOpen }
    var phase: Phase = .closed
    var openUntil: Double = 0
    var trialsInFlight: Int32 = 0
    var trialSuccesses: Int32 = 0
    /// Index of the newest bucket, in units of `bucketWidth` since time 0.
    var slot: Int64 = 0
    /// `slot` modulo the number of buckets: where the newest bucket lies in the window.
    var position: Int32 = 0
    /// Before this time the newest bucket is still `slot` (a little before the bucket's end,
    /// so that rounding can never disagree with `slot`).
    var slotEnd: Double = 0
    var calls: Int32 = 0
    var failures: Int32 = 0
}

/// A breaker's time series in the making (`Engine.sampleBreakers`), written only at state transitions and interval
/// ends. Kept apart from `BreakerState`, which every attempt reads, so that state keeps its size and layout.
struct BreakerTrace {
    /// When it last left the closed state.
    var openedAt: Double = 0
    /// Seconds of the current interval spent open or half-open, up to its last close.
    var openSeconds: Double = 0
    /// Openings (from closed or from half-open) in the current interval.
    var opens: Int32 = 0
}

/// Per-flow totals.
struct FlowCounters {
    var offered: Int = 0
    var succeeded: Int = 0
    var errors: Int = 0
    var timeouts: Int = 0
    var rejected: Int = 0
    /// Of `rejected`: refused at the in-flight cap.
    var overloadRejected: Int = 0
    var latencySum: Double = 0
    var latencies = LatencyRecorder(subBits: 10)
}

/// Totals for the current time-series interval.
struct IntervalCounters {
    var offered: Int = 0
    var succeeded: Int = 0
    var errors: Int = 0
    var timeouts: Int = 0
    var rejected: Int = 0
    var latencySum: Double = 0
    var attempts: Int = 0
    var retries: Int = 0
    var callTimeouts: Int = 0
}

/// Totals for topics and queues.
struct MessageCounters {
    var published: Int = 0
    var delivered: Int = 0
    var redelivered: Int = 0
    var deadLettered: Int = 0
    var lost: Int = 0
    /// Messages not taken because the simulation reached its in-flight cap (also in `lost`).
    var lostToOverload: Int = 0
}

/// When the in-flight cap was first reached, where, and how much was refused.
struct OverloadCounters {
    var at: Double?
    var component = 0
    var queued = 0
    var busy = 0
    /// Components with every server busy at that moment, in model order.
    var saturated: [Int] = []
    /// Flow requests and messages refused at the cap.
    var refused = 0
}

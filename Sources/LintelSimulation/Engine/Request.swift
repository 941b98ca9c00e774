/// What a request in the pool is for.
enum Role: UInt8 {
    /// A flow's request, arrived from outside; its outcome is the flow's.
    case root
    /// One attempt of a synchronous call; its caller waits for it unless it timed out.
    case child
    /// A fire-and-forget message (an async call); nobody waits for it.
    case oneWay
    /// A delivery of a topic or queue message to one consumer, with redelivery on failure.
    case delivery
}

/// How a request ended, as its caller sees it.
enum Failure: UInt8 {
    case none, error, timeout, rejected
}

/// One request at one component: a plain struct in the engine's pool, addressed by index and
/// generation (the generation changes when the slot is reused, so stale events are recognised).
struct Request {
    /// When it arrived at its component; once its service starts, when that was (it holds a
    /// worker from then until it finishes). One field for both keeps a request in 80 bytes.
    var since: Double = 0
    /// Root: `origin`. Child: `previousSleep`. (Other roles: unused.)
    var scratch: Double = 0
    /// Root: when the flow's request arrived.
    var origin: Double {
        get { scratch }
        set { scratch = newValue }
    }
    /// Child: the previous backoff sleep, for decorrelated jitter.
    var previousSleep: Double {
        get { scratch }
        set { scratch = newValue }
    }
    /// Cache lookups in the current plan that missed, by step position.
    var missMask: UInt64 = 0
    var gen: UInt32 = 0
    var component: Int32 = 0
    /// Absolute instance index; -1 before one is chosen.
    var instance: Int32 = -1
    var plan: Int32 = 0
    /// The next step (absolute index) of its plan.
    var step: Int32 = 0
    /// Children of the current batch not yet answered.
    var pending: Int32 = 0
    /// Sequential copies of the current step still to make (`per_request` > 1).
    var copiesLeft: Int32 = 0
    /// The waiting caller; -1 when none (a root, a message, or an abandoned attempt).
    var parent: Int32 = -1
    /// For a child: the step of the caller's plan it serves. For a delivery: the topic.
    var callStep: Int32 = 0
    /// For a child: 0 for the first attempt. For a delivery: deliveries so far.
    var attempt: Int32 = 0
    var flow: Int32 = 0
    /// Link in an instance's FIFO queue or in the free list.
    var next: Int32 = -1
    var role: Role = .root
    var failure: Failure = .none
    var holdsWorker = false
    /// The caller gave up waiting (a timeout): work done from now on is wasted.
    var abandoned = false
    /// The failure must not be retried (an open circuit breaker answered it).
    var noRetry = false
}

/// One pending caller timeout.
struct TimeoutEntry {
    var deadline: Double
    var child: Int32
    var gen: UInt32
}

/// The pending timeouts of one declared call, in deadline order.
///
/// Every attempt of a call has the same timeout, so deadlines arrive already sorted: a FIFO
/// per call replaces one heap event per attempt with one heap event per call at its earliest
/// live deadline. Attempts answered in time are dropped from the front without touching the
/// heap. In the 50-component benchmark this removed most of the heap's traffic.
struct TimeoutRing {
    private var base: UnsafeMutablePointer<TimeoutEntry>
    private var capacity: Int
    private var head = 0
    private(set) var count = 0
    /// A heap event for this ring is pending.
    var armed = false

    init() {
        capacity = 16
        base = UnsafeMutablePointer<TimeoutEntry>.allocate(capacity: capacity)
    }

    func release() { base.deallocate() }

    @inline(__always)
    mutating func push(_ entry: TimeoutEntry) {
        if count == capacity { grow() }
        base[(head + count) & (capacity - 1)] = entry
        count += 1
    }

    @inline(__always)
    var first: TimeoutEntry? { count > 0 ? base[head] : nil }

    @inline(__always)
    mutating func removeFirst() {
        head = (head + 1) & (capacity - 1)
        count -= 1
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<TimeoutEntry>.allocate(capacity: capacity * 2)
        for k in 0..<count { bigger[k] = base[(head + k) & (capacity - 1)] }
        base.deallocate()
        base = bigger
        head = 0
        capacity *= 2
    }
}

extension Engine {
    /// Starts the caller's timeout for an attempt of `call`.
    @inline(__always)
    func armTimeout(call: Int32, child: Int32, after timeout: Double) {
        let deadline = now + timeout
        timeouts[Int(call)].push(TimeoutEntry(deadline: deadline, child: child, gen: requests[Int(child)].gen))
        if !timeouts[Int(call)].armed {
            timeouts[Int(call)].armed = true
            events.schedule(.timeout, at: deadline, target: call)
        }
    }

    @inline(__always)
    private func waiting(_ entry: TimeoutEntry) -> Bool {
        requests[Int(entry.child)].gen == entry.gen && requests[Int(entry.child)].parent >= 0
    }

    /// The ring's heap event fired: expire what is due, then re-arm at the next live deadline.
    func expireTimeouts(call: Int32) {
        // Stays armed while expiring: a timed-out copy can start the next copy (or a retry with no
        // backoff) of the same call, whose entry joins the ring behind earlier live deadlines. The
        // event is re-armed below at the earliest live deadline, not at the newcomer's.
        timeouts[Int(call)].armed = true
        while let entry = timeouts[Int(call)].first, entry.deadline <= now {
            timeouts[Int(call)].removeFirst()
            if waiting(entry) { timedOut(entry.child) }
        }
        while let entry = timeouts[Int(call)].first, !waiting(entry) { timeouts[Int(call)].removeFirst() }
        timeouts[Int(call)].armed = false
        if let entry = timeouts[Int(call)].first {
            timeouts[Int(call)].armed = true
            events.schedule(.timeout, at: entry.deadline, target: call)
        }
    }
}

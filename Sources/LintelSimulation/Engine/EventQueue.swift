/// What an event does when it fires. Stored in the low byte of the event's key.
enum EventKind: UInt8 {
    /// The next Poisson arrival of flow `target` (ignored when `gen` is not the flow's current one).
    case arrival
    /// Request `target` finished its own service time.
    case serviceDone
    /// The earliest pending timeout of call `target` is due (see `TimeoutRing`).
    case timeout
    /// Request `target` (already allocated, waiting out a backoff or a failure) is sent or fails now.
    case dispatch
    /// Request `target` fails at once (component down, rejected); replies through the event queue
    /// so that chains of immediate failures never recurse.
    case failFast
    /// End of one time-series interval.
    case tick
    /// Load step number `target` takes effect.
    case loadStep
    /// Fault number `target` starts.
    case faultStart
    /// Fault number `target` ends.
    case faultEnd
}

/// One scheduled event: 24 bytes of plain values. Events with equal times fire in the order
/// they were scheduled (the sequence number sits above the kind in `key`).
struct Event {
    var time: Double
    /// `sequence << 8 | kind`.
    var key: UInt64
    var target: Int32
    var gen: UInt32

    @inline(__always) var kind: EventKind { EventKind(rawValue: UInt8(truncatingIfNeeded: key)) ?? .tick }

    /// (time, key) in lexicographic order, computed without branches (the heap's comparisons are
    /// unpredictable, so branches on them mispredict half the time). Times are never negative
    /// (the queue clamps them), and non-negative doubles order like their bit patterns.
    @inline(__always)
    static func precedes(_ a: Event, _ b: Event) -> Bool {
        let ta = a.time.bitPattern, tb = b.time.bitPattern
        return (bit(ta < tb) | (bit(ta == tb) & bit(a.key < b.key))) != 0
    }

    @inline(__always)
    private static func bit(_ condition: Bool) -> UInt8 { condition ? 1 : 0 }
}

/// A 4-ary min-heap of events on a flat buffer. Four children per node halve the depth of a
/// binary heap and keep siblings in one cache line; it beat `HeapModule.Heap` (a min-max heap,
/// which does extra comparisons per level) in the simulation benchmark. `pop` moves the hole
/// down to a leaf along the smallest children (a branch-free tournament of four per level) and
/// then sifts the last event up from there (Floyd's bottom-up variant): the last event almost
/// always belongs near the bottom.
struct EventQueue {
    private(set) var buffer: FlatBuffer<Event>
    private var sequence: UInt64 = 0

    init(capacity: Int) { buffer = FlatBuffer(capacity: capacity) }

    var count: Int { buffer.count }

    func release() { buffer.release() }

    /// Schedules an event. A negative or NaN time is treated as 0.
    @inline(__always)
    mutating func schedule(_ kind: EventKind, at time: Double, target: Int32, gen: UInt32 = 0) {
        sequence &+= 1
        let clamped = time > 0 ? time : 0
        let event = Event(time: clamped, key: sequence << 8 | UInt64(kind.rawValue), target: target, gen: gen)
        buffer.append(event)
        siftUp(event, from: buffer.count - 1)
    }

    @inline(__always)
    private func siftUp(_ event: Event, from start: Int) {
        let base = buffer.base
        var index = start
        while index > 0 {
            let parent = (index - 1) >> 2
            if !Event.precedes(event, base[parent]) { break }
            base[index] = base[parent]
            index = parent
        }
        base[index] = event
    }

    /// The earliest event, or nil when none is left.
    @inline(__always)
    mutating func pop() -> Event? {
        let count = buffer.count
        if count == 0 { return nil }
        let base = buffer.base
        let top = base[0]
        let n = count - 1
        buffer.count = n
        if n == 0 { return top }
        let last = base[n]
        var index = 0
        while true {
            let first = 4 * index + 1
            if first + 3 < n {
                // Four children: a branch-free tournament.
                let a = Event.precedes(base[first + 1], base[first]) ? first + 1 : first
                let b = Event.precedes(base[first + 3], base[first + 2]) ? first + 3 : first + 2
                let best = Event.precedes(base[b], base[a]) ? b : a
                base[index] = base[best]
                index = best
            } else {
                if first < n {
                    var best = first
                    var child = first + 1
                    while child < n {
                        if Event.precedes(base[child], base[best]) { best = child }
                        child += 1
                    }
                    base[index] = base[best]
                    index = best
                }
                break
            }
        }
        siftUp(last, from: index)
        return top
    }
}

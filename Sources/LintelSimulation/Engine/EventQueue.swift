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

    @inline(__always)
    static func precedes(_ a: Event, _ b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a.key < b.key)
    }
}

/// A 4-ary min-heap of events on a flat buffer. Four children per node halve the depth of a
/// binary heap and keep siblings in one cache line; it beat `HeapModule.Heap` (a min-max heap,
/// which does extra comparisons per level) in the simulation benchmark.
struct EventQueue {
    private(set) var buffer: FlatBuffer<Event>
    private var sequence: UInt64 = 0

    init(capacity: Int) { buffer = FlatBuffer(capacity: capacity) }

    var count: Int { buffer.count }

    func release() { buffer.release() }

    @inline(__always)
    mutating func schedule(_ kind: EventKind, at time: Double, target: Int32, gen: UInt32 = 0) {
        sequence &+= 1
        push(Event(time: time, key: sequence << 8 | UInt64(kind.rawValue), target: target, gen: gen))
    }

    @inline(__always)
    private mutating func push(_ event: Event) {
        buffer.append(event)
        let base = buffer.base
        var index = buffer.count - 1
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
        let last = base[count - 1]
        buffer.count = count - 1
        let n = count - 1
        if n == 0 { return top }
        var index = 0
        while true {
            let first = 4 * index + 1
            if first >= n { break }
            var best = first
            let end = min(first + 4, n)
            var child = first + 1
            while child < end {
                if Event.precedes(base[child], base[best]) { best = child }
                child += 1
            }
            if !Event.precedes(base[best], last) { break }
            base[index] = base[best]
            index = best
        }
        base[index] = last
        return top
    }

    /// Time of the earliest event.
    var nextTime: Double? { buffer.count > 0 ? buffer.base[0].time : nil }
}

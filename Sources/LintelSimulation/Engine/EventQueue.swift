/// What an event does when it fires. Stored in the low byte of the event's payload.
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
    /// Request `target` finished its partition's time at a partitioned topic or queue; the
    /// channel's own latency (a pure delay) follows.
    case partitionDone
    /// End of one time-series interval.
    case tick
    /// Load step number `target` takes effect.
    case loadStep
    /// Fault number `target` starts.
    case faultStart
    /// Fault number `target` ends.
    case faultEnd
}

/// One scheduled event: 16 bytes, so that the four children of a heap node share a cache line.
struct Event {
    var time: Double
    /// `target << 32 | (gen & 0xFF_FFFF) << 8 | kind`.
    var payload: UInt64

    @inline(__always)
    init(time: Double, kind: EventKind, target: Int32, gen: UInt32) {
        self.time = time
        payload = UInt64(UInt32(bitPattern: target)) << 32 | UInt64(gen & Self.genMask) << 8 | UInt64(kind.rawValue)
    }

    /// Generations are kept modulo 2²⁴ (only flow arrivals use them, and a flow's rate changes
    /// once per load step).
    static let genMask: UInt32 = 0xFF_FFFF

    @inline(__always) var kind: EventKind { EventKind(rawValue: UInt8(truncatingIfNeeded: payload)) ?? .tick }
    @inline(__always) var target: Int32 { Int32(truncatingIfNeeded: payload >> 32) }
    @inline(__always) var gen: UInt32 { UInt32(truncatingIfNeeded: payload >> 8) & Self.genMask }
}

/// A 4-ary min-heap of events by time, on a flat buffer. Four children per node halve the depth
/// of a binary heap, and with 16-byte events they fill one cache line. `pop` moves the hole down
/// to a leaf along the smallest children (a tournament of four per level, compiled to
/// conditional moves: the heap's comparisons are unpredictable, and as branches they
/// mispredicted half the time) and then sifts the last event up from there (Floyd's bottom-up
/// variant: the last event almost always belongs near the bottom).
///
/// Events with equal times leave in an unspecified but deterministic order. The few events
/// whose order at equal times matters (ticks, load steps, faults) go through `ControlQueue`.
struct EventQueue {
    private(set) var buffer: FlatBuffer<Event>

    init(capacity: Int) { buffer = FlatBuffer(capacity: capacity) }

    var count: Int { buffer.count }

    func release() { buffer.release() }

    /// Time of the earliest event, or infinity when there is none.
    @inline(__always)
    var nextTime: Double { buffer.count > 0 ? buffer.base[0].time : .infinity }

    /// Schedules an event. A negative or NaN time is treated as 0.
    @inline(__always)
    mutating func schedule(_ kind: EventKind, at time: Double, target: Int32, gen: UInt32 = 0) {
        let clamped = time > 0 ? time : 0
        let event = Event(time: clamped, kind: kind, target: target, gen: gen)
        buffer.append(event)
        siftUp(event, from: buffer.count - 1)
    }

    @inline(__always)
    private func siftUp(_ event: Event, from start: Int) {
        let base = buffer.base
        var index = start
        while index > 0 {
            let parent = (index - 1) >> 2
            if !(event.time < base[parent].time) { break }
            base[index] = base[parent]
            index = parent
        }
        base[index] = event
    }

    @inline(__always)
    private static func bit(_ condition: Bool) -> Int { Int(UInt8(condition ? 1 : 0)) }

    /// Removes and returns the earliest event; the queue must not be empty.
    @inline(__always)
    mutating func pop() -> Event {
        let base = buffer.base
        let top = base[0]
        let n = buffer.count - 1
        buffer.count = n
        if n == 0 { return top }
        var index = 0
        while true {
            let first = 4 * index + 1
            if first + 3 < n {
                // Index arithmetic on the comparison bits, so that the compiler cannot turn the
                // selection back into branches.
                let a = first + Self.bit(base[first + 1].time < base[first].time)
                let b = first + 2 + Self.bit(base[first + 3].time < base[first + 2].time)
                let best = a ^ ((a ^ b) & -Self.bit(base[b].time < base[a].time))
                base[index] = base[best]
                index = best
            } else {
                if first < n {
                    var best = first
                    var child = first + 1
                    while child < n {
                        if base[child].time < base[best].time { best = child }
                        child += 1
                    }
                    base[index] = base[best]
                    index = best
                }
                break
            }
        }
        siftUp(base[n], from: index)
        return top
    }
}

/// Ticks, load steps and faults: few, and at equal times they must fire in the order they were
/// scheduled (a zero-length fault starts before it ends), and before any other event.
struct ControlQueue {
    struct Entry {
        var time: Double
        var kind: EventKind
        var target: Int32
    }

    /// Sorted by time; equal times in scheduling order.
    private var entries: [Entry] = []
    private var head = 0

    /// Time of the earliest entry, or infinity when there is none.
    private(set) var nextTime = Double.infinity

    mutating func schedule(_ kind: EventKind, at time: Double, target: Int32) {
        let entry = Entry(time: time > 0 ? time : 0, kind: kind, target: target)
        var position = entries.count
        while position > head, entries[position - 1].time > entry.time { position -= 1 }
        entries.insert(entry, at: position)
        nextTime = entries[head].time
    }

    /// Removes and returns the earliest entry; the queue must not be empty.
    mutating func pop() -> Entry {
        let entry = entries[head]
        head += 1
        if head == entries.count {
            entries.removeAll(keepingCapacity: true)
            head = 0
        }
        nextTime = head < entries.count ? entries[head].time : .infinity
        return entry
    }
}

/// A growable array of plain values on manually managed memory, for the event loop's hot state.
///
/// Swift arrays stored in a class pay a uniqueness check and a bounds check on every write;
/// with millions of events per second those checks were a measurable share of the loop.
/// The engine owns every `FlatBuffer` and calls `release()` exactly once when it is done.
/// Indices are checked in debug builds only; all indices come from the engine itself.
struct FlatBuffer<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    var count: Int
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 4)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
        count = 0
    }

    /// A buffer of `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    func release() {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// In-place access: `buffer[i].field += 1` touches the element where it lies, without a copy.
    @inline(__always)
    subscript(index: Int) -> Element {
        unsafeAddress {
            assert(index >= 0 && index < count)
            return UnsafePointer(base + index)
        }
        nonmutating unsafeMutableAddress {
            assert(index >= 0 && index < count)
            return base + index
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    private mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

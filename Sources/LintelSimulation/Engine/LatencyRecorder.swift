import Histogram

/// Log-linear latency buckets read straight from a Double's bits: `2^subBits` buckets per power
/// of two from 2⁻²⁰ s (about 1 µs) to 2¹⁸ s. With 10 sub-bits the relative resolution is 0.1%,
/// the same as HdrHistogram with 3 significant digits.
///
/// Recording into `Histogram<UInt64>` directly cost more than the rest of the event loop
/// (its generic code is not specialised across the module boundary), so the loop records here
/// and `histogram()` hands the counts to HdrHistogram for the percentiles.
struct LatencyRecorder {
    static let minExponent = -20
    static let maxExponent = 18
    let subBits: Int
    private(set) var counts: FlatBuffer<UInt64>
    private(set) var total: UInt64 = 0
    private(set) var maximum: Double = 0

    init(subBits: Int) {
        self.subBits = subBits
        counts = FlatBuffer(repeating: 0, count: (Self.maxExponent - Self.minExponent) << subBits)
    }

    func release() { counts.release() }

    @inline(__always)
    mutating func record(_ seconds: Double) {
        let bits = seconds.bitPattern
        let exponent = Int((bits >> 52) & 0x7FF) - 1023
        let index: Int
        if exponent < Self.minExponent {
            index = 0
        } else if exponent >= Self.maxExponent {
            index = counts.count - 1
        } else {
            index = (exponent - Self.minExponent) << subBits | Int((bits >> UInt64(52 - subBits)) & ((1 << UInt64(subBits)) - 1))
        }
        counts[index] += 1
        total += 1
        if seconds > maximum { maximum = seconds }
    }

    /// The middle of bucket `index`, in seconds.
    func value(ofBucket index: Int) -> Double {
        let exponent = (index >> subBits) + Self.minExponent
        let fraction = (Double(index & ((1 << subBits) - 1)) + 0.5) / Double(1 << subBits)
        return Double(sign: .plus, exponent: exponent, significand: 1 + fraction)
    }

    /// The value below which `percentile`% of the recordings fall (bucket middle).
    func value(atPercentile percentile: Double) -> Double {
        guard total > 0 else { return 0 }
        let rank = UInt64((percentile / 100 * Double(total)).rounded(.up))
        var seen: UInt64 = 0
        for index in 0..<counts.count {
            seen += counts[index]
            if seen >= max(1, rank) { return min(value(ofBucket: index), maximum) }
        }
        return maximum
    }

    mutating func reset() {
        guard total > 0 else { return }
        counts.base.update(repeating: 0, count: counts.count)
        total = 0
        maximum = 0
    }

    /// The recordings as an HdrHistogram in microseconds (3 significant digits).
    func histogram() -> Histogram<UInt64> {
        var histogram = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 360_000_000_000,
                                          numberOfSignificantValueDigits: .three)
        for index in 0..<counts.count where counts[index] > 0 {
            let micros = min(max(value(ofBucket: index) * 1e6, 1), 3.5e11)
            histogram.record(UInt64(micros), count: counts[index])
        }
        if maximum > 0 { histogram.record(UInt64(min(max(maximum * 1e6, 1), 3.5e11)), count: 0) }
        return histogram
    }
}

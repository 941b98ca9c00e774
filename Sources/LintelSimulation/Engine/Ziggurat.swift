import Foundation

/// Standard normal variates by the ziggurat method (Marsaglia and Tsang, "The Ziggurat Method
/// for Generating Random Variables", J. Stat. Software 5(8), 2000), with 128 layers.
///
/// About 99% of draws take one 64-bit random number, one table comparison and one multiply;
/// the rest fall in a layer's wedge (accepted against the density) or in the tail beyond
/// r = 3.4426 (Marsaglia's 1964 tail method). The layer comes from the low 7 bits and the
/// signed position from the top 53 bits of the same draw, so the two are independent (the
/// original 32-bit version shared bits between them). The result is exactly normal; it
/// replaced Marsaglia's polar method, whose logarithm, square root and rejection loop
/// cost about three times as much per variate.
struct Ziggurat {
    /// Per layer: |position| below `kn` lies inside the layer's rectangle (scaled by 2⁵²).
    private let kn: FlatBuffer<Int64>
    /// Per layer: the layer's width divided by 2⁵² (position × `wn` is the variate).
    private let wn: FlatBuffer<Double>
    /// Per layer: the density e^(−x²/2) at the layer's right edge.
    private let fn: FlatBuffer<Double>

    /// Start of the tail.
    static let r = 3.442619855899
    /// Area of each layer (and of the base layer with the tail).
    static let v = 9.91256303526217e-3
    private static let scale = 4503599627370496.0  // 2⁵²

    init() {
        var kn = [Int64](repeating: 0, count: 128)
        var wn = [Double](repeating: 0, count: 128)
        var fn = [Double](repeating: 0, count: 128)
        var dn = Self.r
        var tn = dn
        let q = Self.v / exp(-0.5 * dn * dn)
        kn[0] = Int64((dn / q) * Self.scale)
        kn[1] = 0
        wn[0] = q / Self.scale
        wn[127] = dn / Self.scale
        fn[0] = 1
        fn[127] = exp(-0.5 * dn * dn)
        for i in stride(from: 126, through: 1, by: -1) {
            dn = (-2 * log(Self.v / dn + exp(-0.5 * dn * dn))).squareRoot()
            kn[i + 1] = Int64((dn / tn) * Self.scale)
            tn = dn
            fn[i] = exp(-0.5 * dn * dn)
            wn[i] = dn / Self.scale
        }
        self.kn = Self.buffer(kn)
        self.wn = Self.buffer(wn)
        self.fn = Self.buffer(fn)
    }

    private static func buffer<T>(_ array: [T]) -> FlatBuffer<T> {
        var buffer = FlatBuffer<T>(capacity: array.count)
        for element in array { buffer.append(element) }
        return buffer
    }

    func release() {
        kn.release()
        wn.release()
        fn.release()
    }

    /// A standard normal variate.
    @inline(__always)
    func normal(_ rng: inout Xoshiro256) -> Double {
        let bits = rng.next()
        let i = Int(bits & 127)
        let hz = Int64(bitPattern: bits) >> 11
        if abs(hz) < kn[i] { return Double(hz) * wn[i] }
        return outside(&rng, hz, i)
    }

    /// The draw fell outside its layer's rectangle: the tail, a wedge, or a fresh draw.
    private func outside(_ rng: inout Xoshiro256, _ firstPosition: Int64, _ firstLayer: Int) -> Double {
        var hz = firstPosition
        var i = firstLayer
        while true {
            if i == 0 {
                var x: Double, y: Double
                repeat {
                    x = -log(rng.openUnit()) / Self.r
                    y = -log(rng.openUnit())
                } while y + y < x * x
                return hz > 0 ? Self.r + x : -Self.r - x
            }
            let x = Double(hz) * wn[i]
            if fn[i] + rng.unit() * (fn[i - 1] - fn[i]) < exp(-0.5 * x * x) { return x }
            let bits = rng.next()
            i = Int(bits & 127)
            hz = Int64(bitPattern: bits) >> 11
            if abs(hz) < kn[i] { return Double(hz) * wn[i] }
        }
    }
}

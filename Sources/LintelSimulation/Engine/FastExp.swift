import Foundation

/// e^x, inlined: the log-normal service times call it once per request, and glibc's `exp`
/// behind its errno wrapper and the PLT cost three times as much.
///
/// Cody–Waite reduction x = k·ln 2 + r with |r| ≤ ln 2 / 2 (ln 2 split in two so that k·ln2hi
/// is exact), then a degree-12 Taylor polynomial for e^r, whose truncation error is below
/// 2·10⁻¹⁶ on that interval, and 2^k put straight into the exponent bits. Relative error: a
/// few units in the last place. Outside |x| < 700 (and for NaN) it defers to `exp`.
@inline(__always)
func fastExp(_ x: Double) -> Double {
    guard x > -700, x < 700 else { return exp(x) }
    let shifter = 0x1.8p52
    let k = (x * 1.4426950408889634 + shifter) - shifter
    let r = (x - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10
    var p = 1.0 / 479_001_600
    p = p * r + 1.0 / 39_916_800
    p = p * r + 1.0 / 3_628_800
    p = p * r + 1.0 / 362_880
    p = p * r + 1.0 / 40_320
    p = p * r + 1.0 / 5_040
    p = p * r + 1.0 / 720
    p = p * r + 1.0 / 120
    p = p * r + 1.0 / 24
    p = p * r + 1.0 / 6
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
    return p * Double(bitPattern: UInt64(Int64(k) + 1023) << 52)
}

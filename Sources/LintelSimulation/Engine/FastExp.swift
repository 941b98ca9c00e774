import Foundation

/// e^x, inlined: the log-normal service times call it once per request, and glibc's `exp`
/// behind its errno wrapper and the PLT cost three times as much.
///
/// Cody–Waite reduction x = k·ln 2 + r with |r| ≤ ln 2 / 2 (ln 2 split in two so that k·ln2hi
/// is exact), then a degree-12 Taylor polynomial for e^r (Estrin's scheme), whose truncation error is below
/// 2·10⁻¹⁶ on that interval, and 2^k put straight into the exponent bits. Relative error: a
/// few units in the last place. Outside |x| < 700 (and for NaN) it defers to `exp`.
@inline(__always)
func fastExp(_ x: Double) -> Double {
    guard x > -700, x < 700 else { return exp(x) }
    // Adding 1.5·2⁵² rounds x/ln 2 to the nearest integer k, which lands in the low bits.
    let shifter = 0x1.8p52
    let shifted = x * 1.4426950408889634 + shifter
    let k = shifted - shifter
    let r = (x - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10
    // Estrin's scheme: the powers and pairs evaluate in parallel, so the latency is four
    // multiply-adds deep instead of Horner's twelve (the result feeds the event heap at once).
    let r2 = r * r
    let r4 = r2 * r2
    let r8 = r4 * r4
    let p01 = 1 + r
    let p23 = 0.5 + r * (1.0 / 6)
    let p45 = 1.0 / 24 + r * (1.0 / 120)
    let p67 = 1.0 / 720 + r * (1.0 / 5_040)
    let p89 = 1.0 / 40_320 + r * (1.0 / 362_880)
    let p1011 = 1.0 / 3_628_800 + r * (1.0 / 39_916_800)
    let q0 = p01 + r2 * p23
    let q1 = p45 + r2 * p67
    let q2 = p89 + r2 * p1011
    let s0 = q0 + r4 * q1
    let s1 = q2 + r4 * (1.0 / 479_001_600)
    let p = s0 + r8 * s1
    // 2^k from the same bits, without a checked conversion: k + 1023 is in 1 ... 2046 here.
    return p * Double(bitPattern: (shifted.bitPattern &- shifter.bitPattern &+ 1023) << 52)
}

import Foundation

/// How long a parallel group holds its caller: the expected maximum of its members'
/// independent response times (the group ends when its slowest member ends), which is
/// more than the maximum of their means.
public enum ParallelGroup {
    /// H_n = 1 + 1/2 + … + 1/n.
    public static func harmonic(_ n: Int) -> Double {
        guard n > 0 else { return 0 }
        var sum = 0.0
        for k in stride(from: n, through: 1, by: -1) { sum += 1 / Double(k) }
        return sum
    }

    /// E[max] of independent exponentials, exact. Equal means m: m·H_n. Otherwise inclusion–exclusion,
    /// E[max] = Σ_{∅≠S} (−1)^{|S|+1} / Σ_{i∈S} 1/mᵢ, for up to 16 distinct members; more members fall
    /// back to numeric integration of 1 − Π Fᵢ.
    public static func expectedMaximumOfExponentials(means: [Double]) -> Double {
        let positive = means.filter { $0 > 0 && $0.isFinite }
        guard let first = positive.first else { return 0 }
        if positive.allSatisfy({ abs($0 - first) <= 1e-12 * first }) { return first * harmonic(positive.count) }
        guard positive.count <= 16 else {
            return expectedMaximum(positive.map { TimeDistribution.exponential(mean: $0) })
        }
        var sum = 0.0
        for subset in 1..<(1 << positive.count) {
            var rate = 0.0
            for i in positive.indices where subset & (1 << i) != 0 { rate += 1 / positive[i] }
            sum += (subset.nonzeroBitCount % 2 == 1 ? 1 : -1) / rate
        }
        return sum
    }

    /// E[max] of independent times of any shape: ∫₀^∞ (1 − Π Fᵢ(t)) dt by the composite Simpson rule on
    /// 4,096 intervals up to the largest member's 1 − 10⁻⁹ point (the tail beyond is left out). Accurate to
    /// ~10⁻⁶ relative for smooth shapes; a constant member's jump costs at most one interval (bound/4,096).
    public static func expectedMaximum(_ members: [TimeDistribution]) -> Double {
        guard !members.isEmpty else { return 0 }
        let upper = members.map { $0.upperBound(tail: 1e-9) }.max() ?? 0
        guard upper > 0 else { return members.map(\.mean).max() ?? 0 }
        let intervals = 4096
        let h = upper / Double(intervals)
        func survival(_ t: Double) -> Double {
            var product = 1.0
            for member in members { product *= member.cdf(t) }
            return 1 - product
        }
        var sum = survival(0) + survival(upper)
        for k in 1..<intervals { sum += (k % 2 == 1 ? 4 : 2) * survival(Double(k) * h) }
        return sum * h / 3
    }
}

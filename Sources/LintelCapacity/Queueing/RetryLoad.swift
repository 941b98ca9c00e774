import Foundation

/// Retries at steady state: every attempt fails independently with probability q (the callee
/// errors, or the caller's per-attempt timeout fires first), and a failed attempt is followed
/// by another until `retries` more have been made.
public enum RetryLoad {
    /// The steady-state figures of one call with retries.
    public struct Result: Sendable, Codable, Equatable {
        /// q = 1 − (1 − error rate)·(1 − P(response > timeout)).
        public var attemptFailure: Double
        /// Σ_{k=0..R} q^k: attempts per call, the factor on the load passed to the callee.
        public var attempts: Double
        /// q^(R+1): the call fails after its last attempt.
        public var failure: Double
    }

    /// Attempts and failure of a call whose attempts time out with probability `timeoutExceedance`
    /// (P(callee response > τ), 0 without a timeout) or fail with probability `errorRate`.
    public static func solve(timeoutExceedance: Double, errorRate: Double = 0, retries: Int) -> Result {
        let late = clamp(timeoutExceedance), error = clamp(errorRate)
        let q = 1 - (1 - error) * (1 - late)
        let r = max(0, min(retries, 10_000))
        var attempts = 0.0, power = 1.0
        for _ in 0...r {
            attempts += power
            power *= q
        }
        return Result(attemptFailure: q, attempts: attempts, failure: power)
    }

    /// Attempts and failure when the callee's response time follows `response` and the caller waits at most `timeout`.
    public static func solve(response: TimeDistribution, timeout: Double?, errorRate: Double = 0, retries: Int) -> Result {
        let late = timeout.map { 1 - response.cdf($0) } ?? 0
        return solve(timeoutExceedance: late, errorRate: errorRate, retries: retries)
    }

    private static func clamp(_ p: Double) -> Double { p.isNaN ? 0 : min(1, max(0, p)) }
}

import Foundation

/// The one set of call arithmetic: attempts, backoff, timeout bounds and worst responses.
/// Capacity, review, the simulator and the diagrams read these instead of re-deriving them.
extension Call {
    /// The longest wait before retry `n` (0-based): jitter at its maximum.
    /// none 0; constant min(cap, base); exponential, full and equal jitter min(cap, base·2ⁿ);
    /// decorrelated min(cap, base·3ⁿ⁺¹) (each draw is at most 3 × the previous).
    public func backoffBound(beforeRetry n: Int) -> Double {
        let base = max(0, finite(backoffBase.seconds)), cap = max(0, finite(backoffCap.seconds))
        switch backoff {
        case .none: return 0
        case .constant: return min(cap, base)
        case .exponential, .fullJitter, .equalJitter:
            return min(cap, base * pow(2, Double(min(max(0, n), 1100))))
        case .decorrelatedJitter:
            return min(cap, base * pow(3, Double(min(max(0, n), 700) + 1)))
        }
    }

    /// The mean wait before retry `n` (0-based). Full jitter: half the bound; equal jitter:
    /// three quarters; decorrelated: the mean of uniform(base, 3·previous mean), capped
    /// (exact without the cap, an upper bound with it).
    public func meanBackoff(beforeRetry n: Int) -> Double {
        let base = max(0, finite(backoffBase.seconds)), cap = max(0, finite(backoffCap.seconds))
        switch backoff {
        case .none, .constant, .exponential: return backoffBound(beforeRetry: n)
        case .fullJitter: return backoffBound(beforeRetry: n) / 2
        case .equalJitter: return backoffBound(beforeRetry: n) * 0.75
        case .decorrelatedJitter:
            var previous = base
            for _ in 0...min(max(0, n), 64) { previous = min(cap, (base + 3 * previous) / 2) }
            return previous
        }
    }

    /// Σ of the longest waits over all retries, in O(1) once the bound reaches the cap.
    public var worstBackoffTotal: Double { backoffSum(retries: retries, term: backoffBound(beforeRetry:)) }

    /// Σ of the mean waits over all retries.
    public var meanBackoffTotal: Double { backoffSum(retries: retries, term: meanBackoff(beforeRetry:)) }

    /// Attempts per call at steady state when each attempt fails with probability `q`
    /// (independently): Σ_{k=0..R} qᵏ.
    public func expectedAttempts(failure q: Double) -> Double {
        let q = min(1, max(0, finite(q)))
        let r = Double(max(0, retries))
        if q >= 1 { return r + 1 }
        return (1 - pow(q, r + 1)) / (1 - q)
    }

    /// Probability that every attempt fails: q^(R+1).
    public func failureProbability(failure q: Double) -> Double {
        pow(min(1, max(0, finite(q))), Double(max(0, retries)) + 1)
    }

    /// The mean backoff a call waits in total when each attempt fails with probability `q`:
    /// Σ_{n=0..R−1} qⁿ⁺¹ · E[wait before retry n].
    public func expectedBackoff(failure q: Double) -> Double {
        let q = min(1, max(0, finite(q)))
        var total = 0.0, reach = 1.0
        for n in 0..<min(max(0, retries), 10_000) {
            reach *= q
            if reach < 1e-300 { break }
            total += reach * meanBackoff(beforeRetry: n)
        }
        return total
    }

    /// Worst time of the call when it sets a timeout: attempts × timeout + the longest backoff; `nil` without one.
    public var timeoutBound: Double? {
        timeout.map { Double(attempts) * max(0, finite($0.seconds)) + worstBackoffTotal }
    }

    /// The longest the caller can wait on this call, given the callee's own worst response:
    /// with a timeout, attempts × min(timeout, callee worst) + backoff; without, attempts × callee worst + backoff.
    public func worstResponse(calleeWorst: Double) -> Double {
        let callee = max(0, calleeWorst)
        let perAttempt = timeout.map { min(max(0, finite($0.seconds)), callee) } ?? callee
        return Double(attempts) * perAttempt + worstBackoffTotal
    }

    private func backoffSum(retries: Int, term: (Int) -> Double) -> Double {
        let cap = max(0, finite(backoffCap.seconds))
        var total = 0.0
        let count = max(0, retries)
        for n in 0..<count {
            let value = term(n)
            if value >= cap, backoff != .none {
                return total + Double(count - n) * value
            }
            total += value
            if backoff == .none || backoff == .constant {
                return total * Double(count)
            }
        }
        return total
    }

    private func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
}

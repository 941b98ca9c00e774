import LintelModel

/// Worst-case durations of calls, for timeout and latency rules.
enum ResilienceMath {
    /// Longest total backoff over a call's retries: Σₙ min(cap, base·2ⁿ) for exponential backoff
    /// (full and equal jitter wait at most that), min(cap, base·3ⁿ⁺¹) for decorrelated jitter,
    /// base per retry for constant, nothing for none.
    static func maximumBackoff(_ call: Call) -> Double {
        guard call.retries > 0 else { return 0 }
        let base = call.backoffBase.seconds
        let cap = call.backoffCap.seconds
        var total = 0.0
        for attempt in 0..<min(call.retries, 64) {
            switch call.backoff {
            case .none: break
            case .constant: total += min(cap, base)
            case .exponential, .fullJitter, .equalJitter: total += min(cap, base * pow2(attempt))
            case .decorrelatedJitter: total += min(cap, base * pow3(attempt + 1))
            }
        }
        return total
    }

    static func pow2(_ exponent: Int) -> Double { exponent >= 1023 ? .infinity : Double(sign: .plus, exponent: exponent, significand: 1) }
    static func pow3(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<min(exponent, 700) { value *= 3 }
        return value
    }

    /// Longest time one call can take before the caller gives up on it: timeout × attempts + backoff,
    /// times the sequential calls per request; `nil` when the call has no timeout.
    static func worstCase(_ call: Call) -> Double? {
        guard let timeout = call.timeout else { return nil }
        let sequential = max(1, call.perRequest.rounded(.up))
        return sequential * (timeout.seconds * Double(call.attempts) + maximumBackoff(call))
    }

    /// Longest a component can take to answer one request: its own p99 plus the worst case of its
    /// synchronous calls (sequential calls add up, a `parallel` group takes its slowest member);
    /// `nil` when a synchronous call has no timeout (then it is unbounded).
    static func worstResponse(_ component: Component) -> Double? {
        var total = component.latency.p99.seconds
        var groups: [String: Double] = [:]
        for call in component.calls where call.mode == .sync && call.perRequest > 0 {
            guard let worst = worstCase(call) else { return nil }
            if let group = call.parallel {
                groups[group] = max(groups[group] ?? 0, worst)
            } else {
                total += worst
            }
        }
        return total + groups.values.reduce(0, +)
    }
}

import Foundation
import LintelModel

/// The time a caller spends on one call: attempts under its timeout, backoff between them,
/// copies, and the chance the call is not made at all (caller-side cache hit, `on_miss`).
///
/// An attempt fails when the callee turns it away (rate limit or full queue, probability b,
/// taken as instant) or when the caller's timeout τ fires first; q = 1 − (1 − b)·P(R ≤ τ).
/// A successful attempt takes R given R ≤ τ; a failed one τ (or 0 when turned away); the
/// k-th retry waits the mean backoff before it (jitter at its mean, an approximation).
struct CallTime {
    /// The time of one call (all its attempts), on the caller's grid.
    var grid: LatencyGrid
    /// Its mean, exact when the call has no timeout and the callee turns nothing away.
    var mean: Double
    var attempts: Double
    var failure: Double
    var attemptFailure: Double

    static func of(call: Call?, response: LatencyGrid, responseMean: Double, saturated: Bool, blocked: Double) -> CallTime {
        let step = response.step
        let retries = min(max(0, call?.retries ?? 0), 50)
        let timeout = call?.timeout.map { max(0, $0.seconds.isFinite ? $0.seconds : 0) }
        let late: Double
        if let timeout { late = saturated ? 1 : max(0, 1 - response.cdf(timeout)) } else { late = 0 }
        let b = min(1, max(0, blocked))
        let q = 1 - (1 - b) * (1 - late)
        let attempts = call?.expectedAttempts(failure: q) ?? 1
        let failure = call?.failureProbability(failure: q) ?? q
        guard q > 1e-12 else {
            return CallTime(grid: response, mean: responseMean, attempts: attempts, failure: failure, attemptFailure: q)
        }
        let success = timeout.map { response.truncated(atMost: $0) } ?? response
        // The grid's own mean is off by its discretisation (cells at their left edge); scale the truncated
        // mean by the exact-to-grid ratio so a timeout far in the tail leaves the mean exact.
        let bias = response.mean > 0 && responseMean > 0 ? responseMean / response.mean : 1
        let successMean = timeout == nil ? responseMean : min(success.mean * bias, timeout ?? .infinity)
        let failedDuration = (1 - b) * late * (timeout ?? 0) / q
        var parts: [(weight: Double, grid: LatencyGrid)] = []
        var mean = 0.0
        var reach = 1.0
        var backoff = 0.0
        for k in 0...retries {
            let shift = Double(k) * failedDuration + backoff
            let weight = reach * (1 - q)
            if weight > 1e-15 {
                parts.append((weight, success.shifted(by: shift)))
                mean += weight * (shift + successMean)
            }
            if k < retries { backoff += call?.meanBackoff(beforeRetry: k) ?? 0 }
            reach *= q
        }
        // Every attempt failed: the caller gives up after the last one.
        let giveUp = Double(retries + 1) * failedDuration + backoff
        if reach > 1e-15 {
            parts.append((reach, LatencyGrid.zero(step: step, cells: response.mass.count).shifted(by: giveUp)))
            mean += reach * giveUp
        }
        let grid = LatencyGrid.mixture(parts) ?? response
        return CallTime(grid: grid, mean: mean, attempts: attempts, failure: failure, attemptFailure: q)
    }
}

/// Composition of a component's call plan on one grid.
enum PlanTime {
    /// Copies of a call made one after another, made with probability `made`.
    static func sequential(_ call: LatencyGrid, copies: Copies, made: Double) -> LatencyGrid {
        var base = call.repeated(copies.whole)
        if copies.fraction > 0 { base = base.convolved(with: call).mixed(probability: copies.fraction, otherwise: base) }
        return base.mixed(probability: made, otherwise: .zero(step: call.step, cells: call.mass.count))
    }

    /// A parallel group: every member's copies run concurrently; the group ends with the slowest.
    /// Member CDF (1 − m) + m·F^w·(1 − f + f·F), the group's the product over members.
    static func parallel(_ members: [(call: LatencyGrid, copies: Copies, made: Double)], step: Double, cells: Int) -> LatencyGrid {
        var product = [Double](repeating: 1, count: cells)
        for member in members {
            let cdf = member.call.cumulative
            for k in 0..<cells {
                let f = k < cdf.count ? cdf[k] : 1 - member.call.overflow
                let copies = pow(f, Double(member.copies.whole)) * (1 - member.copies.fraction + member.copies.fraction * f)
                product[k] *= (1 - member.made) + member.made * copies
            }
        }
        return LatencyGrid(step: step, cumulative: product)
    }
}

import Foundation

/// The shapes of time Lintel composes: service times as the model states them and waits
/// as the queueing formulas give them. Each knows its CDF, mean and second moment, so it
/// can be placed on a `LatencyGrid` or matched by moments.
public enum TimeDistribution: Sendable, Equatable, Codable {
    /// Always `value` seconds.
    case constant(Double)
    /// Exponential with this mean.
    case exponential(mean: Double)
    /// Log-normal: ln T ~ Normal(mu, sigma²).
    case lognormal(mu: Double, sigma: Double)
    /// A queueing wait: 0 with probability 1 − p, otherwise exponential with rate `decay`:
    /// P(W > t) = p·e^{−decay·t} (exact for M/M/c and GI/M/1, the Allen–Cunneen tail otherwise).
    case atomThenExponential(probability: Double, decay: Double)
    /// A bounded queue's wait: with probability `weights[j]` the sum of j + 1 exponential phases of rate `rate`
    /// (found j + c in an M/M/c/K queue), 0 otherwise.
    case erlangMixture(weights: [Double], rate: Double)

    /// P(T ≤ t).
    public func cdf(_ t: Double) -> Double {
        guard t >= 0 else { return 0 }
        switch self {
        case .constant(let value): return t >= value ? 1 : 0
        case .exponential(let mean): return mean > 0 ? 1 - exp(-t / mean) : 1
        case .lognormal(let mu, let sigma):
            guard t > 0 else { return 0 }
            guard sigma > 0 else { return log(t) >= mu ? 1 : 0 }
            return 0.5 * erfc(-(log(t) - mu) / (sigma * 2.0.squareRoot()))
        case .atomThenExponential(let p, let decay):
            guard decay > 0, decay.isFinite else { return 1 - min(1, max(0, p)) }
            return 1 - min(1, max(0, p)) * exp(-decay * t)
        case .erlangMixture(let weights, let rate):
            guard rate > 0, rate.isFinite else { return 1 - weights.reduce(0, +) }
            // P(Erlang(j + 1) > t) = Σ_{i ≤ j} Poisson(i; rate·t); weights summed from the top down.
            let x = rate * t
            var suffix = weights.reduce(0, +)
            var term = exp(-x)
            var survival = 0.0
            for j in weights.indices {
                survival += term * suffix
                suffix -= weights[j]
                term *= x / Double(j + 1)
                if term < 1e-300 || suffix <= 0 { break }
            }
            return min(1, max(0, 1 - survival))
        }
    }

    /// E[T].
    public var mean: Double {
        switch self {
        case .constant(let value): value
        case .exponential(let mean): mean
        case .lognormal(let mu, let sigma): exp(mu + sigma * sigma / 2)
        case .atomThenExponential(let p, let decay): decay > 0 ? p / decay : 0
        case .erlangMixture(let weights, let rate):
            rate > 0 ? weights.indices.reduce(0.0) { $0 + weights[$1] * Double($1 + 1) } / rate : 0
        }
    }

    /// E[T²].
    public var secondMoment: Double {
        switch self {
        case .constant(let value): value * value
        case .exponential(let mean): 2 * mean * mean
        case .lognormal(let mu, let sigma): exp(2 * mu + 2 * sigma * sigma)
        case .atomThenExponential(let p, let decay): decay > 0 ? 2 * p / (decay * decay) : 0
        case .erlangMixture(let weights, let rate):
            rate > 0 ? weights.indices.reduce(0.0) { $0 + weights[$1] * Double(($1 + 1) * ($1 + 2)) } / (rate * rate) : 0
        }
    }

    /// The p-quantile (0 < p < 1), by bisection on the CDF; 0 when P(T = 0) ≥ p.
    public func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1, cdf(0) < p else { return 0 }
        var high = max(mean, 1e-12)
        var doublings = 0
        while cdf(high) < p, doublings < 1100 { high *= 2; doublings += 1 }
        var low = 0.0
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if cdf(middle) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// A time beyond which at most `tail` of the probability lies, for sizing a grid.
    public func upperBound(tail: Double = 1e-6) -> Double {
        let z = 4.753424308822899 // Φ⁻¹(1 − 10⁻⁶)
        switch self {
        case .constant(let value): return value
        case .exponential(let mean): return mean * log(1 / tail)
        case .lognormal(let mu, let sigma): return exp(mu + z * sigma)
        case .atomThenExponential(let p, let decay): return decay > 0 && p > tail ? log(p / tail) / decay : 0
        case .erlangMixture: return quantile(1 - tail)
        }
    }

    /// This distribution on a grid of `cells` cells of width `step`.
    public func grid(step: Double, cells: Int = LatencyGrid.defaultCells) -> LatencyGrid {
        LatencyGrid(step: step, cells: cells, cdf: cdf)
    }
}

/// The response time of one queue: its wait followed by its service, on one grid.
public enum ResponseTime {
    /// wait ⊛ service on a grid of width `step`.
    public static func grid(wait: TimeDistribution, service: TimeDistribution, step: Double,
                            cells: Int = LatencyGrid.defaultCells) -> LatencyGrid {
        wait.grid(step: step, cells: cells).convolved(with: service.grid(step: step, cells: cells))
    }
}

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
        }
    }

    /// E[T].
    public var mean: Double {
        switch self {
        case .constant(let value): value
        case .exponential(let mean): mean
        case .lognormal(let mu, let sigma): exp(mu + sigma * sigma / 2)
        case .atomThenExponential(let p, let decay): decay > 0 ? p / decay : 0
        }
    }

    /// E[T²].
    public var secondMoment: Double {
        switch self {
        case .constant(let value): value * value
        case .exponential(let mean): 2 * mean * mean
        case .lognormal(let mu, let sigma): exp(2 * mu + 2 * sigma * sigma)
        case .atomThenExponential(let p, let decay): decay > 0 ? 2 * p / (decay * decay) : 0
        }
    }

    /// A time beyond which at most `tail` of the probability lies, for sizing a grid.
    public func upperBound(tail: Double = 1e-6) -> Double {
        let z = 4.753424308822899 // Φ⁻¹(1 − 10⁻⁶)
        switch self {
        case .constant(let value): return value
        case .exponential(let mean): return mean * log(1 / tail)
        case .lognormal(let mu, let sigma): return exp(mu + z * sigma)
        case .atomThenExponential(let p, let decay): return decay > 0 && p > tail ? log(p / tail) / decay : 0
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

import Foundation

/// A component's own service time as a fitted distribution: the one place Lintel turns a
/// `latency` (p50, p99, shape) into numbers. Capacity reads its moments and quantiles; the
/// simulator draws from the same parameters.
///
/// - constant: every request takes p50;
/// - exponential: mean p50 / ln 2 (the median of an exponential is mean · ln 2);
/// - log-normal fitted to p50 and p99: μ = ln p50, σ = ln(p99 / p50) / z₀.₉₉ with
///   z₀.₉₉ = 2.3263478740408408; a p99 at or below p50 degenerates to constant p50.
public struct ServiceTime: Sendable, Equatable, Codable {
    public enum Shape: String, Sendable, Codable, Equatable {
        case constant, exponential, lognormal
    }

    /// The standard normal quantile at 0.99.
    public static let z99 = 2.3263478740408408

    public let shape: Shape
    /// Mean in seconds.
    public let mean: Double
    /// Log-normal: μ of the underlying normal (ln of the median); otherwise 0.
    public let mu: Double
    /// Log-normal: σ of the underlying normal; otherwise 0.
    public let sigma: Double

    public init(_ latency: Latency) {
        let p50 = Self.finiteNonNegative(latency.p50.seconds)
        switch latency.distribution {
        case .constant:
            self.init(shape: .constant, mean: p50, mu: 0, sigma: 0)
        case .exponential:
            self.init(shape: .exponential, mean: p50 / M_LN2, mu: 0, sigma: 0)
        case .lognormal:
            let p99 = Self.finiteNonNegative(latency.p99.seconds)
            guard p50 > 0, p99 > p50 else {
                self.init(shape: .constant, mean: p50, mu: 0, sigma: 0)
                return
            }
            let sigma = log(p99 / p50) / Self.z99
            self.init(shape: .lognormal, mean: p50 * exp(sigma * sigma / 2), mu: log(p50), sigma: sigma)
        }
    }

    /// A constant service time of `seconds` (a partition's 1 / throughput, for example).
    public static func constant(_ seconds: Double) -> ServiceTime {
        ServiceTime(shape: .constant, mean: finiteNonNegative(seconds), mu: 0, sigma: 0)
    }

    /// An exponential service time with the given mean.
    public static func exponential(mean: Double) -> ServiceTime {
        ServiceTime(shape: .exponential, mean: finiteNonNegative(mean), mu: 0, sigma: 0)
    }

    private init(shape: Shape, mean: Double, mu: Double, sigma: Double) {
        self.shape = shape
        self.mean = mean
        self.mu = mu
        self.sigma = sigma
    }

    /// E[S²]: constant m²; exponential 2m²; log-normal m²·e^{σ²}.
    public var secondMoment: Double {
        switch shape {
        case .constant: mean * mean
        case .exponential: 2 * mean * mean
        case .lognormal: mean * mean * exp(sigma * sigma)
        }
    }

    /// Squared coefficient of variation Var[S]/E[S]²: 0, 1, e^{σ²} − 1.
    public var scv: Double {
        switch shape {
        case .constant: 0
        case .exponential: 1
        case .lognormal: exp(sigma * sigma) - 1
        }
    }

    /// The same shape with every time multiplied by `factor` (a fault's latency ×N).
    public func scaled(by factor: Double) -> ServiceTime {
        let f = Self.finiteNonNegative(factor)
        guard f > 0 else { return .constant(0) }
        return ServiceTime(shape: shape, mean: mean * f, mu: shape == .lognormal ? mu + log(f) : 0, sigma: sigma)
    }

    /// P(S ≤ t).
    public func cdf(_ t: Double) -> Double {
        guard t > 0 else { return shape == .constant && mean == 0 ? 1 : 0 }
        switch shape {
        case .constant: return t >= mean ? 1 : 0
        case .exponential: return mean > 0 ? 1 - exp(-t / mean) : 1
        case .lognormal: return 0.5 * erfc(-(log(t) - mu) / (sigma * 2.0.squareRoot()))
        }
    }

    /// The p-quantile (0 < p < 1).
    public func quantile(_ p: Double) -> Double {
        let p = min(max(p, 1e-15), 1 - 1e-15)
        switch shape {
        case .constant: return mean
        case .exponential: return -mean * log(1 - p)
        case .lognormal: return exp(mu + sigma * NormalDistribution.quantile(p))
        }
    }

    static func finiteNonNegative(_ value: Double) -> Double {
        value.isFinite && value > 0 ? value : 0
    }
}

/// The standard normal distribution's quantile function.
public enum NormalDistribution {
    /// Φ⁻¹(p) by Acklam's rational approximation (relative error < 1.15·10⁻⁹) refined by one
    /// Halley step on erfc, which brings it to double precision.
    public static func quantile(_ p: Double) -> Double {
        guard p > 0 else { return -.infinity }
        guard p < 1 else { return .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}

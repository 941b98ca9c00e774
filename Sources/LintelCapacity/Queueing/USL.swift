import Foundation

/// Gunther's Universal Scalability Law: X(N) = γN / (1 + α(N − 1) + βN(N − 1)).
public struct USL: Sendable, Codable, Equatable {
    /// Contention (serial fraction).
    public var alpha: Double
    /// Coherency (crosstalk) cost.
    public var beta: Double
    /// Throughput at concurrency one.
    public var gamma: Double

    public init(alpha: Double, beta: Double, gamma: Double) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
    }

    /// Throughput at concurrency `n`.
    public func throughput(_ n: Double) -> Double {
        gamma * n / (1 + alpha * (n - 1) + beta * n * (n - 1))
    }

    /// Concurrency of peak throughput, N* = √((1 − α)/β); `nil` when β ≤ 0 (no retrograde region).
    public var peakConcurrency: Double? {
        guard beta > 0, alpha < 1 else { return nil }
        return ((1 - alpha) / beta).squareRoot()
    }

    /// Throughput at N*, or the asymptote γ/α when β = 0.
    public var throughputCeiling: Double? {
        if let peak = peakConcurrency { return throughput(peak) }
        return alpha > 0 ? gamma / alpha : nil
    }
}

/// A USL fitted to measurements, with its goodness of fit.
public struct USLFit: Sendable, Codable, Equatable {
    public var model: USL
    /// Coefficient of determination 1 − SSres/SStot.
    public var rSquared: Double
    public var points: Int
    public var iterations: Int
}

extension USL {
    public enum FitError: Error, Sendable, Equatable, CustomStringConvertible {
        case tooFewPoints(Int)
        case invalidPoint(concurrency: Double, throughput: Double)
        /// The least-squares search still improved after its last iteration.
        case notConverged(iterations: Int)
        /// The fitted parameters or R² are not finite, or γ is not positive: the data does not follow the law.
        case degenerate(alpha: Double, beta: Double, gamma: Double)
        public var description: String {
            switch self {
            case .tooFewPoints(let n): "a USL fit needs at least 3 points with distinct concurrency, got \(n)"
            case .invalidPoint(let n, let x): "concurrency and throughput must be positive and finite, got (\(n), \(x))"
            case .notConverged(let iterations):
                "the USL fit did not converge in \(iterations) iterations; check that throughput was measured at steady state and covers several concurrency levels"
            case .degenerate(let alpha, let beta, let gamma):
                "the USL fit gives no usable parameters (α \(alpha), β \(beta), γ \(gamma)); the measurements do not follow the law"
            }
        }
    }

    /// Fits α, β, γ to (concurrency, throughput) pairs by Levenberg–Marquardt least squares
    /// on the throughput residuals, with α, β kept non-negative.
    ///
    /// Starting point: γ from the measurement at the lowest concurrency (X/N), α and β from
    /// the linearised form N/X·γ − 1 = α(N−1) + βN(N−1) solved by ordinary least squares.
    public static func fit(concurrency: [Double], throughput: [Double]) throws(FitError) -> USLFit {
        let count = min(concurrency.count, throughput.count)
        for i in 0..<count where !(concurrency[i] > 0 && throughput[i] > 0 && concurrency[i].isFinite && throughput[i].isFinite) {
            throw .invalidPoint(concurrency: concurrency[i], throughput: throughput[i])
        }
        guard Set(concurrency.prefix(count)).count >= 3 else { throw .tooFewPoints(count) }
        let n = Array(concurrency.prefix(count)), x = Array(throughput.prefix(count))

        var p = startingPoint(n: n, x: x)
        var lambda = 1e-3
        var cost = sumOfSquares(p, n, x)
        var iterations = 0
        for iteration in 1...500 {
            iterations = iteration
            // Jacobian of the model at each point with respect to (α, β, γ).
            var jtj = [[Double]](repeating: [0, 0, 0], count: 3)
            var jtr = [0.0, 0.0, 0.0]
            for i in 0..<count {
                let ni = n[i]
                let d = 1 + p[0] * (ni - 1) + p[1] * ni * (ni - 1)
                let f = p[2] * ni / d
                let j = [-f * (ni - 1) / d, -f * ni * (ni - 1) / d, ni / d]
                let r = x[i] - f
                for a in 0..<3 {
                    jtr[a] += j[a] * r
                    for b in 0..<3 { jtj[a][b] += j[a] * j[b] }
                }
            }
            var improved = false
            while lambda < 1e12 {
                var m = jtj
                for a in 0..<3 { m[a][a] += lambda * max(jtj[a][a], 1e-12) }
                guard let step = solve3(m, jtr) else { lambda *= 10; continue }
                let candidate = [max(0, p[0] + step[0]), max(0, p[1] + step[1]), p[2] + step[2]]
                let candidateCost = sumOfSquares(candidate, n, x)
                if candidateCost.isFinite, candidateCost <= cost {
                    let change = zip(candidate, p).map { abs($0 - $1) / max(abs($1), 1e-12) }.max() ?? 0
                    p = candidate
                    let previous = cost
                    cost = candidateCost
                    lambda = max(lambda / 10, 1e-15)
                    improved = change > 1e-12 && previous - cost > 1e-18 * max(previous, 1e-300)
                    break
                }
                lambda *= 10
            }
            if !improved { break }
            if iteration == 500 { throw .notConverged(iterations: iteration) }
        }
        let mean = x.reduce(0, +) / Double(count)
        let total = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let r2 = total > 0 ? 1 - cost / total : 1
        guard p.allSatisfy(\.isFinite), p[2] > 0, r2.isFinite else { throw .degenerate(alpha: p[0], beta: p[1], gamma: p[2]) }
        return USLFit(model: USL(alpha: p[0], beta: p[1], gamma: p[2]), rSquared: r2, points: count, iterations: iterations)
    }

    private static func startingPoint(n: [Double], x: [Double]) -> [Double] {
        var lowest = 0
        for i in n.indices where n[i] < n[lowest] { lowest = i }
        let gamma = x[lowest] / n[lowest]
        // Linearised least squares for α, β: y = α·u + β·v with y = γN/X − 1, u = N−1, v = N(N−1).
        var suu = 0.0, suv = 0.0, svv = 0.0, suy = 0.0, svy = 0.0
        for i in n.indices {
            let u = n[i] - 1, v = n[i] * (n[i] - 1), y = gamma * n[i] / x[i] - 1
            suu += u * u; suv += u * v; svv += v * v; suy += u * y; svy += v * y
        }
        let det = suu * svv - suv * suv
        guard det != 0 else { return [0.01, 0.0001, gamma] }
        let alpha = (suy * svv - svy * suv) / det
        let beta = (svy * suu - suy * suv) / det
        return [max(0, alpha), max(0, beta), gamma]
    }

    private static func sumOfSquares(_ p: [Double], _ n: [Double], _ x: [Double]) -> Double {
        let model = USL(alpha: p[0], beta: p[1], gamma: p[2])
        var sum = 0.0
        for i in n.indices {
            let r = x[i] - model.throughput(n[i])
            sum += r * r
        }
        return sum
    }

    /// Solves a 3×3 linear system by Gaussian elimination with partial pivoting.
    private static func solve3(_ matrix: [[Double]], _ rhs: [Double]) -> [Double]? {
        var a = matrix, b = rhs
        for col in 0..<3 {
            var pivot = col
            for row in col..<3 where abs(a[row][col]) > abs(a[pivot][col]) { pivot = row }
            guard abs(a[pivot][col]) > 1e-300 else { return nil }
            a.swapAt(col, pivot); b.swapAt(col, pivot)
            for row in (col + 1)..<3 {
                let factor = a[row][col] / a[col][col]
                for k in col..<3 { a[row][k] -= factor * a[col][k] }
                b[row] -= factor * b[col]
            }
        }
        var result = [0.0, 0.0, 0.0]
        for row in stride(from: 2, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<3 { sum -= a[row][k] * result[k] }
            result[row] = sum / a[row][row]
        }
        return result.allSatisfy(\.isFinite) ? result : nil
    }
}

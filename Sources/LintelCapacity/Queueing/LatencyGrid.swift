import Foundation

/// A non-negative random time discretised on a uniform grid, so that response-time
/// distributions can be composed exactly as a request composes them: one call after
/// another (convolution), a parallel group (maximum: product of the CDFs), a call made
/// with some probability (mixture with an atom at 0).
///
/// Cell k holds the probability of [(k − ½)h, (k + ½)h) placed at k·h (cell 0 holds
/// [0, ½h)), so rounding errors are centred rather than all in one direction: a convolution
/// of n grids is off by at most n·h/2 in any quantile. `overflow` is the probability beyond
/// the last cell; it is carried through every operation, never dropped silently.
public struct LatencyGrid: Sendable, Equatable {
    /// Width h of one cell, in seconds.
    public let step: Double
    /// Probability of each cell.
    public private(set) var mass: [Double]
    /// Probability beyond the last cell.
    public private(set) var overflow: Double

    /// Cells a grid has unless told otherwise: 2,048 cells keep a convolution under ~4 M multiply-adds.
    public static let defaultCells = 2048

    /// Discretises a distribution given by its CDF. `cells` ≥ 1 and `step` > 0 are enforced by clamping.
    public init(step: Double, cells: Int = LatencyGrid.defaultCells, cdf: (Double) -> Double) {
        self.step = step > 0 && step.isFinite ? step : 1e-6
        let count = max(1, cells)
        var mass = [Double](repeating: 0, count: count)
        var previous = 0.0
        for k in 0..<count {
            let upper = Self.clamp(cdf((Double(k) + 0.5) * self.step))
            mass[k] = max(0, upper - previous)
            previous = max(previous, upper)
        }
        self.mass = mass
        self.overflow = max(0, 1 - previous)
    }

    /// A time that is exactly 0.
    public static func zero(step: Double, cells: Int = LatencyGrid.defaultCells) -> LatencyGrid {
        LatencyGrid(step: step, cells: cells) { _ in 1 }
    }

    private init(step: Double, mass: [Double], overflow: Double) {
        self.step = step
        self.mass = mass
        self.overflow = overflow
    }

    private static func clamp(_ p: Double) -> Double { p.isNaN ? 0 : min(1, max(0, p)) }

    /// The sum of two independent times (one call after another). Both grids must share the step;
    /// mass that lands beyond the last cell joins `overflow`.
    public func convolved(with other: LatencyGrid) -> LatencyGrid {
        let count = mass.count
        var result = [Double](repeating: 0, count: count)
        var kept = 0.0
        for i in 0..<count where mass[i] > 0 {
            let a = mass[i]
            let limit = min(other.mass.count, count - i)
            for j in 0..<limit { result[i + j] += a * other.mass[j] }
        }
        for value in result { kept += value }
        // Everything not kept in a cell (either input's overflow, or sums past the end) is beyond the grid.
        return LatencyGrid(step: step, mass: result, overflow: max(0, 1 - kept))
    }

    /// The sum of `count` independent copies (copies of a call made one after another).
    public func repeated(_ count: Int) -> LatencyGrid {
        var result = LatencyGrid.zero(step: step, cells: mass.count)
        guard count > 0 else { return result }
        for _ in 0..<count { result = result.convolved(with: self) }
        return result
    }

    /// The maximum of independent times (a parallel group ends with its slowest member):
    /// F_max(t) = Π Fᵢ(t). `nil` for an empty list.
    public static func maximum(_ grids: [LatencyGrid]) -> LatencyGrid? {
        guard let first = grids.first else { return nil }
        let count = first.mass.count
        var cdf = [Double](repeating: 1, count: count)
        for grid in grids {
            var running = 0.0
            for k in 0..<count {
                running += k < grid.mass.count ? grid.mass[k] : 0
                cdf[k] *= min(1, running)
            }
        }
        var mass = [Double](repeating: 0, count: count)
        var previous = 0.0
        for k in 0..<count {
            mass[k] = max(0, cdf[k] - previous)
            previous = max(previous, cdf[k])
        }
        return LatencyGrid(step: first.step, mass: mass, overflow: max(0, 1 - previous))
    }

    /// With probability `probability` this time, otherwise `other` (a call skipped by a cache hit: `other` = zero).
    public func mixed(probability: Double, otherwise other: LatencyGrid) -> LatencyGrid {
        let p = Self.clamp(probability)
        var result = mass
        for k in result.indices { result[k] = p * result[k] + (1 - p) * (k < other.mass.count ? other.mass[k] : 0) }
        return LatencyGrid(step: step, mass: result, overflow: p * overflow + (1 - p) * other.overflow)
    }

    /// The mean, counting overflow at the grid's end (so a lower bound when overflow > 0).
    public var mean: Double {
        var sum = 0.0
        for k in mass.indices { sum += Double(k) * step * mass[k] }
        return sum + overflow * Double(mass.count) * step
    }

    /// P(T ≤ t).
    public func cdf(_ t: Double) -> Double {
        guard t >= 0 else { return 0 }
        let last = min(mass.count - 1, Int((t / step).rounded(.down)))
        var sum = 0.0
        if last >= 0 { for k in 0...last { sum += mass[k] } }
        return min(1, sum)
    }

    /// The p-quantile: the first cell centre where the CDF reaches p, `nil` when p lies in the overflow.
    public func quantile(_ p: Double) -> Double? {
        var running = 0.0
        for k in mass.indices {
            running += mass[k]
            if running >= p - 1e-12 { return Double(k) * step }
        }
        return nil
    }
}

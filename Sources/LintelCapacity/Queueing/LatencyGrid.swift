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
        // Only the significant support is convolved: a tail below 10⁻¹³ joins the overflow, which keeps a
        // convolution of narrow parts of a wide grid cheap.
        let endA = Self.significantEnd(mass), endB = Self.significantEnd(other.mass)
        mass.withUnsafeBufferPointer { a in
            other.mass.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { r in
                    for i in 0..<endA where a[i] > 0 {
                        let value = a[i]
                        let limit = min(endB, count - i)
                        for j in 0..<limit { r[i + j] += value * b[j] }
                    }
                }
            }
        }
        for value in result { kept += value }
        // Everything not kept in a cell (either input's overflow, or sums past the end) is beyond the grid.
        return LatencyGrid(step: step, mass: result, overflow: max(0, 1 - kept))
    }

    /// The sum of `count` independent copies (copies of a call made one after another).
    ///
    /// By repeated squaring (convolution is associative): about 2·log₂(count) convolutions, not
    /// count − 1 — a `per_request` of a million took a million convolutions, minutes of CPU
    /// (found by the fuzzer, issue 11). It stops early once all the mass is past the grid.
    public func repeated(_ count: Int) -> LatencyGrid {
        guard count > 0 else { return LatencyGrid.zero(step: step, cells: mass.count) }
        var result: LatencyGrid?
        var power = self
        var remaining = count
        while true {
            if remaining & 1 == 1 { result = result.map { $0.convolved(with: power) } ?? power }
            remaining >>= 1
            if remaining == 0 { break }
            // All the mass is already beyond the grid: further copies only add time, so it stays there.
            if let result, result.overflow >= 1 { break }
            power = power.convolved(with: power)
        }
        return result ?? self
    }

    /// One past the last cell whose tail (mass from it on) exceeds 10⁻¹³.
    static func significantEnd(_ mass: [Double]) -> Int {
        var tail = 0.0
        var end = mass.count
        while end > 0 {
            tail += mass[end - 1]
            if tail > 1e-13 { break }
            end -= 1
        }
        return end
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

    /// P(T ≤ t), interpolated linearly between the cells' upper edges (k + ½)h, where the CDF is known exactly.
    public func cdf(_ t: Double) -> Double {
        guard t >= 0 else { return 0 }
        let position = t / step - 0.5
        var below = 0.0
        let whole = Int(min(Double(mass.count), max(-1, position.rounded(.down))))
        if whole >= 0 { for k in 0...min(whole, mass.count - 1) { below += mass[k] } }
        guard whole + 1 < mass.count else { return min(1, below) }
        let fraction = whole >= 0 ? position - Double(whole) : max(0, t / (0.5 * step))
        return min(1, below + mass[whole + 1] * fraction)
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

    /// The CDF at each cell's upper edge, (k + ½)h.
    public var cumulative: [Double] {
        var running = 0.0
        return mass.map { running += $0; return min(1, running) }
    }

    /// A grid from CDF values at the cells' upper edges (non-decreasing is enforced).
    public init(step: Double, cumulative: [Double]) {
        self.step = step > 0 && step.isFinite ? step : 1e-6
        var mass = [Double](repeating: 0, count: max(1, cumulative.count))
        var previous = 0.0
        for k in cumulative.indices {
            let value = Self.clamp(cumulative[k])
            mass[k] = max(0, value - previous)
            previous = max(previous, value)
        }
        self.mass = mass
        self.overflow = max(0, 1 - previous)
    }

    /// The same distribution on another grid, by linear interpolation of the CDF between cell edges.
    public func rebinned(step newStep: Double, cells: Int) -> LatencyGrid {
        let edges = cumulative
        return LatencyGrid(step: newStep, cells: cells) { t in
            // Edge k sits at (k + ½)·step; the CDF is 0 below zero.
            let position = t / self.step - 0.5
            guard position >= 0 else { return edges.first.map { $0 * max(0, (t / self.step) / 0.5) } ?? 0 }
            let k = Int(min(position.rounded(.down), Double(edges.count - 1)))
            guard k + 1 < edges.count else { return edges[edges.count - 1] }
            let fraction = position - Double(k)
            return edges[k] + (edges[k + 1] - edges[k]) * fraction
        }
    }

    /// T + d for a constant d ≥ 0 (rounded to whole cells).
    public func shifted(by delay: Double) -> LatencyGrid {
        guard delay.isFinite, delay > 0 else { return self }
        let cells = Int(min(Double(mass.count), (delay / step).rounded()))
        guard cells > 0 else { return self }
        var result = [Double](repeating: 0, count: mass.count)
        var kept = 0.0
        for k in 0..<(mass.count - cells) {
            result[k + cells] = mass[k]
            kept += mass[k]
        }
        return LatencyGrid(step: step, mass: result, overflow: max(0, 1 - kept))
    }

    /// T given T ≤ limit (renormalised); the grid itself when nothing lies at or below the limit.
    public func truncated(atMost limit: Double) -> LatencyGrid {
        guard limit.isFinite else { return self }
        let last = Int(min(Double(mass.count - 1), (limit / step).rounded(.down)))
        guard last >= 0 else { return self }
        var result = [Double](repeating: 0, count: mass.count)
        var total = 0.0
        for k in 0...last { total += mass[k] }
        guard total > 0 else { return self }
        for k in 0...last { result[k] = mass[k] / total }
        return LatencyGrid(step: step, mass: result, overflow: 0)
    }

    /// Σ wᵢ·gridᵢ for weights summing to 1 (grids on the same step).
    public static func mixture(_ parts: [(weight: Double, grid: LatencyGrid)]) -> LatencyGrid? {
        guard let first = parts.first?.grid else { return nil }
        var result = [Double](repeating: 0, count: first.mass.count)
        var overflow = 0.0
        for part in parts {
            let w = clamp(part.weight)
            for k in result.indices where k < part.grid.mass.count { result[k] += w * part.grid.mass[k] }
            overflow += w * part.grid.overflow
        }
        return LatencyGrid(step: first.step, mass: result, overflow: overflow)
    }

    /// c·T for c > 0: the same cells on a step c times as wide.
    public func scaled(by factor: Double) -> LatencyGrid {
        guard factor.isFinite, factor > 0 else { return self }
        return LatencyGrid(step: step * factor, mass: mass, overflow: overflow)
    }
}

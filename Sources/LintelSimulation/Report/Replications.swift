import Foundation

/// A figure estimated from independent replications: mean ± the half-width of its 95% confidence
/// interval, mean ± t₀.₉₇₅,ₙ₋₁ · s / √n (Student t, s the sample standard deviation).
public struct Estimate: Codable, Sendable, Equatable {
    public var mean: Double
    /// Half-width of the 95% confidence interval (0 with one replication).
    public var halfWidth: Double
    public var low: Double { mean - halfWidth }
    public var high: Double { mean + halfWidth }

    init(_ values: [Double]) {
        let n = Double(values.count)
        guard !values.isEmpty else {
            self.init(mean: 0, halfWidth: 0)
            return
        }
        let mean = values.reduce(0, +) / n
        guard values.count > 1 else {
            self.init(mean: mean, halfWidth: 0)
            return
        }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        self.init(mean: mean, halfWidth: StudentT.quantile975(degreesOfFreedom: values.count - 1) * (variance / n).squareRoot())
    }

    init(mean: Double, halfWidth: Double) {
        self.mean = mean
        self.halfWidth = halfWidth
    }

    /// True when `value` lies in the interval.
    public func covers(_ value: Double) -> Bool { value >= low && value <= high }
}

/// The main figures over `count` replications with seeds seed, seed + 1, …, in seed order.
public struct Replications: Codable, Sendable, Equatable {
    public struct FlowFigures: Codable, Sendable, Equatable {
        public var name: String
        public var goodput: Estimate
        public var meanLatency: Estimate
        public var p99: Estimate
        public var availability: Estimate
    }

    public struct ComponentFigures: Codable, Sendable, Equatable {
        public var name: String
        public var utilisation: Estimate
        public var meanWait: Estimate
    }

    public var count: Int
    public var seeds: [UInt64]
    public var flows: [FlowFigures]
    public var components: [ComponentFigures]
    /// Each replication's verdict outcome, in seed order.
    public var outcomes: [Verdict.Outcome]

    init(_ reports: [SimulationReport]) {
        count = reports.count
        seeds = reports.map(\.seed)
        let first = reports.first
        flows = (first?.flows ?? []).indices.map { f in
            let runs = reports.map { $0.flows[f] }
            return FlowFigures(name: runs[0].name, goodput: Estimate(runs.map(\.goodput)),
                               meanLatency: Estimate(runs.map(\.meanLatency)), p99: Estimate(runs.map(\.p99)),
                               availability: Estimate(runs.map { $0.offered > 0 ? Double($0.succeeded) / Double($0.offered) : 1 }))
        }
        components = (first?.components ?? []).indices.map { c in
            let runs = reports.map { $0.components[c] }
            return ComponentFigures(name: runs[0].name, utilisation: Estimate(runs.map(\.utilisation)),
                                    meanWait: Estimate(runs.map(\.meanWait)))
        }
        outcomes = reports.map(\.verdict.outcome)
    }
}

/// Student's t distribution: the two-sided 95% quantile.
enum StudentT {
    /// t₀.₉₇₅ for 1 … 30 degrees of freedom (published tables).
    static let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                  2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                  2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]

    /// t₀.₉₇₅,ν: the table up to 30, then the Cornish–Fisher expansion in 1/ν (error < 10⁻³ there).
    static func quantile975(degreesOfFreedom nu: Int) -> Double {
        guard nu >= 1 else { return .infinity }
        if nu <= table.count { return table[nu - 1] }
        let z = 1.959963984540054, v = Double(nu)
        let z3 = z * z * z, z5 = z3 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
    }
}

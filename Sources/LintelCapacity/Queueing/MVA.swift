/// Exact Mean Value Analysis of a closed, single-class product-form network
/// (Reiser and Lavenberg, 1980): queueing stations with demands Dₖ and a think time Z.
public enum MVA {
    /// Throughput and response time at one population.
    public struct Point: Sendable, Codable, Equatable {
        public var population: Int
        /// System throughput X(N), per second.
        public var throughput: Double
        /// Response time R(N) = Σ Rₖ(N), excluding think time, in seconds.
        public var responseTime: Double
    }

    /// Solves populations 1…`population`: Rₖ(n) = Dₖ(1 + Qₖ(n−1)), X(n) = n / (Z + ΣRₖ), Qₖ(n) = X·Rₖ.
    public static func solve(demands: [Double], thinkTime: Double, population: Int) -> [Point] {
        guard population > 0 else { return [] }
        var queue = [Double](repeating: 0, count: demands.count)
        var points: [Point] = []
        points.reserveCapacity(population)
        for n in 1...population {
            var response = 0.0
            var stationResponse = [Double](repeating: 0, count: demands.count)
            for k in demands.indices {
                stationResponse[k] = demands[k] * (1 + queue[k])
                response += stationResponse[k]
            }
            let throughput = Double(n) / (thinkTime + response)
            for k in demands.indices { queue[k] = throughput * stationResponse[k] }
            points.append(Point(population: n, throughput: throughput, responseTime: response))
        }
        return points
    }
}

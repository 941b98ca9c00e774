import Foundation

/// A caller whose workers are held during its synchronous calls: at most N = instances ×
/// workers of its requests can be inside the callees at once, so the callees form a closed
/// network of at most N customers and the caller's own queue absorbs the rest.
///
/// Solved by a flow-equivalent server (Chandy–Herzog–Woo, "Norton's theorem" for queueing
/// networks): exact Mean Value Analysis gives the throughput X(n) of the callee network with n
/// busy caller workers (each worker's own service is a delay station, it runs on its own
/// thread); the caller's population is then a birth–death process with births λ and deaths
/// X(min(n, N)). This is exact for product-form networks (exponential service, single-server
/// callees). Multi-server callees use Seidmann's approximation (a c-server station of demand D
/// = a queue of demand D/c plus a delay of D(c − 1)/c), and the caller's wait is scaled by
/// (1 + SCV)/2 of its holding time, which makes N = 1 exactly Pollaczek–Khinchine.
///
/// The system is stable exactly when λ < X(N): it is never reported saturated because the
/// callees, seen as an open queue, would be.
public enum BoundedCaller {
    /// One callee as the caller's requests use it.
    public struct Station: Sendable, Codable, Equatable {
        /// Service demand per caller request: calls per request × mean service time.
        public var demand: Double
        /// Servers of the callee (instances × workers).
        public var servers: Int
        public init(demand: Double, servers: Int) {
            self.demand = demand
            self.servers = servers
        }
    }

    public struct Result: Sendable, Codable, Equatable {
        /// X(N): the most requests per second the caller and its callees can complete.
        public var throughputLimit: Double
        /// Mean wait for a caller worker.
        public var meanWait: Double
        /// Probability a request waits for a caller worker.
        public var probabilityOfWaiting: Double
        /// Mean time a worker is held: own service + callee responses.
        public var holdingTime: Double
        /// Mean response of each station per caller request (queueing included), in station order.
        public var stationResponse: [Double]
        /// Mean busy caller workers.
        public var busyWorkers: Double
    }

    /// Solves the caller at arrival rate λ; `nil` when λ ≥ X(N) (saturated) or the input is not positive.
    /// - Parameters:
    ///   - workers: N, the caller's servers (instances × workers), at most 100,000.
    ///   - ownService: the caller's own mean service per request (a delay station).
    ///   - holdingSCV: squared coefficient of variation of the holding time, for the Allen–Cunneen factor.
    public static func solve(arrivalRate: Double, workers: Int, ownService: Double, stations: [Station],
                             holdingSCV: Double = 1) -> Result? {
        guard arrivalRate >= 0, arrivalRate.isFinite, workers > 0, workers <= 100_000, ownService >= 0,
              stations.allSatisfy({ $0.demand >= 0 && $0.servers > 0 && $0.demand.isFinite }) else { return nil }
        // Seidmann: queueing part D/c, the rest a delay.
        let queueDemand = stations.map { $0.demand / Double($0.servers) }
        let delay = ownService + stations.reduce(0) { $0 + $1.demand * Double($1.servers - 1) / Double($1.servers) }
        // Exact MVA for n = 1…N.
        var queue = [Double](repeating: 0, count: stations.count)
        var throughput = [Double](repeating: 0, count: workers + 1)
        var responses = [[Double]](repeating: [], count: workers + 1)
        for n in 1...workers {
            var total = delay
            var station = [Double](repeating: 0, count: stations.count)
            for k in stations.indices {
                station[k] = queueDemand[k] * (1 + queue[k])
                total += station[k]
            }
            guard total > 0 else { return nil }
            let x = Double(n) / total
            for k in stations.indices { queue[k] = x * station[k] }
            throughput[n] = x
            responses[n] = station
        }
        let limit = throughput[workers]
        guard arrivalRate < limit else { return nil }
        guard arrivalRate > 0 else {
            let response = zip(responses[1], stations).map { $0 + $1.demand * Double($1.servers - 1) / Double($1.servers) }
            return Result(throughputLimit: limit, meanWait: 0, probabilityOfWaiting: 0,
                          holdingTime: ownService + response.reduce(0, +), stationResponse: response, busyWorkers: 0)
        }
        // Birth–death over busy workers: π_n ∝ Π_{k ≤ n} λ / X(min(k, N)); geometric beyond N.
        var weight = [Double](repeating: 0, count: workers + 1)
        weight[0] = 1
        for n in 1...workers {
            weight[n] = weight[n - 1] * arrivalRate / throughput[n]
            if weight[n] > 1e250 { // rescale; only ratios matter
                for k in 0...n { weight[k] /= 1e250 }
            }
        }
        let ratio = arrivalRate / limit
        let beyond = weight[workers] * ratio / (1 - ratio) // Σ_{n > N} π_n, unnormalised
        let total = weight.reduce(0, +) + beyond
        let waiting = (weight[workers] + beyond) / total // an arrival waits when it finds N busy (PASTA)
        let lq = weight[workers] / total * ratio / ((1 - ratio) * (1 - ratio))
        // Station responses averaged over the completions made in each state.
        var completions = 0.0
        var stationResponse = [Double](repeating: 0, count: stations.count)
        var busy = 0.0
        for n in 1...workers {
            let share = (n == workers ? weight[n] + beyond : weight[n]) / total
            busy += Double(n) * share
            let rate = share * throughput[n]
            completions += rate
            for k in stations.indices { stationResponse[k] += rate * responses[n][k] }
        }
        for k in stations.indices {
            stationResponse[k] = stationResponse[k] / max(completions, 1e-300)
                + stations[k].demand * Double(stations[k].servers - 1) / Double(stations[k].servers)
        }
        let holding = ownService + stationResponse.reduce(0, +)
        let factor = (1 + max(0, holdingSCV)) / 2
        return Result(throughputLimit: limit, meanWait: lq / arrivalRate * factor, probabilityOfWaiting: waiting,
                      holdingTime: holding, stationResponse: stationResponse, busyWorkers: busy)
    }
}

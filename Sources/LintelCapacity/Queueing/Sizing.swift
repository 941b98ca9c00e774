import Foundation
import LintelModel

/// Service-time shape and instance counts for a utilisation or a latency target.
public enum Sizing {
    /// Standard normal quantiles used to fit a log-normal to p50 and p99.
    static let z99 = 2.3263478740408408

    /// Squared coefficient of variation of a component's service time:
    /// 1 exponential, 0 constant, e^{σ²} − 1 log-normal with σ = ln(p99/p50)/z₀.₉₉.
    public static func squaredCoefficientOfVariation(_ latency: Latency) -> Double {
        switch latency.distribution {
        case .exponential: return 1
        case .constant: return 0
        case .lognormal:
            guard latency.p50.seconds > 0, latency.p99.seconds > latency.p50.seconds else { return 0 }
            let sigma = log(latency.p99.seconds / latency.p50.seconds) / z99
            return exp(sigma * sigma) - 1
        }
    }

    /// The p50 and p99 of the service time as the distribution gives them.
    public static func serviceQuantiles(_ latency: Latency) -> (p50: Double, p99: Double) {
        switch latency.distribution {
        case .exponential:
            let mean = latency.mean.seconds
            return (mean * log(2), mean * log(100))
        case .constant: return (latency.p50.seconds, latency.p50.seconds)
        case .lognormal: return (latency.p50.seconds, max(latency.p50.seconds, latency.p99.seconds))
        }
    }

    /// Instances so that utilisation a / (n·workers) stays at or below `target`: ⌈a / (target·workers)⌉, at least 1.
    public static func instancesForUtilisation(offeredLoad: Double, workers: Int, target: Double) -> Int {
        guard workers > 0, target > 0, offeredLoad > 0 else { return 1 }
        let needed = offeredLoad / (target * Double(workers))
        guard needed < Double(Int.max / 2) else { return Int.max / 2 }
        return max(1, Int((needed - 1e-9).rounded(.up)))
    }

    /// The p-quantile of the wait in an M/G/c queue with `servers` servers: Erlang C with the
    /// Allen–Cunneen scaling, P(Wq > t) ≈ C·exp(−t·2(cμ − λ)/(1 + SCV)). Exact for M/M/c.
    public static func waitQuantile(_ p: Double, erlangC: Double, servers: Int, arrivalRate: Double,
                                    meanService: Double, serviceSCV: Double) -> Double {
        let decay = Double(servers) / meanService - arrivalRate
        guard decay > 0 else { return .infinity }
        return Queueing.exponentialTailQuantile(p, probabilityOfWaiting: erlangC,
                                                conditionalMeanWait: (1 + serviceSCV) / (2 * decay))
    }

    /// The fewest instances (each with `workers` servers) whose p-quantile wait is at most `budget`
    /// seconds, or `nil` beyond `maxInstances`.
    ///
    /// Walks the Erlang B recurrence once up to the answer, so the cost is linear in the
    /// number of servers it ends at, whatever the number of candidates tried.
    public static func instancesForWait(quantile p: Double, budget: Double, arrivalRate: Double, meanService: Double,
                                        serviceSCV: Double, workers: Int, maxInstances: Int = 100_000) -> Int? {
        guard workers > 0, meanService > 0, budget >= 0 else { return nil }
        guard arrivalRate > 0 else { return 1 }
        let load = arrivalRate * meanService
        var b = 1.0
        var k = 0
        for instances in 1...maxInstances {
            let servers = instances * workers
            while k < servers {
                k += 1
                b = load * b / (Double(k) + load * b)
            }
            guard load < Double(servers) else { continue }
            let c = Queueing.erlangC(fromErlangB: b, servers: servers, load: load)
            let wait = waitQuantile(p, erlangC: c, servers: servers, arrivalRate: arrivalRate,
                                    meanService: meanService, serviceSCV: serviceSCV)
            if wait <= budget { return instances }
        }
        return nil
    }
}

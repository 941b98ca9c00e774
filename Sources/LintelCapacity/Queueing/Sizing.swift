import Foundation
import LintelModel

/// Instance counts for a utilisation or a latency target (service shapes come from the semantic core's `ServiceTime`).
public enum Sizing {
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
    /// seconds, or `nil` beyond `maxInstances`. Least-outstanding balancing is sized as one pooled queue;
    /// round-robin and random as separate queues (`InstanceQueues`).
    ///
    /// Walks the Erlang B recurrence once up to the answer, so the cost is linear in the
    /// number of servers it ends at, whatever the number of candidates tried.
    public static func instancesForWait(quantile p: Double, budget: Double, arrivalRate: Double, meanService: Double,
                                        serviceSCV: Double, workers: Int, policy: LoadBalancing = .leastOutstanding,
                                        maxInstances: Int = 100_000) -> Int? {
        guard workers > 0, meanService > 0, budget >= 0 else { return nil }
        guard arrivalRate > 0 else { return 1 }
        if policy != .leastOutstanding {
            // Separate queues: each instance's wait depends only on its own share and falls as instances are
            // added, so binary search between the fewest stable count and the limit (each try costs O(workers)).
            func fits(_ instances: Int) -> Bool {
                guard let queue = InstanceQueues.solve(policy: policy, arrivalRate: arrivalRate, instances: instances, workers: workers,
                                                       meanService: meanService, serviceSCV: serviceSCV) else { return false }
                guard case .atomThenExponential(let probability, let decay) = queue.wait else { return true }
                let wait = decay.isFinite && decay > 0
                    ? Queueing.exponentialTailQuantile(p, probabilityOfWaiting: probability, conditionalMeanWait: 1 / decay) : 0
                return wait <= budget
            }
            let stable = (arrivalRate * meanService / Double(workers)).rounded(.down)
            guard stable.isFinite, stable < Double(maxInstances) else { return nil }
            var low = max(1, Int(stable))
            guard low <= maxInstances, fits(maxInstances) else { return nil }
            var high = maxInstances
            while low < high {
                let middle = low + (high - low) / 2
                if fits(middle) { high = middle } else { low = middle + 1 }
            }
            return high
        }
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

import Foundation

/// Bounded queues and rate limits: what is turned away, what is passed on, and the wait of
/// what is admitted.
public enum FiniteQueue {
    /// The steady state of an M/M/c/K queue (K = c + queue places), exact.
    public struct MMcK: Sendable, Codable, Equatable {
        public var arrivalRate: Double
        public var serviceRate: Double
        public var servers: Int
        /// K: servers plus waiting places.
        public var capacity: Int
        /// P_K: the probability an arrival finds the system full and is turned away.
        public var blocking: Double
        /// λ(1 − P_K): the rate passed on to the servers (and to everything they call).
        public var admittedRate: Double
        /// Mean number waiting.
        public var meanQueueLength: Double
        /// Mean number in the system.
        public var meanInSystem: Double
        /// Mean wait of an admitted request: Lq / (λ(1 − P_K)).
        public var meanWait: Double
        /// ρ of the servers: admitted λ / (cμ).
        public var utilisation: Double
        /// Probability an admitted arrival finds n = 0…K − 1 in the system.
        public var arrivalState: [Double]

        /// P(Wq > t) for an admitted request: with n ≥ c found, the wait is Erlang(n − c + 1, cμ).
        public func probabilityWaitExceeds(_ t: Double) -> Double {
            let x = Double(servers) * serviceRate * max(0, t)
            // Σ_n π_n Σ_{j ≤ n−c} Poisson(j; x) = Σ_j Poisson(j; x) · Σ_{n ≥ c+j} π_n.
            var suffix = [Double](repeating: 0, count: arrivalState.count + 1)
            for n in stride(from: arrivalState.count - 1, through: 0, by: -1) { suffix[n] = suffix[n + 1] + arrivalState[n] }
            var sum = 0.0
            var term = exp(-x)
            var j = 0
            while servers + j < arrivalState.count {
                sum += term * suffix[servers + j]
                j += 1
                term *= x / Double(j)
            }
            return min(1, max(0, sum))
        }

        /// The p-quantile of the admitted wait, by bisection on `probabilityWaitExceeds`.
        public func waitQuantile(_ p: Double) -> Double {
            let tail = 1 - p
            guard probabilityWaitExceeds(0) > tail else { return 0 }
            var high = 1 / (Double(servers) * serviceRate)
            var guardSteps = 0
            while probabilityWaitExceeds(high) > tail, guardSteps < 200 { high *= 2; guardSteps += 1 }
            var low = 0.0
            for _ in 0..<100 {
                let middle = (low + high) / 2
                if probabilityWaitExceeds(middle) > tail { low = middle } else { high = middle }
            }
            return (low + high) / 2
        }
    }

    /// Solves M/M/c/K for any load (a bounded queue is always stable); `nil` when the input is not positive
    /// or K < c. Terms are summed in logarithms, so K and a may be large without overflow.
    public static func mmck(arrivalRate: Double, serviceRate: Double, servers: Int, capacity: Int) -> MMcK? {
        guard arrivalRate >= 0, arrivalRate.isFinite, serviceRate > 0, servers > 0, capacity >= servers,
              capacity <= 10_000_000 else { return nil }
        let a = arrivalRate / serviceRate
        guard a > 0 else {
            return MMcK(arrivalRate: 0, serviceRate: serviceRate, servers: servers, capacity: capacity, blocking: 0,
                        admittedRate: 0, meanQueueLength: 0, meanInSystem: 0, meanWait: 0, utilisation: 0,
                        arrivalState: [1] + [Double](repeating: 0, count: capacity - 1))
        }
        // log p_n (unnormalised): p_n = p_{n−1} · a / min(n, c).
        var logs = [Double](repeating: 0, count: capacity + 1)
        let logA = log(a)
        for n in stride(from: 1, through: capacity, by: 1) { logs[n] = logs[n - 1] + logA - log(Double(min(n, servers))) }
        let top = logs.max() ?? 0
        var p = logs.map { exp($0 - top) }
        let total = p.reduce(0, +)
        for n in p.indices { p[n] /= total }
        let blocking = p[capacity]
        var lq = 0.0, l = 0.0
        for n in p.indices {
            l += Double(n) * p[n]
            if n > servers { lq += Double(n - servers) * p[n] }
        }
        let admitted = arrivalRate * (1 - blocking)
        let admittedShare = max(1e-300, 1 - blocking)
        return MMcK(arrivalRate: arrivalRate, serviceRate: serviceRate, servers: servers, capacity: capacity,
                    blocking: blocking, admittedRate: admitted, meanQueueLength: lq, meanInSystem: l,
                    meanWait: admitted > 0 ? lq / admitted : 0,
                    utilisation: admitted / (Double(servers) * serviceRate),
                    arrivalState: p.dropLast().map { $0 / admittedShare })
    }

    /// M/G/c/K approximation by diffusion scaling: queue lengths of M/G/c are about (1 + SCV)/2 times those of
    /// M/M/c, so the queue's places hold as many "M/M customers" as places × 2/(1 + SCV). Blocking and admitted
    /// rate come from M/M/c/K' with K' = c + places·2/(1 + SCV) (linear between whole K'), the queue length is
    /// scaled back by (1 + SCV)/2. Exact for exponential service; measured errors in docs/capacity.md
    /// (blocking within −15%…+6%, Wq within −7%…+6% on the cases there).
    public static func mgck(arrivalRate: Double, meanService: Double, serviceSCV: Double, servers: Int,
                            capacity: Int) -> (queue: MMcK, meanWait: Double)? {
        guard meanService > 0, capacity >= servers else { return nil }
        let factor = (1 + min(max(0, serviceSCV), 1_000)) / 2
        let places = Double(capacity - servers) / factor
        guard places < 5_000_000 else {
            return mmck(arrivalRate: arrivalRate, serviceRate: 1 / meanService, servers: servers, capacity: capacity)
                .map { ($0, $0.meanWait * factor) }
        }
        let low = Int(places.rounded(.down))
        let weight = places - Double(low)
        guard let lower = mmck(arrivalRate: arrivalRate, serviceRate: 1 / meanService, servers: servers, capacity: servers + low),
              let upper = mmck(arrivalRate: arrivalRate, serviceRate: 1 / meanService, servers: servers, capacity: servers + low + 1)
        else { return nil }
        var queue = weight < 0.5 ? lower : upper
        queue.capacity = capacity
        queue.blocking = lower.blocking * (1 - weight) + upper.blocking * weight
        queue.admittedRate = arrivalRate * (1 - queue.blocking)
        queue.meanQueueLength = (lower.meanQueueLength * (1 - weight) + upper.meanQueueLength * weight) * factor
        queue.meanWait = queue.admittedRate > 0 ? queue.meanQueueLength / queue.admittedRate : 0
        queue.utilisation = queue.admittedRate * meanService / Double(servers)
        return (queue, queue.meanWait)
    }

    /// What a token-bucket rate limit of `limit` per second passes on from Poisson arrivals at
    /// `arrivalRate`: min(λ, r) (the fluid limit; a bucket's burst lets a little more through
    /// above r and rejects a little below it). The rejected rate is an error to the caller.
    public static func rateLimited(arrivalRate: Double, limit: Double) -> (passed: Double, rejectedFraction: Double) {
        guard arrivalRate > 0 else { return (0, 0) }
        guard limit > 0 else { return (0, 1) }
        let passed = min(arrivalRate, limit)
        return (passed, 1 - passed / arrivalRate)
    }
}

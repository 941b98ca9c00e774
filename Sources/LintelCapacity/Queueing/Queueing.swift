import Foundation

/// Closed-form queueing results: Erlang B and C, M/M/c waiting times and percentiles,
/// M/M/1, Pollaczek–Khinchine M/G/1, and Little's law.
///
/// Rates are per second and times in seconds. Every function is total: an unstable
/// queue (λ ≥ cμ) gives `nil` or `.infinity` rather than a trap.
public enum Queueing {
    /// Erlang B blocking probability for `servers` servers offered `load` erlangs (a = λ/μ).
    ///
    /// Uses the recurrence B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), which never forms
    /// aᶜ or c! and so stays finite for any c (100,000 servers take 100,000 steps).
    public static func erlangB(servers: Int, load: Double) -> Double {
        guard servers > 0 else { return 1 }
        guard load > 0 else { return 0 }
        var b = 1.0
        for k in 1...servers {
            b = load * b / (Double(k) + load * b)
        }
        return b
    }

    /// Erlang C: the probability that an arrival waits in an M/M/c queue, `nil` when a ≥ c.
    ///
    /// C = c·B / (c − a·(1 − B)), with B the Erlang B value.
    public static func erlangC(servers: Int, load: Double) -> Double? {
        guard servers > 0, load < Double(servers) else { return nil }
        guard load > 0 else { return 0 }
        return erlangC(fromErlangB: erlangB(servers: servers, load: load), servers: servers, load: load)
    }

    /// Erlang C from an already computed Erlang B value.
    static func erlangC(fromErlangB b: Double, servers: Int, load: Double) -> Double {
        let c = Double(servers)
        return c * b / (c - load * (1 - b))
    }

    /// The steady-state figures of an M/M/c queue.
    public struct MMc: Sendable, Codable, Equatable {
        /// Arrival rate λ (per second).
        public var arrivalRate: Double
        /// Service rate μ of one server (per second).
        public var serviceRate: Double
        public var servers: Int
        /// Offered load a = λ/μ, in erlangs.
        public var offeredLoad: Double { arrivalRate / serviceRate }
        /// Utilisation ρ = λ / (cμ).
        public var utilisation: Double { arrivalRate / (Double(servers) * serviceRate) }
        /// Erlang C probability of waiting.
        public var probabilityOfWaiting: Double
        /// Mean wait in queue Wq = C / (cμ − λ).
        public var meanWait: Double { probabilityOfWaiting / decayRate }
        /// Mean queue length Lq = λ·Wq.
        public var meanQueueLength: Double { arrivalRate * meanWait }
        /// Mean time in system W = Wq + 1/μ.
        public var meanResponse: Double { meanWait + 1 / serviceRate }
        /// Mean number in system L = λ·W.
        public var meanInSystem: Double { arrivalRate * meanResponse }
        /// cμ − λ, the rate of the exponential tail of the conditional wait.
        public var decayRate: Double { Double(servers) * serviceRate - arrivalRate }

        /// P(Wq > t) = C·e^{−(cμ−λ)t}, exact for FCFS M/M/c.
        public func probabilityWaitExceeds(_ t: Double) -> Double {
            t <= 0 ? probabilityOfWaiting : probabilityOfWaiting * exp(-decayRate * t)
        }

        /// The p-quantile of the waiting time: 0 when C ≤ 1 − p, else ln(C/(1−p)) / (cμ − λ).
        public func waitQuantile(_ p: Double) -> Double {
            Queueing.exponentialTailQuantile(p, probabilityOfWaiting: probabilityOfWaiting,
                                             conditionalMeanWait: 1 / decayRate)
        }
    }

    /// Solves M/M/c; `nil` when the queue is unstable (λ ≥ cμ) or the input is not positive.
    public static func mmc(arrivalRate: Double, serviceRate: Double, servers: Int) -> MMc? {
        guard arrivalRate >= 0, serviceRate > 0, servers > 0,
              let c = erlangC(servers: servers, load: arrivalRate / serviceRate) else { return nil }
        return MMc(arrivalRate: arrivalRate, serviceRate: serviceRate, servers: servers, probabilityOfWaiting: c)
    }

    /// M/M/1 mean time in system 1/(μ − λ), `nil` when λ ≥ μ.
    public static func mm1Response(arrivalRate: Double, serviceRate: Double) -> Double? {
        guard serviceRate > arrivalRate, arrivalRate >= 0 else { return nil }
        return 1 / (serviceRate - arrivalRate)
    }

    /// Pollaczek–Khinchine mean wait of M/G/1: Wq = λ·E[S²] / (2(1 − ρ)), `nil` when ρ ≥ 1.
    ///
    /// - Parameters:
    ///   - meanService: E[S].
    ///   - serviceSCV: squared coefficient of variation of S (1 exponential, 0 constant),
    ///     so E[S²] = (1 + SCV)·E[S]².
    public static func mg1Wait(arrivalRate: Double, meanService: Double, serviceSCV: Double) -> Double? {
        let rho = arrivalRate * meanService
        guard rho < 1, arrivalRate >= 0, meanService >= 0 else { return nil }
        let secondMoment = (1 + serviceSCV) * meanService * meanService
        return arrivalRate * secondMoment / (2 * (1 - rho))
    }

    /// Allen–Cunneen approximation of the M/G/c mean wait: Wq(M/M/c) · (1 + SCV)/2.
    /// Exact for M/M/c (SCV = 1) and for M/G/1 (it is then Pollaczek–Khinchine).
    public static func mgcWait(arrivalRate: Double, meanService: Double, serviceSCV: Double, servers: Int) -> Double? {
        guard meanService > 0,
              let queue = mmc(arrivalRate: arrivalRate, serviceRate: 1 / meanService, servers: servers) else { return nil }
        return queue.meanWait * (1 + serviceSCV) / 2
    }

    /// Little's law: L = λ·W.
    public static func little(arrivalRate: Double, timeInSystem: Double) -> Double {
        arrivalRate * timeInSystem
    }

    /// The p-quantile of a wait that is 0 with probability 1 − C and otherwise exponential
    /// with mean `conditionalMeanWait`: P(W > t) = C·e^{−t/m}.
    public static func exponentialTailQuantile(_ p: Double, probabilityOfWaiting: Double, conditionalMeanWait: Double) -> Double {
        let tail = 1 - p
        guard probabilityOfWaiting > tail, tail > 0 else { return tail > 0 ? 0 : .infinity }
        return conditionalMeanWait * log(probabilityOfWaiting / tail)
    }
}

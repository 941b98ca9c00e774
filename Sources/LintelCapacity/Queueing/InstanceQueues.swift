import Foundation
import LintelModel

/// Instances are separate queues: each instance has its own `workers` servers and its own
/// queue, and the load balancer decides what arrival stream each instance sees.
///
/// - random: Poisson λ/c per instance, so each instance is M/G/w (exact for M/M/w,
///   Pollaczek–Khinchine for w = 1, Allen–Cunneen otherwise).
/// - round-robin: instance i gets every c-th request, so its inter-arrival times are Erlang-c
///   (squared coefficient of variation 1/c): E_c/M/1 is solved exactly (GI/M/1 root σ);
///   E_c/G/w uses Allen–Cunneen with the Krämer–Langenbach-Belz correction for smooth arrivals.
/// - least-outstanding: a request joins the instance with the fewest outstanding requests,
///   approximated by one pooled M/G/(c·w) queue (it waits only when every worker is busy,
///   but cannot move to a worker freed elsewhere, so the pooled figure is a lower bound).
public enum InstanceQueues {
    /// One instance's queue under a balancing policy.
    public struct Result: Sendable, Codable, Equatable {
        /// Arrival rate one instance sees (the whole λ for the pooled approximation).
        public var instanceArrival: Double
        /// ρ = λ·S / (c·w).
        public var utilisation: Double
        /// Probability that a request waits.
        public var probabilityOfWaiting: Double
        /// Mean wait Wq.
        public var meanWait: Double
        /// The wait as an atom at 0 and an exponential tail with mean Wq / P(wait).
        public var wait: TimeDistribution
        /// True when the figure is an exact closed form for the stated service shape.
        public var exact: Bool
        /// How it was computed.
        public var formula: String
    }

    /// Solves one instance of `instances` × `workers` under `policy`; `nil` when unstable (ρ ≥ 1) or the input is not positive.
    public static func solve(policy: LoadBalancing, arrivalRate: Double, instances: Int, workers: Int,
                             meanService: Double, serviceSCV: Double) -> Result? {
        guard instances > 0, workers > 0, meanService > 0, arrivalRate >= 0, arrivalRate.isFinite else { return nil }
        let c = Double(instances)
        let utilisation = arrivalRate * meanService / (c * Double(workers))
        guard utilisation < 1 else { return nil }
        let exponential = abs(serviceSCV - 1) < 1e-12
        if instances == 1 || policy == .random {
            let lambda = arrivalRate / c
            guard let queue = Queueing.mmc(arrivalRate: lambda, serviceRate: 1 / meanService, servers: workers) else { return nil }
            let wait = queue.meanWait * (1 + serviceSCV) / 2
            let exact = exponential || workers == 1
            return result(lambda, utilisation, queue.probabilityOfWaiting, wait, exact,
                          instances == 1 ? "M/G/\(workers) (Poisson arrivals): Wq = C(w, λS)/(w/S − λ) × (1 + SCV)/2"
                                         : "random split: each instance M/G/\(workers) with λ/\(instances); Wq = C/(w/S − λ/c) × (1 + SCV)/2")
        }
        switch policy {
        case .leastOutstanding:
            guard let queue = Queueing.mmc(arrivalRate: arrivalRate, serviceRate: 1 / meanService, servers: instances * workers) else { return nil }
            return result(arrivalRate, utilisation, queue.probabilityOfWaiting, queue.meanWait * (1 + serviceSCV) / 2, false,
                          "least-outstanding ≈ pooled M/G/\(instances * workers) (lower bound; error in docs/capacity.md)")
        case .roundRobin, .random:
            let lambda = arrivalRate / c
            if workers == 1, exponential, let sigma = erlangArrivalRoot(phases: instances, arrivalRate: lambda, serviceRate: 1 / meanService) {
                let wait = sigma * meanService / (1 - sigma)
                return Result(instanceArrival: lambda, utilisation: utilisation, probabilityOfWaiting: sigma, meanWait: wait,
                              wait: .atomThenExponential(probability: sigma, decay: (1 - sigma) / meanService), exact: true,
                              formula: "round-robin: each instance E_\(instances)/M/1, σ = (cλ'/(cλ' + μ(1−σ)))^c = \(short(sigma)), Wq = σ/(μ(1 − σ))")
            }
            guard let queue = Queueing.mmc(arrivalRate: lambda, serviceRate: 1 / meanService, servers: workers) else { return nil }
            let arrivalSCV = 1 / c
            let factor = (arrivalSCV + serviceSCV) / 2 * klbCorrection(utilisation: utilisation, arrivalSCV: arrivalSCV, serviceSCV: serviceSCV)
            return result(lambda, utilisation, queue.probabilityOfWaiting, queue.meanWait * factor, false,
                          "round-robin: each instance E_\(instances)/G/\(workers), Wq ≈ Wq(M/M/\(workers)) × (1/c + SCV)/2 × KLB factor")
        }
    }

    private static func result(_ lambda: Double, _ utilisation: Double, _ probability: Double, _ wait: Double,
                               _ exact: Bool, _ formula: String) -> Result {
        let decay = wait > 0 ? probability / wait : .infinity
        return Result(instanceArrival: lambda, utilisation: utilisation, probabilityOfWaiting: probability, meanWait: wait,
                      wait: .atomThenExponential(probability: probability, decay: decay), exact: exact, formula: formula)
    }

    /// The GI/M/1 root σ ∈ (0, 1) of σ = A*(μ(1 − σ)) for Erlang-`phases` inter-arrival times of
    /// mean 1/λ' (A*(s) = (cλ'/(cλ' + s))^c); `nil` when λ' ≥ μ. Found by bisection, which cannot
    /// miss the root the way a fixed-point iteration crawls towards it near ρ = 1.
    public static func erlangArrivalRoot(phases: Int, arrivalRate: Double, serviceRate: Double) -> Double? {
        guard phases > 0, arrivalRate > 0, serviceRate > arrivalRate else { return nil }
        let k = Double(phases), rate = k * arrivalRate
        func gap(_ sigma: Double) -> Double { pow(rate / (rate + serviceRate * (1 - sigma)), k) - sigma }
        // gap > 0 at 0 and just below 1 it is ≈ δ(1 − μ/λ') < 0; find such a point first.
        var delta = 0.5
        while gap(1 - delta) >= 0 {
            delta /= 2
            if delta < 1e-15 { return nil }
        }
        var low = 0.0, high = 1 - delta
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if gap(middle) > 0 { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// Krämer–Langenbach-Belz correction to Allen–Cunneen for smooth arrivals (SCVₐ < 1):
    /// exp(−2(1 − ρ)(1 − SCVₐ)² / (3ρ(SCVₐ + SCVₛ))); 1 otherwise.
    public static func klbCorrection(utilisation rho: Double, arrivalSCV: Double, serviceSCV: Double) -> Double {
        guard arrivalSCV < 1, rho > 0, arrivalSCV + serviceSCV > 0 else { return 1 }
        let gap = 1 - arrivalSCV
        return exp(-2 * (1 - rho) * gap * gap / (3 * rho * (arrivalSCV + serviceSCV)))
    }
}

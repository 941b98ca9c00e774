import Foundation
import LintelModel
import Testing
@testable import LintelCapacity

@Suite("Separate instances and bounded queues against REFERENCE.md closed forms")
struct InstanceQueueTests {
    @Test("4 instances × 1 worker at ρ 0.9: round-robin E_4/M/1 σ 0.8433, Wq 5.383 s; random 9.0 s; pooled 1.969 s")
    func separateInstances() throws {
        let robin = try #require(InstanceQueues.solve(policy: .roundRobin, arrivalRate: 3.6, instances: 4, workers: 1,
                                                      meanService: 1, serviceSCV: 1))
        #expect(abs(robin.probabilityOfWaiting - 0.8433) < 5e-5)
        #expect(abs(robin.meanWait - 5.383) < 5e-4)
        #expect(robin.exact)
        let random = try #require(InstanceQueues.solve(policy: .random, arrivalRate: 3.6, instances: 4, workers: 1,
                                                       meanService: 1, serviceSCV: 1))
        // M/M/1 with λ/c = 0.9: Wq = ρ/(μ − λ/c) = 0.9/0.1.
        #expect(abs(random.meanWait - 9.0) < 1e-9)
        #expect(abs(random.instanceArrival - 0.9) < 1e-12)
        let pooled = try #require(InstanceQueues.solve(policy: .leastOutstanding, arrivalRate: 3.6, instances: 4, workers: 1,
                                                       meanService: 1, serviceSCV: 1))
        #expect(abs(pooled.meanWait - 1.969383) < 5e-6)
        #expect(!pooled.exact)
    }

    @Test("The Erlang-arrival root solves σ = (cλ'/(cλ' + μ(1−σ)))^c and is ρ for Poisson (c = 1) arrivals")
    func erlangRoot() throws {
        for (c, rho) in [(1, 0.5), (2, 0.7), (4, 0.9), (8, 0.99), (3, 0.1)] {
            let sigma = try #require(InstanceQueues.erlangArrivalRoot(phases: c, arrivalRate: rho, serviceRate: 1))
            let k = Double(c)
            #expect(abs(pow(k * rho / (k * rho + (1 - sigma)), k) - sigma) < 1e-12)
            #expect(sigma > 0 && sigma < 1)
            if c == 1 { #expect(abs(sigma - rho) < 1e-12) }
        }
        #expect(InstanceQueues.erlangArrivalRoot(phases: 4, arrivalRate: 1, serviceRate: 1) == nil)
    }

    @Test("A random split of c instances is c independent M/D/1 queues for constant service (Pollaczek–Khinchine)")
    func randomSplitConstant() throws {
        let result = try #require(InstanceQueues.solve(policy: .random, arrivalRate: 2.4, instances: 3, workers: 1,
                                                       meanService: 1, serviceSCV: 0))
        // M/D/1 at ρ 0.8: Wq = ρ·s / (2(1 − ρ)) = 2.
        #expect(abs(result.meanWait - 2.0) < 1e-9)
        #expect(InstanceQueues.solve(policy: .random, arrivalRate: 3, instances: 3, workers: 1, meanService: 1, serviceSCV: 0) == nil)
    }

    @Test("M/M/1/6 at λ 0.8, μ 1 blocks ρ⁶(1 − ρ)/(1 − ρ⁷) = 6.63% and the admitted wait is 1.868 s")
    func mm1k() throws {
        let queue = try #require(FiniteQueue.mmck(arrivalRate: 0.8, serviceRate: 1, servers: 1, capacity: 6))
        let rho = 0.8
        let blocking = pow(rho, 6) * (1 - rho) / (1 - pow(rho, 7))
        #expect(abs(queue.blocking - blocking) < 1e-12)
        #expect(abs(queue.blocking - 0.0663) < 5e-5)
        #expect(abs(queue.meanWait - 1.868) < 5e-4)
        #expect(abs(queue.admittedRate - 0.8 * (1 - blocking)) < 1e-12)
    }

    @Test("M/M/c/c blocking is Erlang B, and a very long M/M/c/K queue is Erlang C")
    func mmckLimits() throws {
        let loss = try #require(FiniteQueue.mmck(arrivalRate: 7, serviceRate: 1, servers: 10, capacity: 10))
        #expect(abs(loss.blocking - Queueing.erlangB(servers: 10, load: 7)) < 1e-12)
        let long = try #require(FiniteQueue.mmck(arrivalRate: 3.6, serviceRate: 1, servers: 4, capacity: 2000))
        #expect(abs(long.meanWait - 1.969383) < 5e-6)
        // The admitted wait tail of M/M/c: C·e^{−(cμ−λ)t}.
        #expect(abs(long.probabilityWaitExceeds(2) - 0.787753 * exp(-0.8)) < 1e-5)
        let p99 = long.waitQuantile(0.99)
        #expect(abs(p99 - log(0.787753 / 0.01) / 0.4) < 1e-3)
    }

    @Test("A bounded queue stays finite under overload: blocking tends to 1 − cμ/λ")
    func overload() throws {
        let queue = try #require(FiniteQueue.mmck(arrivalRate: 1e6, serviceRate: 1, servers: 4, capacity: 100_000))
        #expect(abs(queue.admittedRate - 4) < 1e-6)
        #expect(queue.blocking.isFinite && queue.meanWait.isFinite)
        #expect(FiniteQueue.mmck(arrivalRate: 1, serviceRate: 1, servers: 4, capacity: 3) == nil)
    }

    @Test("A rate limit passes min(λ, r) on and rejects the rest")
    func rateLimit() {
        let cut = FiniteQueue.rateLimited(arrivalRate: 150, limit: 100)
        #expect(cut.passed == 100)
        #expect(abs(cut.rejectedFraction - 1.0 / 3) < 1e-12)
        #expect(FiniteQueue.rateLimited(arrivalRate: 50, limit: 100).passed == 50)
    }

    // Simulated figures below come from Tests/LintelCapacityTests/Simulations/approximations.py
    // (200,000 customers, seed 1, FCFS Kiefer–Wolfowitz recursion); the tolerance is the stated error bound.

    @Test("M/G/c/K by diffusion scaling stays within the stated error of simulation (M/D/1/6, lognormal M/G/4/14)")
    func mgckAgainstSimulation() throws {
        let deterministic = try #require(FiniteQueue.mgck(arrivalRate: 0.8, meanService: 1, serviceSCV: 0, servers: 1, capacity: 6))
        #expect(abs(deterministic.queue.blocking - 0.0218) / 0.0218 < 0.2)
        #expect(abs(deterministic.meanWait - 1.3946) / 1.3946 < 0.1)
        let lognormal = try #require(FiniteQueue.mgck(arrivalRate: 3.6, meanService: 1, serviceSCV: 0.5, servers: 4, capacity: 14))
        #expect(abs(lognormal.queue.blocking - 0.0242) / 0.0242 < 0.1)
        #expect(abs(lognormal.meanWait - 0.7546) / 0.7546 < 0.1)
        // Exponential service: exactly M/M/c/K.
        let exact = try #require(FiniteQueue.mgck(arrivalRate: 0.8, meanService: 1, serviceSCV: 1, servers: 1, capacity: 6))
        #expect(abs(exact.meanWait - 1.868) < 5e-4)
    }

    @Test("Round-robin E_c/G/w and least-outstanding stay within their stated errors of simulation")
    func approximationsAgainstSimulation() throws {
        // E_3/M/4 at ρ 0.9: simulated Wq 1.1977 s, approximation within +10%.
        let robin = try #require(InstanceQueues.solve(policy: .roundRobin, arrivalRate: 10.8, instances: 3, workers: 4,
                                                      meanService: 1, serviceSCV: 1))
        #expect(robin.meanWait > 1.1977 && robin.meanWait < 1.1977 * 1.1)
        // Least-outstanding over 4 × 1 at ρ 0.9: simulated 2.1813 s; the pooled figure is a lower bound within −10%.
        let least = try #require(InstanceQueues.solve(policy: .leastOutstanding, arrivalRate: 3.6, instances: 4, workers: 1,
                                                      meanService: 1, serviceSCV: 1))
        #expect(least.meanWait < 2.1813 && least.meanWait > 2.1813 * 0.89)
    }
}

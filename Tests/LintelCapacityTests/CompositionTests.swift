import Foundation
import Testing
@testable import LintelCapacity

@Suite("Parallel groups, retries, bounded callers and flow percentiles against closed forms")
struct CompositionTests {
    @Test("E[max] of n exponentials of mean m is m·H_n (n = 2: 1.5 m, n = 5: 2.2833 m)")
    func harmonic() {
        #expect(abs(ParallelGroup.expectedMaximumOfExponentials(means: [0.1, 0.1]) - 0.15) < 1e-12)
        let five = ParallelGroup.expectedMaximumOfExponentials(means: [Double](repeating: 2, count: 5))
        #expect(abs(five - 2 * (1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4 + 1.0 / 5)) < 1e-12)
        #expect(abs(five / 2 - 2.2833) < 5e-5)
    }

    @Test("E[max] of two exponentials of means a, b is a + b − ab/(a + b), by inclusion–exclusion and by integration")
    func twoMeans() {
        let a = 0.03, b = 0.08
        let expected = a + b - a * b / (a + b)
        #expect(abs(ParallelGroup.expectedMaximumOfExponentials(means: [a, b]) - expected) < 1e-12)
        let integrated = ParallelGroup.expectedMaximum([.exponential(mean: a), .exponential(mean: b)])
        #expect(abs(integrated - expected) / expected < 1e-6)
        // The maximum of the means understates it.
        #expect(expected > max(a, b) * 1.1)
    }

    @Test("E[max] of constants is the largest constant; of one member its mean")
    func degenerate() {
        #expect(abs(ParallelGroup.expectedMaximum([.constant(0.2), .constant(0.5)]) - 0.5) < 0.5 / 4096 + 1e-12)
        let lognormal = TimeDistribution.lognormal(mu: log(0.01), sigma: 0.5)
        #expect(abs(ParallelGroup.expectedMaximum([lognormal]) - lognormal.mean) / lognormal.mean < 1e-5)
    }

    @Test("Timeout 150 ms on an exponential 100 ms callee with 2 retries: q = e^(−1.5), 1.27292 attempts, 1.111% fail")
    func retries() {
        let result = RetryLoad.solve(response: .exponential(mean: 0.1), timeout: 0.15, retries: 2)
        let q = exp(-1.5)
        #expect(abs(result.attemptFailure - q) < 1e-12)
        #expect(abs(result.attempts - (1 + q + q * q)) < 1e-12)
        #expect(abs(result.attempts - 1.27292) < 5e-6)
        #expect(abs(result.failure - 0.01111) < 5e-6)
        // Without a timeout and without errors nothing is retried.
        #expect(RetryLoad.solve(response: .exponential(mean: 0.1), timeout: nil, retries: 3).attempts == 1)
        // Errors and timeouts combine: q = 1 − (1 − e)(1 − late).
        #expect(abs(RetryLoad.solve(timeoutExceedance: 0.1, errorRate: 0.2, retries: 1).attemptFailure - 0.28) < 1e-12)
    }

    @Test("One caller worker: the callee never queues and the caller is M/G/1 with S = S_own + S_callee")
    func oneWorker() throws {
        // Own service exponential 0.2 s, callee exponential 0.3 s on 1 server, λ = 1.5/s (ρ 0.75).
        let own = 0.2, callee = 0.3, lambda = 1.5
        let s = own + callee
        let second = 2 * own * own + 2 * own * callee + 2 * callee * callee
        let scv = second / (s * s) - 1
        let result = try #require(BoundedCaller.solve(arrivalRate: lambda, workers: 1, ownService: own,
                                                      stations: [.init(demand: callee, servers: 1)], holdingSCV: scv))
        let pk = lambda * second / (2 * (1 - lambda * s))
        #expect(abs(result.meanWait - pk) < 1e-12)
        #expect(abs(result.stationResponse[0] - callee) < 1e-12)
        #expect(abs(result.throughputLimit - 1 / s) < 1e-12)
        // An open-network view would call the callee 45% busy and fine, the caller 75%; at λ ≥ 2 it is saturated.
        #expect(BoundedCaller.solve(arrivalRate: 2, workers: 1, ownService: own, stations: [.init(demand: callee, servers: 1)]) == nil)
    }

    @Test("Many caller workers: the callee behaves as the open M/M/1 queue, response 1/(μ − λ)")
    func manyWorkers() throws {
        let result = try #require(BoundedCaller.solve(arrivalRate: 1, workers: 400, ownService: 0,
                                                      stations: [.init(demand: 0.5, servers: 1)]))
        #expect(abs(result.stationResponse[0] - 1.0) < 1e-6)
        #expect(result.meanWait < 1e-9)
    }

    @Test("A stable bounded caller is not reported saturated where open-network holding times would call it so")
    func boundedCallerStability() throws {
        // 2 caller workers, callee 1 server demand 0.4. MVA: X(1) = 2, Q = 0.8; X(2) = 2/(0.1 + 0.4 × 1.8) = 2.439.
        // Open view: callee response 0.4/(1 − 0.8) = 2 s, caller load 2 × (0.1 + 2) = 4.2 erlangs on 2 workers.
        let result = try #require(BoundedCaller.solve(arrivalRate: 2.0, workers: 2, ownService: 0.1,
                                                      stations: [.init(demand: 0.4, servers: 1)]))
        #expect(abs(result.throughputLimit - 2 / 0.82) < 1e-12)
        #expect(result.busyWorkers <= 2 + 1e-12)
    }

    @Test("M/M/1 response = wait (atom 1 − ρ, tail ρe^(−(μ−λ)t)) ⊛ service is exponential with rate μ − λ")
    func mm1ResponseGrid() throws {
        let lambda = 0.8, mu = 1.0
        let grid = ResponseTime.grid(wait: .atomThenExponential(probability: lambda / mu, decay: mu - lambda),
                                     service: .exponential(mean: 1 / mu), step: 0.02, cells: 2048)
        let p99 = try #require(grid.quantile(0.99))
        #expect(abs(p99 - log(100) / (mu - lambda)) < 0.03)
        #expect(abs(grid.mean - 1 / (mu - lambda)) < 0.02)
    }

    @Test("Tandem M/M/1 p99 from the convolution matches the hypoexponential closed form; summed p99s overstate it")
    func tandem() throws {
        let lambda = 0.5
        let a = 1.0 - lambda, b = 2.0 - lambda // sojourn rates of stations μ = 1 and μ = 2
        let step = 0.01
        let first = TimeDistribution.exponential(mean: 1 / a).grid(step: step)
        let second = TimeDistribution.exponential(mean: 1 / b).grid(step: step)
        let p99 = try #require(first.convolved(with: second).quantile(0.99))
        // P(T > t) = (b·e^(−at) − a·e^(−bt)) / (b − a); solve = 0.01 by bisection.
        var low = 0.0, high = 100.0
        for _ in 0..<200 {
            let t = (low + high) / 2
            if (b * exp(-a * t) - a * exp(-b * t)) / (b - a) > 0.01 { low = t } else { high = t }
        }
        #expect(abs(p99 - low) < 2 * step)
        let summed = log(100) / a + log(100) / b
        #expect(summed / low > 1.2)
    }

    @Test("The grid maximum of a parallel group has the E[max] of the closed form")
    func gridMaximum() throws {
        let step = 0.001
        let group = try #require(LatencyGrid.maximum([TimeDistribution.exponential(mean: 0.1).grid(step: step),
                                                      TimeDistribution.exponential(mean: 0.1).grid(step: step)]))
        #expect(abs(group.mean - 0.15) < 2 * step)
        // P(max ≤ t) = (1 − e^(−t/m))².
        #expect(abs(group.cdf(0.2) - pow(1 - exp(-2.0), 2)) < 0.01)
    }

    @Test("A call made with probability p mixes its time with an atom at 0; overflow is kept, not dropped")
    func mixtureAndOverflow() throws {
        let call = TimeDistribution.constant(0.05).grid(step: 0.001, cells: 100)
        let mixed = call.mixed(probability: 0.3, otherwise: .zero(step: 0.001, cells: 100))
        #expect(abs(mixed.mean - 0.015) < 1e-9)
        #expect(mixed.quantile(0.5) == 0)
        let long = TimeDistribution.exponential(mean: 1).grid(step: 0.001, cells: 100)
        #expect(long.overflow > 0.9)
        #expect(long.quantile(0.99) == nil)
        #expect(abs(long.convolved(with: long).mass.reduce(0, +) + long.convolved(with: long).overflow - 1) < 1e-12)
    }
}

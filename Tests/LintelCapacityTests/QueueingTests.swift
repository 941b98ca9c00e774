import Foundation
import Testing
@testable import LintelCapacity

@Suite("Queueing formulas against closed forms and REFERENCE.md")
struct QueueingTests {
    @Test("M/M/4 at λ = 3.6, μ = 1 gives P(wait) 0.787753, Wq 1.969383 s and Lq 7.0898")
    func erlangCReference() throws {
        let queue = try #require(Queueing.mmc(arrivalRate: 3.6, serviceRate: 1, servers: 4))
        #expect(abs(queue.probabilityOfWaiting - 0.787753) < 5e-7)
        #expect(abs(queue.meanWait - 1.969383) < 5e-7)
        #expect(abs(queue.meanQueueLength - 7.0898) < 5e-5)
        #expect(abs(queue.meanResponse - 2.969383) < 5e-7)
        #expect(abs(queue.utilisation - 0.9) < 1e-12)
    }

    @Test("Erlang C matches the textbook sum formula for small c")
    func erlangCSumForm() throws {
        for (c, a) in [(1, 0.5), (2, 1.5), (5, 3.0), (10, 8.7), (20, 12.0)] {
            var sum = 0.0, term = 1.0
            for k in 0..<c {
                if k > 0 { term *= a / Double(k) }
                sum += term
            }
            let top = term * a / Double(c) / (1 - a / Double(c))
            let expected = top / (sum + top)
            let value = try #require(Queueing.erlangC(servers: c, load: a))
            #expect(abs(value - expected) < 1e-12)
        }
    }

    @Test("Erlang C stays finite and in range for 100,000 servers")
    func erlangCLarge() throws {
        let value = try #require(Queueing.erlangC(servers: 100_000, load: 99_500))
        #expect(value.isFinite && value > 0 && value < 1)
        #expect(Queueing.erlangC(servers: 100_000, load: 100_000) == nil)
        #expect(Queueing.erlangB(servers: 100_000, load: 50_000) < 1e-300)
    }

    @Test("With one server Erlang C is ρ and M/M/c reduces to M/M/1")
    func mm1() throws {
        let queue = try #require(Queueing.mmc(arrivalRate: 0.8, serviceRate: 1, servers: 1))
        #expect(abs(queue.probabilityOfWaiting - 0.8) < 1e-12)
        let response = try #require(Queueing.mm1Response(arrivalRate: 0.8, serviceRate: 1))
        #expect(abs(queue.meanResponse - response) < 1e-12)
        #expect(abs(response - 5) < 1e-12)
        #expect(Queueing.mm1Response(arrivalRate: 1, serviceRate: 1) == nil)
    }

    @Test("P(Wq > t) is C·e^(−(cμ−λ)t) and the wait quantile inverts it")
    func waitTail() throws {
        let queue = try #require(Queueing.mmc(arrivalRate: 3.6, serviceRate: 1, servers: 4))
        #expect(abs(queue.probabilityWaitExceeds(1) - 0.787753 * exp(-0.4)) < 1e-6)
        let p99 = queue.waitQuantile(0.99)
        #expect(abs(p99 - log(0.787753 / 0.01) / 0.4) < 1e-5)
        #expect(abs(queue.probabilityWaitExceeds(p99) - 0.01) < 1e-12)
        // Half the customers do not wait at all when C < 0.5.
        let light = try #require(Queueing.mmc(arrivalRate: 1, serviceRate: 1, servers: 4))
        #expect(light.waitQuantile(0.5) == 0)
    }

    @Test("Pollaczek–Khinchine: M/D/1 waits ρs/(2(1−ρ)) and M/M/1 waits ρ/(μ−λ)")
    func pollaczekKhinchine() throws {
        let md1 = try #require(Queueing.mg1Wait(arrivalRate: 0.8, meanService: 1, serviceSCV: 0))
        #expect(abs(md1 - 0.8 / (2 * 0.2)) < 1e-12)
        let mm1 = try #require(Queueing.mg1Wait(arrivalRate: 0.8, meanService: 1, serviceSCV: 1))
        #expect(abs(mm1 - 0.8 / 0.2) < 1e-12)
        let allenCunneen = try #require(Queueing.mgcWait(arrivalRate: 0.8, meanService: 1, serviceSCV: 0, servers: 1))
        #expect(abs(allenCunneen - md1) < 1e-12)
        #expect(Queueing.mg1Wait(arrivalRate: 1, meanService: 1, serviceSCV: 1) == nil)
    }

    @Test("Little's law: connections in use = rate × holding time")
    func little() {
        #expect(Queueing.little(arrivalRate: 200, timeInSystem: 0.005) == 1)
    }

    @Test("Instances for a wait budget is the fewest that meet it")
    func instancesForWait() throws {
        // M/M/c with one worker per instance at λ = 3.6, μ = 1: 4 servers wait 2.96 s at p50? Check by brute force.
        let budget = 0.05
        let n = try #require(Sizing.instancesForWait(quantile: 0.99, budget: budget, arrivalRate: 3.6, meanService: 1,
                                                      serviceSCV: 1, workers: 1))
        let at = try #require(Queueing.mmc(arrivalRate: 3.6, serviceRate: 1, servers: n))
        #expect(at.waitQuantile(0.99) <= budget)
        let below = try #require(Queueing.mmc(arrivalRate: 3.6, serviceRate: 1, servers: n - 1))
        #expect(below.waitQuantile(0.99) > budget)
        #expect(Sizing.instancesForUtilisation(offeredLoad: 3.6, workers: 1, target: 0.7) == 6)
        #expect(Sizing.instancesForUtilisation(offeredLoad: 7, workers: 1, target: 0.7) == 10)
    }
}

@Suite("Availability, error budgets and retries")
struct ReliabilityTests {
    @Test("Three serial dependencies at 99.9% compose to 99.7003%")
    func serial() {
        #expect(abs(Reliability.serial([0.999, 0.999, 0.999]) - 0.997003) < 1e-9)
    }

    @Test("Two replicas at 99% in parallel give 99.99%")
    func parallel() {
        #expect(abs(Reliability.parallel([0.99, 0.99]) - 0.9999) < 1e-12)
        #expect(abs(Reliability.redundant(0.99, copies: 2) - 0.9999) < 1e-12)
    }

    @Test("Error budgets over 30 days: 99.9% → 43.2 min, 99.95% → 21.6 min, 99.99% → 4.32 min")
    func errorBudget() {
        #expect(abs(Reliability.errorBudgetMinutes(availability: 0.999) - 43.2) < 1e-9)
        #expect(abs(Reliability.errorBudgetMinutes(availability: 0.9995) - 21.6) < 1e-9)
        #expect(abs(Reliability.errorBudgetMinutes(availability: 0.9999) - 4.32) < 1e-9)
    }

    @Test("Retry amplification: 3 layers × 2 retries = 27, 3 × 4 attempts = 64, 5 × 3 = 243")
    func amplification() {
        #expect(Reliability.retryAmplification(retriesPerLayer: [2, 2, 2]) == 27)
        #expect(Reliability.retryAmplification(retriesPerLayer: [3, 3, 3]) == 64)
        #expect(Reliability.retryAmplification(retriesPerLayer: [2, 2, 2, 2, 2]) == 243)
    }
}

@Suite("Universal Scalability Law and MVA")
struct ScalabilityTests {
    @Test("USL fit on the REFERENCE.md points recovers α = β = 0.02 and γ = 1")
    func uslSynthetic() throws {
        let fit = try USL.fit(concurrency: [1, 2, 4, 6, 8, 10], throughput: [1, 1.8868, 3.0769, 3.5294, 3.5398, 3.3557])
        #expect(abs(fit.model.alpha - 0.02) / 0.02 < 0.01)
        #expect(abs(fit.model.beta - 0.02) / 0.02 < 0.01)
        #expect(abs(fit.model.gamma - 1) < 0.01)
        let peak = try #require(fit.model.peakConcurrency)
        #expect(abs(peak - (0.98 / 0.02).squareRoot()) / 7 < 0.01)
        #expect(fit.rSquared > 0.9999)
    }

    @Test("USL fit on SPEC SDM91 reproduces the R usl package: α 0.0277285, β 0.0001044, γ 89.995, peak 96.51956")
    func uslSDM91() throws {
        let fit = try USL.fit(concurrency: [1, 18, 36, 72, 108, 144, 216],
                              throughput: [64.9, 995.9, 1652.4, 1853.2, 1828.9, 1775.0, 1702.2])
        #expect(abs(fit.model.alpha - 0.0277285) / 0.0277285 < 1e-3)
        #expect(abs(fit.model.beta - 0.0001044) / 0.0001044 < 2e-3)
        #expect(abs(fit.model.gamma - 89.995) / 89.995 < 1e-3)
        let peak = try #require(fit.model.peakConcurrency)
        #expect(abs(peak - 96.51956) / 96.51956 < 1e-3)
    }

    @Test("USL fit rejects too few points and non-positive values")
    func uslErrors() {
        #expect(throws: USL.FitError.tooFewPoints(2)) { try USL.fit(concurrency: [1, 2], throughput: [1, 2]) }
        #expect(throws: USL.FitError.invalidPoint(concurrency: 0, throughput: 1)) {
            try USL.fit(concurrency: [0, 2, 3], throughput: [1, 2, 3])
        }
    }

    @Test("Exact MVA matches the REFERENCE.md table for D = {0.05, 0.03, 0.02}, Z = 0.5")
    func mva() {
        let points = MVA.solve(demands: [0.05, 0.03, 0.02], thinkTime: 0.5, population: 20)
        for (n, x, r) in [(1, 1.6667, 0.10000), (5, 7.9326, 0.13031), (10, 14.3566, 0.19654), (20, 19.7143, 0.51449)] {
            #expect(abs(points[n - 1].throughput - x) < 1e-4)
            #expect(abs(points[n - 1].responseTime - r) < 1e-5)
        }
    }
}

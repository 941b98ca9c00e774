import Foundation
import LintelModel
import Testing
@testable import LintelCapacity

func loadModel(_ text: String) throws -> Model {
    try ModelLoader.load(text: text, file: "test.yaml").model
}

extension CapacityReport {
    func component(_ name: String) -> ComponentCapacity? { components.first { $0.name == name } }
    func flow(_ name: String) -> FlowCapacity? { flows.first { $0.name == name } }
}

@Suite("Load propagation over the call graph")
struct PropagationTests {
    static let model = """
    lintel: 1
    system: t
    components:
      gw: { kind: gateway, calls: [ { to: api }, { to: other } ] }
      other: { kind: service }
      api:
        kind: service
        calls:
          - { to: cache, hit_ratio: 0.9 }
          - { to: db, on_miss: cache, per_request: 2 }
          - { to: search, hit_ratio: 0.25 }
        publishes: [events, jobs]
      cache: { kind: redis }
      db: { kind: postgres }
      search: { kind: elasticsearch }
      events: { kind: topic, consumers: [c1, c2] }
      jobs: { kind: queue, consumers: [c1, c2] }
      c1: { kind: worker, calls: [ { to: api } ] }
      c2: { kind: worker }
    flows:
      f: { entry: gw, route: [api], rate: 100/s, peak: 300/s }
    """

    @Test("Rates follow route, per_request, hit ratios, on_miss, topic copies and queue splits")
    func propagation() throws {
        let report = CapacityAnalyzer.analyze(try loadModel(Self.model))
        func average(_ name: String) -> Double? { report.component(name)?.arrivalAverage.value }
        #expect(average("gw") == 100)
        #expect(average("other") == 0)           // the route makes only the call to the next hop
        #expect(average("api") == 100)           // c1 → api closes a cycle and is not followed
        #expect(average("cache") == 100)         // every request looks up the cache
        #expect(abs((average("db") ?? 0) - 20) < 1e-9)   // 100 × 2 × (1 − 0.9)
        #expect(abs((average("search") ?? 0) - 75) < 1e-9) // caller-side hit ratio skips 25%
        #expect(average("events") == 100)
        #expect(average("jobs") == 100)
        #expect(average("c1") == 150)            // all of the topic + half of the queue
        #expect(average("c2") == 150)
        #expect(report.component("db")?.arrivalPeak.value.map { abs($0 - 60) < 1e-9 } == true)
        let share = try #require(report.component("db")?.flows.first)
        #expect(share.flow == "f" && abs(share.rate - 0.2) < 1e-12)
    }

    @Test("--at scales every flow's peak and growth compounds over months")
    func scaling() throws {
        var model = try loadModel(Self.model)
        model.requirements.traffic = Traffic(growth: Growth(factorPerYear: 4))
        let report = CapacityAnalyzer.analyze(model, options: CapacityOptions(loadMultiple: 2, months: 6))
        #expect(abs((report.peakScale.value ?? 0) - 4) < 1e-12)   // 2 × 4^(6/12)
        #expect(abs((report.component("api")?.arrival.value ?? 0) - 1200) < 1e-9)
    }
}

@Suite("Per-component queueing and sizing")
struct ComponentSizingTests {
    static func fourInstances(_ balancing: String) throws -> ComponentCapacity {
        let report = CapacityAnalyzer.analyze(try loadModel("""
        lintel: 1
        system: t
        components:
          s: { kind: service, instances: 4, workers: 1, latency: 1s, load_balancing: \(balancing) }
        flows:
          f: { entry: s, rate: 1/s, peak: 3.6/s }
        """))
        #expect(report.busiest == "s")
        return try #require(report.component("s"))
    }

    @Test("4 single-worker instances at 3.6/s round-robin are four E_4/M/1 queues: σ 0.8433, Wq 5.383 s")
    func roundRobin() throws {
        let row = try Self.fourInstances("round-robin")
        #expect(abs((row.utilisation.value ?? 0) - 0.9) < 1e-9)
        #expect(abs((row.probabilityOfWaiting.value ?? 0) - 0.8433) < 5e-5)
        #expect(abs((row.meanWait.value ?? 0) - 5.383) < 5e-4)
        // Lq = λ·Wq (Little) over all instances.
        #expect(abs((row.queueLength.value ?? 0) - 3.6 * (row.meanWait.value ?? 0)) < 1e-9)
        // The E_c/M/1 wait is P(W > t) = σ·e^(−μ(1−σ)t): p99 response = ln 100 + ln(σ/0.01)/(1 − σ).
        let sigma = try #require(InstanceQueues.erlangArrivalRoot(phases: 4, arrivalRate: 0.9, serviceRate: 1))
        let expected = log(100) + log(sigma / 0.01) / (1 - sigma)
        #expect(abs((row.responseP99.value ?? 0) - expected) < 1e-5)
        // 70% target: ⌈3.6 / 0.7⌉ = 6 instances.
        #expect(row.instancesForUtilisation.value == 6)
        #expect(abs((row.headroom.value ?? 0) - (0.7 / 0.9 - 1)) < 1e-9)
    }

    @Test("A random split is four M/M/1 queues at ρ 0.9 (Wq 9 s); least-outstanding is approximated by the pooled M/M/4 (1.969 s)")
    func otherPolicies() throws {
        let random = try Self.fourInstances("random")
        #expect(abs((random.meanWait.value ?? 0) - 9.0) < 1e-9)
        #expect(abs((random.probabilityOfWaiting.value ?? 0) - 0.9) < 1e-9)
        let pooled = try Self.fourInstances("least-outstanding")
        #expect(abs((pooled.probabilityOfWaiting.value ?? 0) - 0.787753) < 1e-6)
        #expect(abs((pooled.meanWait.value ?? 0) - 1.969383) < 1e-6)
        #expect(pooled.meanWait.formula.contains("lower bound"))
    }

    @Test("Holding time adds the synchronous callee's response; saturation is reported, not trapped")
    func holdingAndSaturation() throws {
        let report = CapacityAnalyzer.analyze(try loadModel("""
        lintel: 1
        system: t
        requirements: { traffic: { growth: 2x/year } }
        components:
          a: { kind: service, instances: 1, workers: 100, latency: { p50: 10ms, distribution: constant }, calls: [ { to: b, per_request: 2 } ] }
          b: { kind: service, instances: 1, workers: 1000, latency: { p50: 5ms, distribution: constant } }
          c: { kind: service, instances: 1, workers: 1, latency: { p50: 1s, distribution: constant } }
        flows:
          f: { entry: a, rate: 10/s }
          g: { entry: c, rate: 2/s }
        """))
        let a = try #require(report.component("a"))
        // b is far from busy (a = 0.1 of 1000 workers), so its wait is nil-ish and a holds 10 + 2 × 5 ms.
        #expect(abs((a.holdingTime.value ?? 0) - 0.020) < 1e-9)
        #expect(abs((a.utilisation.value ?? 0) - 10 * 0.020 / 100) < 1e-9)
        // Runway: utilisation 0.002 → 0.7 target multiple 350, 12·log2(350) months at 2x/year.
        #expect(abs((a.runwayToTarget.value ?? 0) - 12 * log2(350)) < 1e-6)
        let c = try #require(report.component("c"))
        #expect(c.saturated)
        #expect(c.meanWait.value == nil && c.responseP99.value == nil)
        #expect(c.instancesForUtilisation.value == 3)   // ⌈2 / 0.7⌉
        #expect(report.busiest == "c")
        #expect(report.flow("g")?.latencyP99.value == nil)
    }
}

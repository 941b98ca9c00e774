import Foundation
import LintelModel
import Testing
@testable import LintelCapacity

@Suite("Flow availability, latency budget and retry amplification")
struct FlowTests {
    static let chain = """
    lintel: 1
    system: t
    requirements: { slo: { availability: 99.9%, latency_p99: 100ms } }
    components:
      a: { kind: service, availability: 99.9%, latency: { p50: 1ms, p99: 10ms }, calls: [ { to: b, retries: 2, timeout: 50ms } , { to: opt, optional: true } ] }
      b: { kind: service, availability: 99.9%, latency: { p50: 1ms, p99: 20ms }, calls: [ { to: c, retries: 2, timeout: 30ms } ] }
      c: { kind: service, availability: 99.9%, latency: { p50: 1ms, p99: 5ms }, calls: [ { to: d, retries: 2 }, { to: e, parallel: g }, { to: f, parallel: g } ] }
      d: { kind: postgres, availability: 99%, replicas: 1, latency: { p50: 1ms, p99: 3ms } }
      e: { kind: service, availability: 100%, latency: { p50: 1ms, p99: 7ms } }
      f: { kind: service, availability: 100%, latency: { p50: 1ms, p99: 4ms } }
      opt: { kind: service, availability: 50%, latency: { p50: 1ms, p99: 2ms } }
    flows:
      x: { entry: a, rate: 0.001/s }
    """

    @Test("Serial hard dependencies multiply, replicas run in parallel, optional calls are excluded")
    func availability() throws {
        let flow = try #require(CapacityAnalyzer.analyze(try loadModel(Self.chain)).flow("x"))
        // a, b, c at 99.9% serial; d is 99% with one replica (99.99%); e, f at 100%; opt excluded.
        let expected = 0.999 * 0.999 * 0.999 * 0.9999
        #expect(abs((flow.availability.value ?? 0) - expected) < 1e-12)
        #expect(!flow.hardDependencies.contains("opt"))
        #expect(flow.meetsAvailability == false)
        #expect(abs((flow.errorBudget.value ?? 0) - 43.2) < 1e-9)
    }

    @Test("Three layers with two retries each amplify 27× at the bottom")
    func retries() throws {
        let report = CapacityAnalyzer.analyze(try loadModel(Self.chain))
        let flow = try #require(report.flow("x"))
        #expect(flow.retryAmplification.value == 27)
        #expect(flow.worstRetryPath == ["a", "b", "c", "d"])
        #expect(report.component("d")?.retryAmplification.value == 27)
    }

    @Test("p99 budget sums the path and takes the slowest of a parallel group; worst case uses timeouts")
    func latency() throws {
        let flow = try #require(CapacityAnalyzer.analyze(try loadModel(Self.chain)).flow("x"))
        // Summing p99s would give a 10 + opt 2 + b 20 + c 5 + d 3 + max(e 7, f 4) = 47 ms; the p99 of the sum of
        // independent times is well below that and above the slowest single part (b, 20 ms).
        let p99 = try #require(flow.latencyP99.value)
        #expect(p99 < 0.047 * 0.9 && p99 > 0.020)
        #expect(flow.meetsLatency == true)
        #expect(flow.criticalPath == ["a", "b", "c", "e"])   // the slowest callee at each step
        // a 10 + opt 2 + 3 attempts × 50 ms timeout on b.
        #expect(abs((flow.latencyWorstCase.value ?? 0) - 0.162) < 1e-9)
    }

    @Test("A route hop without a timeout makes the worst case follow the callee")
    func unboundedWorstCase() throws {
        let flow = try #require(CapacityAnalyzer.analyze(try loadModel("""
        lintel: 1
        system: t
        components:
          a: { kind: service, latency: { p50: 1ms, p99: 10ms }, calls: [ { to: b, retries: 1 } ] }
          b: { kind: service, latency: { p50: 1ms, p99: 20ms } }
        flows:
          x: { entry: a, route: [b], rate: 0.001/s }
        """)).flow("x"))
        // Independent truth: P(A + B ≤ t) = ∫ f_A(x)·F_B(t − x) dx by the trapezoid rule in ln x, solved for 0.99.
        let expected = lognormalSumQuantile(0.99, a: (0.001, 0.010), b: (0.001, 0.020))
        #expect(abs((flow.latencyP99.value ?? 0) - expected) / expected < 0.02)
        #expect(expected < 0.030)   // the sum of the p99s overstates it
        #expect(abs((flow.latencyWorstCase.value ?? 0) - 0.050) < 1e-9)  // 10 + 2 × 20
        #expect(flow.retryAmplification.value == 2)
    }
}

/// The p-quantile of the sum of two independent log-normals given by (p50, p99), by numeric integration.
func lognormalSumQuantile(_ p: Double, a: (Double, Double), b: (Double, Double)) -> Double {
    let z = 2.3263478740408408
    let (muA, sigmaA) = (log(a.0), log(a.1 / a.0) / z)
    let (muB, sigmaB) = (log(b.0), log(b.1 / b.0) / z)
    func cdfB(_ x: Double) -> Double { x <= 0 ? 0 : 0.5 * erfc(-(log(x) - muB) / (sigmaB * 2.0.squareRoot())) }
    func cdfSum(_ t: Double) -> Double {
        let low = muA - 9 * sigmaA, high = log(t)
        guard high > low else { return 0 }
        let steps = 20_000
        let h = (high - low) / Double(steps)
        var sum = 0.0
        for k in 0...steps {
            let u = low + Double(k) * h
            let density = exp(-pow((u - muA) / sigmaA, 2) / 2) / (sigmaA * (2 * Double.pi).squareRoot())
            sum += (k == 0 || k == steps ? 0.5 : 1) * density * cdfB(t - exp(u))
        }
        return sum * h
    }
    var low = 0.0, high = 10.0
    for _ in 0..<80 {
        let middle = (low + high) / 2
        if cdfSum(middle) < p { low = middle } else { high = middle }
    }
    return (low + high) / 2
}

@Suite("Connections, topics and storage")
struct DataTests {
    @Test("Connection budget sums caller instances × pool and flags the excess")
    func connections() throws {
        let report = CapacityAnalyzer.analyze(try loadModel("""
        lintel: 1
        system: t
        components:
          a: { kind: service, instances: 3, calls: [ { to: db, pool: 20 } ] }
          b: { kind: service, instances: 2, calls: [ { to: db } ] }
          db: { kind: postgres, max_connections: 50, latency: { p50: 10ms, distribution: constant } }
        flows:
          f: { entry: a, rate: 100/s }
        """))
        let budget = try #require(report.connections.first)
        #expect(budget.requested.value == 80)   // 3 × 20 + 2 × 10 (default pool)
        #expect(budget.exceeded)
        // Little: 100/s × 10 ms (+ a negligible wait) ≈ 1 connection in use.
        #expect(abs((budget.inUse.value ?? 0) - 1) < 1e-3)
    }

    @Test("Topic partitions bound consumer parallelism and lag grows when consumers fall behind")
    func topics() throws {
        let report = CapacityAnalyzer.analyze(try loadModel("""
        lintel: 1
        system: t
        components:
          p: { kind: service, publishes: [t] }
          t: { kind: topic, broker: kafka, partitions: 4, partition_throughput: 100/s, consumers: [w] }
          w: { kind: worker, instances: 2, workers: 8, latency: { p50: 100ms, distribution: constant } }
        flows:
          f: { entry: p, rate: 500/s }
        """))
        let topic = try #require(report.topics.first)
        #expect(topic.perPartitionRate.value == 125)
        #expect(topic.partitionsNeeded.value == 5)
        let consumer = try #require(topic.consumers.first)
        #expect(consumer.parallelism.value == 4)       // min(4 partitions, 16 workers)
        #expect(abs((consumer.capacity.value ?? 0) - 40) < 1e-9)    // 4 / 0.1 s
        #expect(abs((consumer.lagGrowth.value ?? 0) - 460) < 1e-9)
    }

    @Test("Storage grows linearly and levels off at growth × retention")
    func storage() throws {
        let report = CapacityAnalyzer.analyze(try loadModel("""
        lintel: 1
        system: t
        components:
          db: { kind: postgres, storage: 100GB, data_growth: 10GB/month, retention: 600d }
        """))
        let projection = try #require(report.storage.first)
        let sizes = projection.projections.map { $0.size.value ?? 0 }
        #expect(sizes == [160e9, 200e9, 200e9])    // 6 months: 160 GB; then capped at 10 GB × 20 months
    }
}

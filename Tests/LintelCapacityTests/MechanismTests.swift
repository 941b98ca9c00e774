import Foundation
import LintelModel
import Testing
@testable import LintelCapacity

/// One small model per mechanism of issue 10, each checked against its closed form.
@Suite("Capacity mechanisms against closed forms")
struct MechanismTests {
    func analyze(_ yaml: String) throws -> CapacityReport {
        CapacityAnalyzer.analyze(try loadModel("lintel: 1\nsystem: t\n" + yaml))
    }

    @Test("Timeout 150 ms on an exponential 100 ms callee with 2 retries sends 1.27292 attempts per call to it")
    func retriesAddLoad() throws {
        let report = try analyze("""
        components:
          a: { kind: service, workers: 1000, latency: 1ms, calls: [ { to: b, timeout: 150ms, retries: 2 } ] }
          b: { kind: service, workers: 1000, latency: { p50: 69.3147ms, distribution: exponential } }
        flows:
          f: { entry: a, rate: 1/s }
        """)
        let b = try #require(report.component("b")?.arrival.value)
        let q = exp(-1.5)
        #expect(abs(b - (1 + q + q * q)) < 2e-3)
        let flow = try #require(report.flow("f"))
        #expect(abs((flow.retryLoad.value ?? 0) - (1 + b) / 2) < 1e-9)
    }

    @Test("A rate limit passes min(λ, r) on: 150/s offered at 100/s rejects a third, the callee sees 100/s")
    func rateLimit() throws {
        let report = try analyze("""
        components:
          a: { kind: service, workers: 1000, latency: 1ms, rate_limit: 100/s, calls: [ { to: b } ] }
          b: { kind: service, workers: 1000, latency: 1ms }
        flows:
          f: { entry: a, rate: 150/s }
        """)
        #expect(abs((report.component("a")?.rejected.value ?? 0) - 1.0 / 3) < 1e-9)
        #expect(abs((report.component("b")?.arrival.value ?? 0) - 100) < 1e-9)
    }

    @Test("queue 5 on one exponential 1 s worker at 0.8/s is M/M/1/6: 6.63% rejected, Wq 1.868 s, callee gets the rest")
    func boundedQueue() throws {
        let report = try analyze("""
        components:
          a: { kind: service, instances: 1, workers: 1, queue: 5, latency: { p50: 693.147ms, distribution: exponential }, calls: [ { to: b, mode: async } ] }
          b: { kind: service, workers: 1000, latency: 1ms }
        flows:
          f: { entry: a, rate: 0.8/s }
        """)
        let rho = 0.8
        let blocking = pow(rho, 6) * (1 - rho) / (1 - pow(rho, 7))
        let a = try #require(report.component("a"))
        #expect(abs((a.rejected.value ?? 0) - blocking) < 1e-6)
        #expect(abs((a.meanWait.value ?? 0) - 1.868) < 1e-3)
        #expect(abs((report.component("b")?.arrival.value ?? 0) - 0.8 * (1 - blocking)) < 1e-6)
        // An admitted request finding n in the system stays Erlang(n + 1, μ): π_n = ρⁿ(1 − ρ)/(1 − ρ⁶), n < 6.
        func survival(_ t: Double) -> Double {
            var total = 0.0
            for n in 0..<6 {
                let found = pow(rho, Double(n)) * (1 - rho) / (1 - pow(rho, 6))
                var term = exp(-t), tail = 0.0
                for i in 0...n { tail += term; term *= t / Double(i + 1) }
                total += found * tail
            }
            return total
        }
        var low = 0.0, high = 100.0
        for _ in 0..<100 { let t = (low + high) / 2; if survival(t) > 0.01 { low = t } else { high = t } }
        let p99 = try #require(report.flow("f")?.latencyP99.value)
        #expect(abs(p99 - low) / low < 0.01)
    }

    @Test("A terminating cycle follows the traffic equations: a → b, b → a with probability 0.5, λ₀ 5/s gives 10/s each")
    func terminatingCycle() throws {
        let report = try analyze("""
        components:
          a: { kind: service, workers: 1000, latency: 1ms, calls: [ { to: b, mode: async } ] }
          b: { kind: service, workers: 1000, latency: 1ms, calls: [ { to: a, mode: async, per_request: 0.5 } ] }
        flows:
          f: { entry: a, rate: 5/s }
        """)
        #expect(abs((report.component("a")?.arrival.value ?? 0) - 10) < 1e-9)
        #expect(abs((report.component("b")?.arrival.value ?? 0) - 10) < 1e-9)
    }

    @Test("A parallel group of two exponential 100 ms callees holds the caller 1.5 × 100 ms, not 100 ms")
    func parallelGroup() throws {
        let report = try analyze("""
        components:
          a: { kind: service, workers: 1000, latency: 1ms, calls: [ { to: b, parallel: g }, { to: c, parallel: g } ] }
          b: { kind: service, workers: 1000, latency: { p50: 69.3147ms, distribution: exponential } }
          c: { kind: service, workers: 1000, latency: { p50: 69.3147ms, distribution: exponential } }
        flows:
          f: { entry: a, rate: 0.01/s }
        """)
        let holding = try #require(report.component("a")?.holdingTime.value)
        #expect(abs(holding - (0.001 + 0.15)) / 0.151 < 0.01)
    }

    @Test("One caller worker holding it through a call: not saturated, the caller is M/G/1 with S = S_own + S_callee")
    func boundedCaller() throws {
        let report = try analyze("""
        components:
          a: { kind: service, instances: 1, workers: 1, latency: { p50: 138.629ms, distribution: exponential }, calls: [ { to: b } ] }
          b: { kind: service, instances: 1, workers: 1, latency: { p50: 207.944ms, distribution: exponential } }
        flows:
          f: { entry: a, rate: 1.5/s }
        """)
        let a = try #require(report.component("a"))
        #expect(!a.saturated)
        // Pollaczek–Khinchine with S = 0.2 + 0.3 (exponentials): E[S²] = 2(0.04 + 0.06 + 0.09).
        let pk = 1.5 * 2 * (0.04 + 0.06 + 0.09) / (2 * (1 - 1.5 * 0.5))
        #expect(abs((a.meanWait.value ?? 0) - pk) / pk < 0.01)
        #expect(abs((a.utilisation.value ?? 0) - 0.75) < 0.01)
    }

    @Test("read_from_replicas spreads reads over the primary and its replicas")
    func replicas() throws {
        let report = try analyze("""
        components:
          db: { kind: postgres, instances: 1, replicas: 2, workers: 10, read_from_replicas: true, latency: 10ms }
        flows:
          f: { entry: db, rate: 100/s }
        """)
        #expect(report.component("db")?.utilisation.value.map { abs($0 - 100 * 0.01 / 30) < 1e-9 } == true)
    }

    @Test("A saturated external system is reported as the rate and concurrency it must sustain, not instances to add")
    func external() throws {
        let report = try analyze("""
        components:
          pay: { kind: external, instances: 1, workers: 2, latency: 100ms }
        flows:
          f: { entry: pay, rate: 30/s }
        """)
        let row = try #require(report.component("pay"))
        #expect(row.saturated)
        #expect(row.instancesNeeded == 1)
        #expect(row.externalDemand?.value == 30)
        #expect(row.externalDemand?.formula.contains("3 requests in flight") == true)
    }

    @Test("requirements.data is projected once for the system, not copied into every store")
    func systemData() throws {
        let report = try analyze("""
        requirements: { data: { size: 100GB, growth: 10GB/month } }
        components:
          a: { kind: postgres }
          b: { kind: mysql }
        flows:
          f: { entry: a, rate: 1/s }
        """)
        #expect(report.storage.map(\.component) == ["system"])
    }

    @Test("Instances needed says when fewer would do")
    func fewer() throws {
        let report = try analyze("""
        components:
          s: { kind: service, instances: 10, workers: 10, latency: 10ms }
        flows:
          f: { entry: s, rate: 100/s }
        """)
        let row = try #require(report.component("s"))
        #expect(row.instancesSufficient == 1)   // a = 1 erlang, ⌈1 / (0.7 × 10)⌉
        #expect(row.fewerWouldDo)
        #expect(row.instancesNeeded == 10)
    }

    @Test("A flow's SLO fills its missing fields from requirements.slo")
    func sloMerge() throws {
        let report = try analyze("""
        requirements: { slo: { availability: 99.9%, latency_p99: 200ms } }
        components:
          s: { kind: service, latency: 10ms }
        flows:
          f: { entry: s, rate: 1/s, slo: { availability: 99.5% } }
        """)
        let flow = try #require(report.flow("f"))
        #expect(flow.availabilityObjective == 0.995)
        #expect(flow.latencyObjective == 0.2)
    }
}

import Foundation
import LintelModel
import Testing

/// The semantic core against closed forms: traffic equations, delivery shares, cycle policy,
/// service-time fits, call arithmetic and load over a scenario.
@Suite("Semantic core")
struct SemanticModelTests {
    func semantics(_ components: String, flows: String, extra: String = "") throws -> SemanticModel {
        let text = "lintel: 1\nsystem: t\ncomponents:\n\(components)\nflows:\n\(flows)\n\(extra)"
        return SemanticModel(try ModelLoader.load(text: text).model)
    }

    func arrival(_ s: SemanticModel, _ name: String, flowRates: [Double]? = nil) throws -> Double {
        let node = try #require(s.index[name])
        return s.arrivals(flowRates: flowRates ?? s.model.flows.map(\.rate.perSecond))[node]
    }

    @Test("a terminating cycle follows the traffic equations: a → b always, b → a half the time, λ₀ 5/s gives 10/s each")
    func terminatingCycle() throws {
        let s = try semantics("""
              a: { kind: service, calls: [ { to: b } ] }
              b: { kind: service, calls: [ { to: a, per_request: 0.5 } ] }
            """, flows: "  f: { entry: a, rate: 5/s }")
        #expect(abs(try arrival(s, "a") - 10) < 1e-9)
        #expect(abs(try arrival(s, "b") - 10) < 1e-9)
        #expect(s.cycles.cutCycles.isEmpty)
        #expect(s.graph.edges.allSatisfy { !$0.closesCycle })
    }

    @Test("a cycle with gain 1 never terminates: its closing edge is cut and the load stays finite")
    func nonTerminatingCycle() throws {
        let s = try semantics("""
              a: { kind: service, calls: [ { to: b } ] }
              b: { kind: service, calls: [ { to: a } ] }
            """, flows: "  f: { entry: a, rate: 5/s }")
        #expect(s.cycles.cutCycles == [[0, 1]])
        #expect(s.graph.edges.filter(\.closesCycle).count == 1)
        #expect(abs(try arrival(s, "a") - 5) < 1e-9)
        #expect(abs(try arrival(s, "b") - 5) < 1e-9)
    }

    @Test("a self-call with per_request 0.2 is the geometric series 1/(1 − 0.2)")
    func selfLoop() throws {
        let s = try semantics("""
              a: { kind: service, calls: [ { to: b } ] }
              b: { kind: service, calls: [ { to: c, per_request: 0.2 } ] }
              c: { kind: service, calls: [ { to: b } ] }
            """, flows: "  f: { entry: a, rate: 8/s }")
        #expect(abs(try arrival(s, "b") - 10) < 1e-9)
        #expect(abs(try arrival(s, "c") - 2) < 1e-9)
    }

    @Test("a topic copies every message to each consumer; a queue gives each message to one of its consumers")
    func deliveries() throws {
        let s = try semantics("""
              api: { kind: service, calls: [ { to: events, mode: async }, { to: jobs } ] }
              events: { kind: topic, consumers: [x, y] }
              jobs: { kind: queue, consumers: [p, q] }
              x: { kind: worker }
              y: { kind: worker }
              p: { kind: worker }
              q: { kind: worker }
            """, flows: "  f: { entry: api, rate: 100/s }")
        for name in ["x", "y"] { #expect(abs(try arrival(s, name) - 100) < 1e-9) }
        for name in ["p", "q"] { #expect(abs(try arrival(s, name) - 50) < 1e-9) }
    }

    @Test("cache-aside: the lookup is always made, the store only on a miss; a caller-side cache skips the call")
    func caches() throws {
        let s = try semantics("""
              api:
                kind: service
                calls:
                  - { to: cache, hit_ratio: 0.8 }
                  - { to: db, on_miss: cache }
                  - { to: ext, hit_ratio: 0.75 }
              cache: { kind: redis }
              db: { kind: postgres }
              ext: { kind: external }
            """, flows: "  f: { entry: api, rate: 100/s }")
        #expect(abs(try arrival(s, "cache") - 100) < 1e-9)
        #expect(abs(try arrival(s, "db") - 20) < 1e-9)
        #expect(abs(try arrival(s, "ext") - 25) < 1e-9)
        let db = try #require(s.graph.edges.first { $0.target == s.index["db"] })
        #expect(db.missLookup != nil)
    }

    @Test("a route hop makes only its call to the next hop; the last hop makes all its calls")
    func routes() throws {
        let s = try semantics("""
              gw: { kind: gateway, calls: [ { to: a }, { to: b } ] }
              a: { kind: service, calls: [ { to: db, per_request: 3 } ] }
              b: { kind: service }
              db: { kind: postgres }
            """, flows: "  f: { entry: gw, route: [a], rate: 10/s }")
        #expect(abs(try arrival(s, "b")) < 1e-12)
        #expect(abs(try arrival(s, "db") - 30) < 1e-9)
        let flow = try #require(s.flows.first)
        #expect(flow.hardDependencies == [0, 1, 3])
    }

    @Test("a partitioned topic's consumer is limited to the topic's partitions")
    func consumerLimit() throws {
        let s = try semantics("""
              api: { kind: service, calls: [ { to: events, mode: async } ] }
              events: { kind: topic, partitions: 4, partition_throughput: 100/s, consumers: [w] }
              w: { kind: worker, instances: 10, workers: 8 }
            """, flows: "  f: { entry: api, rate: 100/s }")
        #expect(s.consumerLimit[try #require(s.index["w"])] == 4)
        #expect(s.partitionThroughput[try #require(s.index["events"])] == 100)
    }

    @Test("a flow's SLO fills its missing fields from the system's")
    func sloMerge() throws {
        let s = try semantics("  a: { kind: service }", flows: "  f: { entry: a, rate: 1/s, slo: { latency_p99: 50ms } }",
                              extra: "requirements:\n  slo: { availability: 99.9%, latency_p99: 200ms }")
        let slo = try #require(s.flows.first?.slo)
        #expect(abs((slo.availability ?? 0) - 0.999) < 1e-12)
        #expect(slo.latencyP99 == TimeSpan(seconds: 0.05))
    }

    @Test("log-normal fit: p50 250 ms, p99 900 ms gives σ 0.5506, mean 290.9 ms; quantiles invert the fit")
    func serviceTime() {
        let fit = ServiceTime(Latency(p50: .milliseconds(250), p99: .milliseconds(900)))
        #expect(abs(fit.sigma - log(3.6) / 2.3263478740408408) < 1e-12)
        #expect(abs(fit.mean - 0.2909) < 0.0001)
        #expect(abs(fit.quantile(0.5) - 0.25) < 1e-9)
        #expect(abs(fit.quantile(0.99) - 0.9) < 1e-9)
        #expect(abs(fit.cdf(0.9) - 0.99) < 1e-9)
        let exponential = ServiceTime(Latency(p50: .milliseconds(69.31471805599453), p99: .milliseconds(1), distribution: .exponential))
        #expect(abs(exponential.mean - 0.1) < 1e-12)
        #expect(abs(exponential.secondMoment - 0.02) < 1e-12)
    }

    @Test("the normal quantile matches published values to 1e-12", arguments: [
        (0.975, 1.959963984540054), (0.99, 2.3263478740408408), (0.5, 0.0), (0.001, -3.090232306167813),
    ])
    func normalQuantile(_ p: Double, _ z: Double) {
        #expect(abs(NormalDistribution.quantile(p) - z) < 1e-12)
    }

    @Test("attempts under a timeout: q = e^(−150/100), R = 2 → 1.27292 attempts, 1.111% fail")
    func attemptsUnderTimeout() {
        var call = Call(to: "x", location: SourceLocation(file: "t", line: 1, column: 1))
        call.retries = 2
        let q = exp(-1.5)
        #expect(abs(call.expectedAttempts(failure: q) - 1.27292) < 1e-5)
        #expect(abs(call.failureProbability(failure: q) - 0.01111) < 1e-5)
    }

    @Test("backoff sums: exponential 100 ms base, 1 s cap, 5 retries = 0.1+0.2+0.4+0.8+1 s; timeout bound adds 6 × timeout")
    func backoff() {
        var call = Call(to: "x", location: SourceLocation(file: "t", line: 1, column: 1))
        call.retries = 5
        call.backoff = .exponential
        call.backoffCap = TimeSpan(seconds: 1)
        call.timeout = .milliseconds(200)
        #expect(abs(call.worstBackoffTotal - 2.5) < 1e-12)
        #expect(abs((call.timeoutBound ?? 0) - 3.7) < 1e-12)
        call.backoff = .fullJitter
        #expect(abs(call.meanBackoffTotal - 1.25) < 1e-12)
        call.retries = 1_000_000_000
        #expect(call.worstBackoffTotal.isFinite)
    }

    @Test("load over a scenario: rate splits by average share, scale multiplies averages, a flow step changes one flow")
    func timeline() throws {
        let model = try ModelLoader.load(text: """
            lintel: 1
            system: t
            components:
              a: { kind: service }
            flows:
              f: { entry: a, rate: 30/s }
              g: { entry: a, rate: 10/s }
            scenarios:
              s:
                load: [ { at: 10s, rate: 80/s }, { at: 20s, scale: 2x }, { at: 30s, flow: g, rate: 1/s } ]
            """).model
        let timeline = try LoadTimeline(flows: model.flows, scenario: try #require(model.scenarios.first))
        #expect(timeline.rates(at: 0) == [30, 10])
        #expect(timeline.rates(at: 10) == [60, 20])
        #expect(timeline.rates(at: 25) == [60, 20])
        #expect(timeline.rates(at: 31) == [60, 1])
    }

    @Test("propagation without corrections equals the sum of the flows' unit loads on every example; route hops are counted per edge",
          arguments: Paths.exampleFiles)
    func propagation(_ file: URL) throws {
        let s = SemanticModel(try ModelLoader.load(path: file.path).model)
        let rates = s.model.flows.map(\.peak.perSecond)
        let load = s.propagate(flowRates: rates)
        for (a, b) in zip(load.arrival, s.arrivals(flowRates: rates)) { #expect(abs(a - b) <= 1e-9 * max(1, b)) }
        for (a, b) in zip(load.edgeRate, s.edgeRates(flowRates: rates)) { #expect(abs(a - b) <= 1e-9 * max(1, b)) }
        // Each route hop's arrivals: the flow's rate times the factors of the hops before it.
        var expected = [Double](repeating: 0, count: s.graph.edges.count)
        for (flow, rate) in zip(s.flows, rates) {
            var carried = rate
            for (hop, edge) in flow.hopEdges.enumerated() where hop < flow.hops.count - 1 {
                guard let edge else { continue }
                expected[edge] += carried
                carried *= s.graph.edges[edge].factor
            }
        }
        for (a, b) in zip(load.routeArrival, expected) { #expect(abs(a - b) <= 1e-9 * max(1, b)) }
    }

    @Test("retries multiply the load a cycle carries: attempts 1.25 on b → a (0.5) gives a gain of 0.625, 5/s → 13.33/s")
    func correctedCycle() throws {
        let s = try semantics("""
              a: { kind: service, calls: [ { to: b } ] }
              b: { kind: service, calls: [ { to: a, per_request: 0.5 } ] }
            """, flows: "  f: { entry: a, rate: 5/s }")
        var attempts = [Double](repeating: 1, count: s.graph.edges.count)
        let back = try #require(s.graph.edges.firstIndex { $0.source == 1 })
        attempts[back] = 1.25
        let load = s.propagate(flowRates: [5], attempts: attempts)
        #expect(abs(load.arrival[0] - 5 / (1 - 0.625)) < 1e-9)
    }
}

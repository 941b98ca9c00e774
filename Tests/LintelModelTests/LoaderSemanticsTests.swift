import Foundation
import LintelModel
import Testing

@Suite("Loader semantics: defaults and resolved values")
struct LoaderSemanticsTests {
    @Test("merge keys apply shared settings and explicit keys win")
    func mergeKeys() throws {
        let model = try ModelLoader.load(path: Paths.fixtures.appendingPathComponent("valid/merge-keys.yaml").path).model
        let api = try #require(model.component(named: "api"))
        let worker = try #require(model.component(named: "worker-api"))
        #expect(api.instances == 3 && api.workers == 16 && api.healthCheck?.path == "/healthz" && api.isPublic)
        #expect(worker.instances == 5 && worker.workers == 16)
    }

    @Test("a model in JSON syntax loads like YAML")
    func jsonModel() throws {
        let model = try ModelLoader.load(path: Paths.fixtures.appendingPathComponent("valid/json-model.json").path).model
        #expect(model.system == "json-shop")
        let call = try #require(model.component(named: "api")?.calls.first)
        #expect(call.timeout == .milliseconds(200) && call.retries == 1 && call.backoff == .fullJitter)
        #expect(model.flows.first?.rate == Rate(perSecond: 100))
    }

    @Test("calls to topics and queues default to asynchronous; consumers and consumes agree")
    func messaging() throws {
        let text = """
            lintel: 1
            system: s
            components:
              api: { kind: service, calls: [db, events] }
              db: { kind: postgres }
              events: { kind: topic, consumers: [mailer] }
              audit: { kind: worker, consumes: [events] }
              mailer: { kind: worker }
            """
        let model = try ModelLoader.load(text: text).model
        let calls = try #require(model.component(named: "api")?.calls)
        #expect(calls.map(\.mode) == [.sync, .async])
        #expect(model.component(named: "events")?.consumers == ["audit", "mailer"])
        #expect(model.component(named: "mailer")?.consumes == ["events"])
    }

    @Test("flow rates resolve from share and peak from the traffic's peak/average ratio")
    func flowRates() throws {
        let text = """
            lintel: 1
            system: s
            requirements: { traffic: { average: 100/s, peak: 400/s } }
            components: { api: { kind: service } }
            flows:
              a: { entry: api, share: 25% }
              b: { entry: api, rate: 75/s, peak: 100/s }
            """
        let flows = try ModelLoader.load(text: text).model.flows
        #expect(flows[0].rate.perSecond == 25 && flows[0].peak.perSecond == 100)
        #expect(flows[1].rate.perSecond == 75 && flows[1].peak.perSecond == 100)
    }

    @Test("kind defaults fill unset capacity fields")
    func defaults() throws {
        let model = try ModelLoader.load(text: "lintel: 1\nsystem: s\ncomponents: { a: { kind: service }, db: { kind: postgres } }\n").model
        let service = try #require(model.component(named: "a"))
        let database = try #require(model.component(named: "db"))
        #expect(service.instances == 1 && service.workers == 64 && service.availability == 0.999)
        #expect(database.maxConnections == 100)
        #expect(service.latency.p50 == .milliseconds(10) && service.latency.p99 == .milliseconds(50))
    }

    @Test("a single latency is the mean of an exponential: p50 = mean·ln 2, p99 = mean·ln 100")
    func latencyShorthand() throws {
        let model = try ModelLoader.load(text: "lintel: 1\nsystem: s\ncomponents: { a: { kind: service, latency: 10ms } }\n").model
        let latency = try #require(model.component(named: "a")?.latency)
        #expect(latency.distribution == .exponential)
        #expect(abs(latency.p50.seconds - 0.006_931_471_8) < 1e-9)
        #expect(abs(latency.p99.seconds - 0.046_051_701_9) < 1e-9)
        #expect(abs(latency.mean.seconds - 0.01) < 1e-12)
    }

    @Test("a log-normal fitted to p50 and p99 has mean p50·e^(σ²/2)")
    func lognormalMean() {
        // σ = ln(p99/p50)/z₀.₉₉ with z₀.₉₉ = 2.326348 (standard normal 99th percentile).
        let latency = Latency(p50: .milliseconds(10), p99: .milliseconds(50))
        let sigma = log(5.0) / 2.326_347_874
        #expect(abs(latency.mean.seconds - 0.01 * exp(sigma * sigma / 2)) < 1e-12)
    }

    @Test("scenario duration defaults to the last event plus five minutes")
    func scenarioDuration() throws {
        let text = """
            lintel: 1
            system: s
            components: { a: { kind: service, instances: 2 } }
            flows: { f: { entry: a, rate: 1/s } }
            scenarios:
              s: { load: [ { at: 0s, scale: 1x }, { at: 2m, scale: 3x } ], faults: [ { at: 1m, component: a, instances_down: 1, for: 90s } ] }
            """
        let scenario = try #require(try ModelLoader.load(text: text).model.scenarios.first)
        #expect(scenario.duration.seconds == 150 + 300)
    }

    @Test("x- keys are extension fields and are ignored")
    func extensionKeys() throws {
        let model = try ModelLoader.load(text: "lintel: 1\nsystem: s\nx-notes: anything\ncomponents: { a: { kind: service, x-owner: me } }\n").model
        #expect(model.components.count == 1)
    }

    @Test("loading is deterministic: the same text gives an equal model")
    func deterministic() throws {
        let url = Paths.examples.appendingPathComponent("order-system.yaml")
        #expect(try ModelLoader.load(path: url.path).model == ModelLoader.load(path: url.path).model)
    }
}

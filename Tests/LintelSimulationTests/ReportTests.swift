import Foundation
import LintelModel
import Testing
@testable import LintelSimulation

@Suite("Reports are reproducible and complete")
struct ReportTests {
    static func run(seed: UInt64) throws -> SimulationReport {
        var cache = Fixture.component("cache", kind: .redis, workers: 4, mean: 0.0002)
        cache.instances = 1
        var topic = Fixture.component("events", kind: .topic, workers: 100, mean: 0.001)
        topic.consumers = ["consumer"]
        topic.deadLetter = true
        topic.maxDeliveries = 3
        let model = Fixture.model([
            Fixture.client(calls: [Fixture.call("api", timeout: 0.5, retries: 2, backoff: .fullJitter, base: 0.01,
                                                breaker: CircuitBreaker(minimumRequests: 10))]),
            Fixture.component("api", instances: 3, workers: 8, mean: 0.01,
                              calls: [Fixture.call("cache", hitRatio: 0.9), Fixture.call("events", mode: .async)]),
            cache, topic,
            Fixture.component("consumer", workers: 4, mean: 0.005),
        ], flows: [Fixture.flow(entry: "client", rate: 200)])
        let scenario = Fixture.scenario(duration: 120, faults: [
            Fixture.fault("api", at: 30, for: 20, errorRate: 0.8),
            Fixture.fault("consumer", at: 60, for: 10, errorRate: 1),
        ])
        return try Simulation.run(model, scenario: scenario, options: SimulationOptions(seed: seed))
    }

    @Test("The same seed gives the same report, series included; another seed differs")
    func deterministic() throws {
        let first = try Self.run(seed: 9), second = try Self.run(seed: 9), other = try Self.run(seed: 10)
        // Byte-identical output in every format follows (renderers are pure); LintelRenderTests check the bytes.
        #expect(first == second)
        #expect(first != other)
    }

    @Test("Breakers open under errors, messages are redelivered then dead-lettered, and the system recovers")
    func mechanisms() throws {
        let report = try Self.run(seed: 9)
        let api = try #require(report.components.first { $0.name == "api" })
        #expect(api.breakerOpenings > 0)
        #expect(api.shortCircuited > 0)
        // Every message published while the consumer fails everything is delivered 3 times, then dead-lettered.
        #expect(report.messaging.deadLettered > 0)
        #expect(report.messaging.redelivered >= 2 * report.messaging.deadLettered)
        #expect(report.messaging.delivered + report.messaging.deadLettered + report.messaging.lost <= report.messaging.published)
        #expect(report.verdict.outcome == .recovered, "\(report.verdict.summary)")
        #expect(report.series.count == 120)
        let decoded = try JSONDecoder().decode(SimulationReport.self, from: try JSONEncoder().encode(report))
        #expect(decoded.flows == report.flows)
    }

    @Test("Long runs keep at most 3,600 time-series points")
    func boundedSeries() throws {
        let model = Fixture.model([Fixture.component("s", workers: 1, mean: 0.5)], flows: [Fixture.flow(entry: "s", rate: 1)])
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 100_000))
        #expect(report.series.count <= 3600)
        #expect(report.seriesInterval == 28)
    }

    @Test("An unknown scenario is an error naming the ones available")
    func unknownScenario() {
        let model = Fixture.model([Fixture.component("s", workers: 1, mean: 0.5)], flows: [Fixture.flow(entry: "s", rate: 1)],
                                  scenarios: [Fixture.scenario("peak", duration: 10)])
        #expect(throws: SimulationError.unknownScenario("nope", available: ["peak"])) {
            try Simulation.run(model, scenario: "nope")
        }
    }
}

import Foundation
import LintelModel
import Testing
@testable import LintelSimulation

/// The simulator follows docs/semantics.md; each case is checked against a closed form.
@Suite("Simulation follows the model's semantics")
struct SemanticsTests {
    static func topic(_ name: String = "events", kind: ComponentKind = .topic, partitions: Int?, throughput: Double?,
                      delay: Double = 0, consumers: [String] = []) -> Component {
        var topic = Fixture.component(name, kind: kind, workers: 1000, mean: delay, distribution: .constant)
        topic.partitions = partitions
        topic.partitionThroughput = throughput.map { Rate(perSecond: $0) }
        topic.consumers = consumers
        return topic
    }

    static func attempts(_ report: SimulationReport) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: report.components.map { ($0.name, $0.attempts) })
    }

    @Test("A topic with one partition at 10/s fed 8/s is M/D/1: wait within 5% of Pollaczek–Khinchine 0.2 s; the sync publisher waits wait + 1/throughput + the topic's latency")
    func partitionIsMD1() throws {
        let model = Fixture.model([
            Fixture.client(calls: [Fixture.call("events")]),
            Self.topic(partitions: 1, throughput: 10, delay: 0.05),
        ], flows: [Fixture.flow(entry: "client", rate: 8)])
        // 400,000 messages at ρ = 0.8 (constant service): noise about 1–2%.
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 50_000), options: SimulationOptions(seed: 3))
        let topic = try #require(report.components.last)
        let wait = 0.8 * 0.1 / (2 * (1 - 0.8))
        #expect(abs(topic.meanWait - wait) / wait < 0.05, "Wq = \(topic.meanWait)")
        #expect(abs(topic.utilisation - 0.8) < 0.01, "ρ = \(topic.utilisation)")
        let flow = try #require(report.flows.first)
        let ack = wait + 0.1 + 0.05
        #expect(abs(flow.meanLatency - ack) / ack < 0.05, "ack = \(flow.meanLatency)")
    }

    @Test("A topic's capacity is partitions × throughput, not a worker pool: 4 partitions at 100/s fed 300/s are 75% busy")
    func partitionCapacity() throws {
        let model = Fixture.model([
            Fixture.client(calls: [Fixture.call("events", mode: .async)]),
            Self.topic(partitions: 4, throughput: 100),
        ], flows: [Fixture.flow(entry: "client", rate: 300)])
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 2000), options: SimulationOptions(seed: 4))
        let topic = try #require(report.components.last)
        #expect(abs(topic.utilisation - 0.75) < 0.01, "ρ = \(topic.utilisation)")
    }

    @Test("A publish delivers whatever its mode: sync and async publishes both reach the consumer at λ",
          arguments: [CallMode.sync, CallMode.async])
    func publishDelivers(mode: CallMode) throws {
        var consumer = Fixture.component("consumer", kind: .worker, workers: 100, mean: 0.001)
        consumer.consumes = ["events"]
        let model = Fixture.model([
            Fixture.client(calls: [Fixture.call("events", mode: mode)]),
            Self.topic(partitions: nil, throughput: nil),
            consumer,
        ], flows: [Fixture.flow(entry: "client", rate: 100)])
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 100), options: SimulationOptions(seed: 5))
        let flow = try #require(report.flows.first)
        // Every accepted message is delivered once; only the last few milliseconds' are still in flight.
        let consumed = try #require(Self.attempts(report)["consumer"])
        #expect(consumed <= flow.offered && consumed >= flow.offered - 5, "\(consumed) of \(flow.offered)")
        #expect(report.messaging.delivered >= flow.offered - 5)
    }

    @Test("A queue gives each message to one of two consumers at random (λ/2 each); a topic gives every message to both (λ each)",
          arguments: [ComponentKind.queue, ComponentKind.topic])
    func queueAndTopicShares(kind: ComponentKind) throws {
        let model = Fixture.model([
            Fixture.client(calls: [Fixture.call("jobs", mode: .async)]),
            Self.topic("jobs", kind: kind, partitions: nil, throughput: nil, consumers: ["left", "right"]),
            Fixture.component("left", kind: .worker, workers: 100, mean: 0.001),
            Fixture.component("right", kind: .worker, workers: 100, mean: 0.001),
        ], flows: [Fixture.flow(entry: "client", rate: 200)])
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 100), options: SimulationOptions(seed: 6))
        let offered = Double(try #require(report.flows.first).offered)
        let attempts = Self.attempts(report)
        let share = kind == .queue ? 0.5 : 1.0
        for name in ["left", "right"] {
            let got = Double(try #require(attempts[name]))
            // A topic: every message, less the last few in flight. A queue: a random half, binomial
            // with SD √(n/4) ≈ 71 for 20,000 messages, so 2% (400) is over 5 SDs.
            let tolerance = kind == .queue ? 0.02 * share * offered : 2
            #expect(abs(got - share * offered) <= tolerance, "\(name): \(got) of \(offered)")
        }
        if kind == .queue {
            let total = Double(attempts["left"] ?? 0) + Double(attempts["right"] ?? 0)
            #expect(abs(total - offered) <= 2)
        }
    }

    /// A caller that makes `copies` calls to a callee with exponential service (mean 1 s) and
    /// unlimited workers, in a parallel group or not.
    static func copiesModel(copies: Double, parallel: String?) -> Model {
        var call = Fixture.call("callee")
        call.perRequest = copies
        call.parallel = parallel
        return Fixture.model([
            Fixture.client(calls: [call]),
            Fixture.component("callee", workers: 1_000_000, mean: 1),
        ], flows: [Fixture.flow(entry: "client", rate: 20)])
    }

    @Test("Five copies in a parallel group of one run concurrently: the caller waits E[max of 5 exponentials] = H₅·m")
    func parallelCopies() throws {
        let report = try Simulation.run(Self.copiesModel(copies: 5, parallel: "fan-out"), scenario: Fixture.scenario(duration: 5000),
                                        options: SimulationOptions(seed: 7))
        let flow = try #require(report.flows.first)
        let harmonic = 1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0 + 1 / 5.0
        // 100,000 requests; the max of 5 exponentials has SD ≈ 1.17 s, so the mean's noise is 0.2%.
        #expect(abs(flow.meanLatency - harmonic) / harmonic < 0.02, "mean = \(flow.meanLatency), H₅ = \(harmonic)")
    }

    @Test("Five copies outside a group run one after another: the caller waits 5·m")
    func sequentialCopies() throws {
        let report = try Simulation.run(Self.copiesModel(copies: 5, parallel: nil), scenario: Fixture.scenario(duration: 5000),
                                        options: SimulationOptions(seed: 8))
        let flow = try #require(report.flows.first)
        #expect(abs(flow.meanLatency - 5) / 5 < 0.02, "mean = \(flow.meanLatency)")
    }

    @Test("Timeouts fire on time when a timed-out copy starts the next: three optional copies onto a stuck callee take exactly 3τ")
    func timeoutsWithCopies() throws {
        var call = Fixture.call("stuck", timeout: 0.25)
        call.perRequest = 3
        call.optional = true
        let model = Fixture.model([
            Fixture.client(calls: [call]),
            Fixture.component("stuck", workers: 1_000_000, mean: 100, distribution: .constant),
        ], flows: [Fixture.flow(entry: "client", rate: 50)])
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 200), options: SimulationOptions(seed: 9))
        let flow = try #require(report.flows.first)
        #expect(flow.succeeded > 9000)
        // Each copy is abandoned at exactly τ = 0.25 s; HdrHistogram keeps 3 significant digits.
        #expect(abs(flow.meanLatency - 0.75) < 1e-9, "mean = \(flow.meanLatency)")
        #expect(abs(flow.max - 0.75) < 1e-9, "max = \(flow.max)")
    }

    @Test("A rate limit of 100/s offered 250/s passes 100/s and rejects the rest")
    func rateLimit() throws {
        var server = Fixture.component("server", workers: 1000, mean: 0.001)
        server.rateLimit = Rate(perSecond: 100)
        let model = Fixture.model([server], flows: [Fixture.flow(entry: "server", rate: 250)])
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 1000), options: SimulationOptions(seed: 10))
        let flow = try #require(report.flows.first)
        // The bucket starts with one second of tokens (100) and refills at 100/s.
        let passed = Double(flow.succeeded) / report.duration
        #expect(abs(passed - 100) < 0.5, "passed \(passed)/s")
        let rejected = Double(flow.rejections) / report.duration
        #expect(abs(rejected - 150) < 1, "rejected \(rejected)/s")
    }

    @Test("Random balancing over 4 single-worker instances at ρ 0.9 makes 4 M/M/1 queues: wait ρ/(μ − λ) = 9 s")
    func randomBalancing() throws {
        var server = Fixture.component("server", instances: 4, workers: 1, mean: 1)
        server.loadBalancing = .random
        let model = Fixture.model([server], flows: [Fixture.flow(entry: "server", rate: 3.6)])
        // 2,000,000 customers; M/M/1 at ρ 0.9 is slow to settle, so the tolerance is 8%.
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 2_000_000 / 3.6), options: SimulationOptions(seed: 12))
        let result = try #require(report.components.first)
        #expect(abs(result.meanWait - 9) / 9 < 0.08, "Wq = \(result.meanWait)")
    }

    @Test("Round-robin over 4 single-worker instances at ρ 0.9 makes 4 E₄/M/1 queues: wait σ/(μ(1 − σ)) ≈ 5.38 s")
    func roundRobinBalancing() throws {
        let server = Fixture.component("server", instances: 4, workers: 1, mean: 1)
        let model = Fixture.model([server], flows: [Fixture.flow(entry: "server", rate: 3.6)])
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 2_000_000 / 3.6), options: SimulationOptions(seed: 13))
        let result = try #require(report.components.first)
        // GI/M/1: σ is the root in (0, 1) of σ = A*(μ(1 − σ)), with A* the Erlang-4 (rate 4 × 0.9) transform.
        var sigma = 0.5
        for _ in 0..<10_000 { sigma = pow(3.6 / (3.6 + 1 - sigma), 4) }
        let wait = sigma / (1 - sigma)
        #expect(abs(wait - 5.38) < 0.01)
        #expect(abs(result.meanWait - wait) / wait < 0.08, "Wq = \(result.meanWait), E₄/M/1 = \(wait)")
    }

    @Test("A terminating cycle is followed (a → b always, b → a half the time: each sees 2λ); a non-terminating one is cut once")
    func cycles() throws {
        var back = Fixture.call("a", mode: .async)
        back.perRequest = 0.5
        let terminating = Fixture.model([
            Fixture.component("a", workers: 1000, mean: 0.001, calls: [Fixture.call("b", mode: .async)]),
            Fixture.component("b", workers: 1000, mean: 0.001, calls: [back]),
        ], flows: [Fixture.flow(entry: "a", rate: 100)])
        let report = try Simulation.run(terminating, scenario: Fixture.scenario(duration: 500), options: SimulationOptions(seed: 14))
        let offered = Double(try #require(report.flows.first).offered)
        for name in ["a", "b"] {
            let got = Double(try #require(Self.attempts(report)[name]))
            // The number of passes is geometric with mean 2 (SD √2 per request): 50,000 requests give 0.6%.
            #expect(abs(got - 2 * offered) / (2 * offered) < 0.02, "\(name): \(got) for \(offered)")
        }
        let endless = Fixture.model([
            Fixture.component("a", workers: 1000, mean: 0.001, calls: [Fixture.call("b", mode: .async)]),
            Fixture.component("b", workers: 1000, mean: 0.001, calls: [Fixture.call("a", mode: .async)]),
        ], flows: [Fixture.flow(entry: "a", rate: 100)])
        let cut = try Simulation.run(endless, scenario: Fixture.scenario(duration: 100), options: SimulationOptions(seed: 15))
        let requests = try #require(cut.flows.first).offered
        #expect(Self.attempts(cut)["a"] == requests)
        #expect(Self.attempts(cut)["b"] ?? 0 >= requests - 2)
    }
}

/// Consumer groups and the scaled run.
@Suite("Consumer parallelism and scaled runs")
struct ConsumerAndScalingTests {
    /// Erlang C: the probability of waiting in M/M/c at offered load a (Erlang), by its textbook sum.
    static func erlangC(servers c: Int, load a: Double) -> Double {
        var term = 1.0, sum = 0.0
        for k in 0..<c {
            sum += term
            term *= a / Double(k + 1)
        }
        let top = term * Double(c) / (Double(c) - a)
        return top / (sum + top)
    }

    @Test("A consumer with 10 workers on a topic with 2 partitions processes at most 2 at once: M/M/2 wait (Erlang C)")
    func consumerLimitedByPartitions() throws {
        var consumer = Fixture.component("consumer", kind: .worker, workers: 10, mean: 1)
        consumer.consumes = ["events"]
        let model = Fixture.model([
            Fixture.client(calls: [Fixture.call("events", mode: .async)]),
            SemanticsTests.topic(partitions: 2, throughput: 1_000_000),
            consumer,
        ], flows: [Fixture.flow(entry: "client", rate: 1.6)])
        // 480,000 messages at ρ = 0.8 on 2 servers.
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 300_000), options: SimulationOptions(seed: 21))
        let result = try #require(report.components.last)
        let wait = Self.erlangC(servers: 2, load: 1.6) / (2 - 1.6)
        #expect(abs(wait - 1.7778) < 1e-3)
        #expect(abs(result.meanWait - wait) / wait < 0.06, "Wq = \(result.meanWait), M/M/2 = \(wait)")
    }

    @Test("A run over the event budget simulates 1/k of the load on 1/k of the servers: where k divides the instances, waits keep their closed form")
    func scaledRun() throws {
        // 8 instances × 2 workers, random balancing: each instance is M/M/2 at λ/8 = 1.6, μ = 1.
        var server = Fixture.component("server", instances: 8, workers: 2, mean: 1)
        server.loadBalancing = .random
        let model = Fixture.model([server], flows: [Fixture.flow(entry: "server", rate: 12.8)])
        var options = SimulationOptions(seed: 22)
        // About 2 events per request, 12.8/s for 40,000 s ≈ 1.02 M events; a 300,000 budget gives k = 4.
        options.maxEvents = 300_000
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 40_000), options: options)
        #expect(report.scale == 4)
        let result = try #require(report.components.first)
        let wait = Self.erlangC(servers: 2, load: 1.6) / (2 - 1.6)
        #expect(abs(result.meanWait - wait) / wait < 0.08, "Wq = \(result.meanWait), M/M/2 = \(wait)")
        #expect(abs(result.utilisation - 0.8) < 0.01)
        // Counts are the sample's × k.
        #expect(abs(Double(report.flows[0].offered) / 40_000 - 12.8) < 0.2)
    }

    @Test("read_from_replicas: a primary and 2 replicas of 4 workers serve as 3 instances (M/M/4 each at λ/3, Erlang C)")
    func readReplicas() throws {
        var db = Fixture.component("db", kind: .postgres, workers: 4, mean: 0.25)
        db.replicas = 2
        db.readFromReplicas = true
        db.loadBalancing = .random
        let model = Fixture.model([db], flows: [Fixture.flow(entry: "db", rate: 24)])
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 20_000), options: SimulationOptions(seed: 23))
        let result = try #require(report.components.first)
        #expect(abs(result.utilisation - 0.5) < 0.01, "ρ = \(result.utilisation)")
        let wait = Self.erlangC(servers: 4, load: 2) / (4 * 4 - 8)
        #expect(abs(result.meanWait - wait) / wait < 0.08, "Wq = \(result.meanWait), M/M/4 = \(wait)")
    }
}

import Foundation
import Testing

/// Topics, queues, partitions, consumer groups, replicas and SLO defaults.
@Suite("Cross-engine: messaging, replicas and SLOs")
struct MessagingTests {
    @Test("A topic copies every message to each of its two consumers: each gets λ and is an M/M/1 at ρ 0.6")
    func topicFanOut() throws {
        // The topic is an ordinary pool of 1,000 workers (no partitions): an M/G/∞ whose output is Poisson.
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: topic
            components:
              \(instantClient("{ to: events }"))
              events: { kind: topic, consumers: [first, second] }
              first: { kind: worker, workers: 1, latency: 100ms }
              second: { kind: worker, workers: 1, latency: 100ms }
            flows:
              publish: { entry: gw, rate: 6/s }
            """, duration: 60_000, seed: 41)
        for name in ["first", "second"] {
            let cap = try run.capacityComponent(name), sim = try run.simulatedComponent(name)
            expectAgreement("topic: \(name) arrivals /s", capacity: cap.arrival.value, simulation: try run.simulatedArrival(name),
                            closedForm: 6, .relative(0.10))
            expectAgreement("topic: \(name) utilisation", capacity: cap.utilisation.value, simulation: sim.utilisation,
                            closedForm: 0.6, .points(0.02))
            expectAgreement("topic: \(name) mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait,
                            closedForm: ClosedForm.mm1Wait(arrival: 6, serviceMean: 0.1), .relative(0.10))
        }
        expectClosedForm("topic: deliveries /s", engine: "simulation", value: Double(run.simulation.messaging.delivered) / run.simulation.duration,
                         closedForm: 12, .relative(0.10))
    }

    @Test("A queue gives each message to one of its two consumers: each gets λ/2")
    func queueSplit() throws {
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: queue
            components:
              \(instantClient("{ to: jobs }"))
              jobs: { kind: queue, consumers: [first, second] }
              first: { kind: worker, workers: 1, latency: 100ms }
              second: { kind: worker, workers: 1, latency: 100ms }
            flows:
              publish: { entry: gw, rate: 12/s }
            """, duration: 60_000, seed: 42)
        for name in ["first", "second"] {
            let cap = try run.capacityComponent(name), sim = try run.simulatedComponent(name)
            expectAgreement("queue: \(name) arrivals /s", capacity: cap.arrival.value, simulation: try run.simulatedArrival(name),
                            closedForm: 6, .relative(0.10))
            expectAgreement("queue: \(name) utilisation", capacity: cap.utilisation.value, simulation: sim.utilisation,
                            closedForm: 0.6, .points(0.02))
            // How the split alternates (random or in turn) shapes the wait; the engines are compared.
            expectAgreement("queue: \(name) mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait, .relative(0.10))
        }
    }

    @Test("A topic with 4 partitions of 100/s at 300/s is 75% busy: capacity is partitions × partition throughput")
    func partitionedTopic() throws {
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: partitions
            components:
              \(instantClient("{ to: events }"))
              events: { kind: topic, partitions: 4, partition_throughput: 100/s, consumers: [sink] }
              sink: { kind: worker, instances: 1, workers: 64, latency: 2ms }
            flows:
              publish: { entry: gw, rate: 300/s }
            """, duration: 2_000, seed: 43)
        let cap = try run.capacityComponent("events"), sim = try run.simulatedComponent("events")
        expectAgreement("partitioned topic: utilisation", capacity: cap.utilisation.value, simulation: sim.utilisation,
                        closedForm: 0.75, .points(0.02))
        // Each partition serves a message in a constant 1/throughput: M/D/4, compared between engines.
        expectAgreement("partitioned topic: mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait, .relative(0.10))
        expectAgreement("partitioned topic: consumer arrivals /s", capacity: try run.capacityComponent("sink").arrival.value,
                        simulation: try run.simulatedArrival("sink"), closedForm: 300, .relative(0.10))
    }

    @Test("A consumer group of 2 × 4 workers on a 2-partition topic processes 2 at once: Erlang C with c = 2")
    func consumerLimitedByPartitions() throws {
        // λ 16/s, consumer mean 100 ms: a = 1.6 over min(8, 2) = 2 servers → Wq = C(2, 1.6)/(2μ − λ) = 0.1778 s.
        // (With all 8 workers it would be 0.0025 s.) Partitions serve in 0.1 ms, so the topic passes a near-Poisson stream.
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: parallelism
            components:
              \(instantClient("{ to: events }"))
              events: { kind: topic, partitions: 2, partition_throughput: 10000/s, consumers: [consumer] }
              consumer: { kind: worker, instances: 2, workers: 4, latency: 100ms }
            flows:
              publish: { entry: gw, rate: 16/s }
            """, duration: 40_000, seed: 44)
        let cap = try run.capacityComponent("consumer"), sim = try run.simulatedComponent("consumer")
        expectAgreement("partition-limited consumer: arrivals /s", capacity: cap.arrival.value, simulation: try run.simulatedArrival("consumer"),
                        closedForm: 16, .relative(0.10))
        expectAgreement("partition-limited consumer: mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait,
                        closedForm: ClosedForm.mmcWait(servers: 2, arrival: 16, serviceMean: 0.1), .relative(0.10))
        let parallelism = try #require(run.capacity.topics.first { $0.name == "events" }?.consumers.first { $0.name == "consumer" })
        expectClosedForm("partition-limited consumer: parallelism", engine: "capacity", value: parallelism.parallelism.value,
                         closedForm: 2, .relative(0))
    }

    @Test("A sync publish waits for the broker's ack (partition wait + 1/throughput + channel latency) and still delivers")
    func syncPublish() throws {
        // One partition of 1000/s at 500/s: M/D/1, Wq = 0.5 × 1 ms / (2 × 0.5) = 0.5 ms; ack = 0.5 + 1 + 2 (channel) = 3.5 ms.
        // One partition lets the consumer group process one message at a time: a 1 ms consumer is then 50% busy.
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: sync-publish
            components:
              \(instantClient("{ to: events, mode: sync }"))
              events: { kind: topic, partitions: 1, partition_throughput: 1000/s, latency: 2ms, consumers: [sink] }
              sink: { kind: worker, workers: 1, latency: 1ms }
            flows:
              publish: { entry: gw, rate: 500/s }
            """, duration: 1_000, seed: 45)
        expectAgreement("sync publish: consumer arrivals /s", capacity: try run.capacityComponent("sink").arrival.value,
                        simulation: try run.simulatedArrival("sink"), closedForm: 500, .relative(0.10))
        expectAgreement("sync publish: partition utilisation", capacity: try run.capacityComponent("events").utilisation.value,
                        simulation: try run.simulatedComponent("events").utilisation, closedForm: 0.5, .points(0.02))
        expectAgreement("sync publish: flow mean latency (ack)", capacity: try run.capacityFlowMean("publish"),
                        simulation: try run.simulatedFlow("publish").meanLatency, closedForm: 0.0035, .relative(0.10))
        expectClosedForm("sync publish: deliveries /s", engine: "simulation",
                         value: Double(run.simulation.messaging.delivered) / run.simulation.duration, closedForm: 500, .relative(0.10))
    }

    @Test("read_from_replicas: a primary and 2 read replicas of 4 workers serve reads as 3 copies (ρ 0.5, not 1.5)")
    func readReplicas() throws {
        // 24 reads/s of exponential 250 ms spread at random over 3 copies: each an M/M/4 at 8/s, Wq = C(4, 2)/(4μ − 8).
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: replicas
            components:
              \(instantClient("{ to: db, operation: read }"))
              db: { kind: postgres, instances: 1, workers: 4, replicas: 2, read_from_replicas: true, load_balancing: random, latency: 250ms }
            flows:
              reads: { entry: gw, rate: 24/s }
            """, duration: 40_000, seed: 46)
        let cap = try run.capacityComponent("db"), sim = try run.simulatedComponent("db")
        expectAgreement("read replicas: utilisation", capacity: cap.utilisation.value, simulation: sim.utilisation,
                        closedForm: 0.5, .points(0.02))
        expectAgreement("read replicas: mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait,
                        closedForm: ClosedForm.mmcWait(servers: 4, arrival: 8, serviceMean: 0.25), .relative(0.10))
    }

    @Test("A flow's slo keeps its own availability and takes latency_p99 from requirements.slo")
    func sloDefaults() throws {
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: slo
            requirements:
              slo: { availability: 99.9%, latency_p99: 200ms }
            components:
              api: { kind: service, workers: 8, latency: 10ms }
            flows:
              requests: { entry: api, rate: 100/s, slo: { availability: 99% } }
            """, duration: 600, seed: 47)
        let flow = try run.capacityFlow("requests")
        expectClosedForm("slo: availability objective (own)", engine: "capacity", value: flow.availabilityObjective,
                         closedForm: 0.99, .relative(1e-9))
        expectClosedForm("slo: latency objective (from requirements)", engine: "capacity", value: flow.latencyObjective,
                         closedForm: 0.2, .relative(1e-9))
        expectAgreement("slo model: utilisation", capacity: try run.capacityComponent("api").utilisation.value,
                        simulation: try run.simulatedComponent("api").utilisation, closedForm: 100 * 0.010 / 8, .points(0.02))
    }
}

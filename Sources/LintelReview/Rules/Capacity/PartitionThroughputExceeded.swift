import LintelCapacity
import LintelModel

/// A topic receives more than its partitions can carry.
public struct PartitionThroughputExceeded: Rule {
    public static let description = RuleDescription(
        id: "partition-throughput-exceeded", title: "Too few partitions for the message rate", category: .capacity, severity: .error,
        rationale: "A partition is written and read sequentially; its throughput is bounded (`partition_throughput`, or the broker's typical figure). When the peak message rate divided by the partitions exceeds it, producers block or lag grows without bound.",
        remedy: "Raise `partitions` to at least ⌈peak rate / partition throughput⌉ (the capacity report's figure), with room for growth.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 8, workers: 64, latency: 1ms, publishes: [events] }
              events: { kind: topic, broker: kafka, partitions: 2, partition_throughput: 100/s, dead_letter: true, consumers: [sink] }
              sink: { kind: worker, instances: 2, workers: 1, latency: 1ms, idempotent_consumer: true }
            flows:
              ingest: { entry: api, rate: 500/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 8, workers: 64, latency: 1ms, publishes: [events] }
              events: { kind: topic, broker: kafka, partitions: 8, partition_throughput: 100/s, dead_letter: true, consumers: [sink] }
              sink: { kind: worker, instances: 8, workers: 1, latency: 1ms, idempotent_consumer: true }
            flows:
              ingest: { entry: api, rate: 500/s }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        var findings: [Finding] = []
        for topic in context.capacity.topics {
            guard let partitions = topic.partitions, let needed = topic.partitionsNeeded.value, needed > Double(partitions),
                  let index = context.index[topic.name], topic.rate.value != nil, topic.perPartitionRate.value != nil,
                  topic.partitionThroughput.value != nil else { continue }
            let channel = context.component(index)
            let text = "\(topic.name) receives \(Figures.text(topic.rate)) at peak, \(Figures.text(topic.perPartitionRate)) per partition "
                + "against \(Figures.text(topic.partitionThroughput)) each; \(Figures.text(topic.partitionsNeeded)) partitions needed, \(partitions) configured"
            findings.append(finding(text, components: [topic.name], at: channel.location(of: "partitions"),
                                    figures: [topic.rate, topic.perPartitionRate, topic.partitionThroughput, topic.partitionsNeeded,
                                              Figure(Double(partitions), .count, "given: \(topic.name).partitions")]))
        }
        return findings
    }
}

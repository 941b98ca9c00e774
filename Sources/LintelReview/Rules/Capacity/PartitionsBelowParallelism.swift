import LintelCapacity
import LintelModel

/// Consumers have more parallel workers than the topic has partitions.
public struct PartitionsBelowParallelism: Rule {
    public static let description = RuleDescription(
        id: "partitions-below-parallelism", title: "Fewer partitions than consumer parallelism", category: .capacity, severity: .warning,
        rationale: "A partition is consumed by one consumer of a group at a time. With fewer partitions than the group's instances × workers, the extra consumers sit idle: the capacity the model counts on does not exist, and scaling the consumers out further changes nothing.",
        remedy: "Raise `partitions` to at least the consumers' instances × workers (leave room for growth: partitions are hard to add later without reordering keys), or size the consumers to the partitions.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, publishes: [events] }
              events: { kind: topic, broker: kafka, partitions: 6, dead_letter: true, consumers: [indexer] }
              indexer: { kind: worker, instances: 4, workers: 4, idempotent_consumer: true }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, publishes: [events] }
              events: { kind: topic, broker: kafka, partitions: 16, dead_letter: true, consumers: [indexer] }
              indexer: { kind: worker, instances: 4, workers: 4, idempotent_consumer: true }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, channel) in context.components.enumerated() where channel.kind.isMessaging {
            guard let partitions = channel.partitions else { continue }
            for consumerIndex in context.graph.consumers[index] {
                let consumer = context.component(consumerIndex)
                guard consumer.servers > partitions else { continue }
                let figures = [
                    Figure(Double(partitions), .count, "given: \(channel.name).partitions"),
                    Figure(Double(consumer.instances), .count, "given: \(consumer.name).instances"),
                    Figure(Double(consumer.workers), .count, "given: \(consumer.name).workers"),
                    Figure(Double(consumer.servers), .count, "consumers = instances × workers"),
                    Figure(Double(consumer.servers - partitions), .count, "idle consumers = consumers − partitions"),
                ]
                let text = "\(channel.name) has \(Figures.text(figures[0])) partitions but \(consumer.name) runs \(Figures.text(figures[1])) × \(Figures.text(figures[2])) = "
                    + "\(Figures.text(figures[3])) consumers; \(Figures.text(figures[4])) stay idle"
                findings.append(finding(text, components: [channel.name, consumer.name], at: channel.location(of: "partitions"), figures: figures))
            }
        }
        return findings
    }
}

import LintelModel

/// A consumer of an at-least-once channel that is not known to tolerate duplicates.
public struct NonIdempotentConsumer: Rule {
    public static let description = RuleDescription(
        id: "non-idempotent-consumer", title: "Consumer not idempotent under at-least-once delivery", category: .resilience, severity: .warning,
        rationale: "At-least-once delivery (the default of Kafka, SQS, RabbitMQ with acknowledgements) redelivers a message whenever the consumer crashes or times out before acknowledging it. A consumer that is not idempotent then ships the order twice or double-counts the payment.",
        remedy: "Make processing idempotent (deduplicate by message id, upsert, conditional writes) and state `idempotent_consumer: true`.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, publishes: [order-events] }
              order-events: { kind: topic, dead_letter: true, consumers: [shipping] }
              shipping: { kind: worker }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, publishes: [order-events] }
              order-events: { kind: topic, dead_letter: true, consumers: [shipping] }
              shipping: { kind: worker, idempotent_consumer: true }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, publishes: [metrics] }
              metrics: { kind: topic, delivery: at-most-once, dead_letter: true, consumers: [dashboard] }
              dashboard: { kind: worker }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, consumer) in context.components.enumerated() where consumer.idempotentConsumer != true {
            let channels = context.graph.consumed[index].filter { context.component($0).delivery == .atLeastOnce }
            guard !channels.isEmpty else { continue }
            let text = "\(consumer.name) consumes \(context.names(channels).joined(separator: ", ")) with at-least-once delivery but is not "
                + (consumer.idempotentConsumer == false ? "idempotent" : "marked idempotent")
            let location = consumer.keyLocations["idempotent_consumer"] ?? consumer.keyLocations["consumes"] ?? consumer.location
            findings.append(finding(text, components: [consumer.name] + context.names(channels), at: location))
        }
        return findings
    }
}

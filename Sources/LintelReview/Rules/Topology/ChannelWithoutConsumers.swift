import LintelModel

/// A topic or queue that receives messages nobody consumes.
public struct ChannelWithoutConsumers: Rule {
    public static let description = RuleDescription(
        id: "channel-without-consumers", title: "Topic or queue without consumers", category: .topology, severity: .warning,
        rationale: "Messages published to a topic or queue that no component consumes pile up until retention drops them: the work the publisher thinks it handed off never happens.",
        remedy: "Add the consumer (`consumes:` on it, or `consumers:` on the topic), or stop publishing.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              orders: { kind: service, publishes: [order-events] }
              order-events: { kind: topic, dead_letter: true }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              orders: { kind: service, publishes: [order-events] }
              order-events: { kind: topic, dead_letter: true, consumers: [shipping] }
              shipping: { kind: worker, idempotent_consumer: true }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated()
        where component.kind.category == .channel && context.graph.consumers[index].isEmpty && !context.graph.callers[index].isEmpty {
            let publishers = context.graph.callers[index]
            let text = "\(context.names(publishers).joined(separator: ", ")) publish\(publishers.count == 1 ? "es" : "") to \(component.name) but nothing consumes it"
            findings.append(finding(text, components: [component.name] + context.names(publishers), at: component.location))
        }
        return findings
    }
}

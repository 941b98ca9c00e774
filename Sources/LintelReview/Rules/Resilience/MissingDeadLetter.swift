import LintelCapacity
import LintelModel

/// A topic or queue without dead-letter handling.
public struct MissingDeadLetter: Rule {
    public static let description = RuleDescription(
        id: "missing-dead-letter", title: "Topic or queue without dead-letter handling", category: .resilience, severity: .warning,
        rationale: "A message its consumer cannot process (a poison message) is redelivered forever and blocks its partition or queue, or is dropped silently after `max_deliveries`. A dead-letter queue keeps it for inspection and lets the rest flow.",
        remedy: "Set `dead_letter: true` with a bounded `max_deliveries`, and alert on the dead-letter queue's depth.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, publishes: [jobs] }
              jobs: { kind: queue, consumers: [worker] }
              worker: { kind: worker, idempotent_consumer: true }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, publishes: [jobs] }
              jobs: { kind: queue, dead_letter: true, consumers: [worker] }
              worker: { kind: worker, idempotent_consumer: true }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated()
        where component.kind.category == .channel && component.deadLetter != true && !context.graph.consumers[index].isEmpty {
            let stated = component.deadLetter == false ? "has dead-lettering turned off" : "has no dead-letter queue"
            let deliveries = Figure(Double(component.maxDeliveries), .count, "given: \(component.name).max_deliveries (default 5)")
            let text = "\(component.kind.rawValue) \(component.name) \(stated); a message that keeps failing is redelivered \(Figures.text(deliveries))× and then lost"
            findings.append(finding(text, components: [component.name] + context.names(context.graph.consumers[index]),
                                    at: component.location(of: "dead_letter"), figures: [deliveries]))
        }
        return findings
    }
}

import LintelModel

/// A synchronous call without a timeout.
public struct MissingTimeout: Rule {
    public static let description = RuleDescription(
        id: "missing-timeout", title: "Synchronous call without timeout", category: .resilience, severity: .error,
        rationale: "A caller without a timeout waits as long as the callee takes; when the callee hangs, every worker of the caller ends up waiting on it and the caller stops answering too. Most client libraries default to no timeout or to minutes.",
        remedy: "Set `timeout` on the call a little above the callee's p99 latency (its own and its calls'), and keep it below the caller's own caller's timeout.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: db } ] }
              db: { kind: postgres }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: db, timeout: 200ms } ], publishes: [events] }
              db: { kind: postgres }
              events: { kind: topic, dead_letter: true, consumers: [audit] }
              audit: { kind: worker, idempotent_consumer: true }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.4, calls: [ db ] }
              db: { kind: postgres, image: postgres:16 }
            """, importedFrom: .compose)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        var findings: [Finding] = []
        for component in context.components {
            for call in component.calls where call.mode == .sync && call.timeout == nil {
                let text = "\(component.name) calls \(call.to) synchronously without a timeout"
                findings.append(finding(text, components: [component.name, call.to], at: call.location))
            }
        }
        return findings
    }
}

import LintelCapacity
import LintelModel

/// Retries sent immediately.
public struct RetryWithoutBackoff: Rule {
    public static let description = RuleDescription(
        id: "retry-without-backoff", title: "Retries without backoff", category: .resilience, severity: .warning,
        rationale: "Retrying at once hits a dependency again while it is still failing, multiplying its load at the worst moment; in Brooker's contention experiment immediate retries cost 2,421 calls against 797 with full-jitter backoff.",
        remedy: "Set `backoff: full-jitter` (or equal/decorrelated jitter) with a `backoff_base` around the callee's p50 and a `backoff_cap`.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: inventory, timeout: 200ms, retries: 2, idempotent: true } ] }
              inventory: { kind: service }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: inventory, timeout: 200ms, retries: 2, backoff: full-jitter, idempotent: true } ] }
              inventory: { kind: service }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        var findings: [Finding] = []
        for component in context.components {
            for (position, call) in component.calls.enumerated() where call.retries > 0 && call.backoff == .none {
                let retries = Figure(Double(call.retries), .count, "given: \(component.name).calls[\(position)].retries")
                let text = "\(component.name) retries \(call.to) \(Figures.text(retries))× with no wait between attempts"
                findings.append(finding(text, components: [component.name, call.to], at: call.location(of: "retries"), figures: [retries]))
            }
        }
        return findings
    }
}

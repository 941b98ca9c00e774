import LintelCapacity
import LintelModel

/// Several retries on a fixed schedule.
public struct RetryWithoutJitter: Rule {
    public static let description = RuleDescription(
        id: "retry-without-jitter", title: "Retries without jitter", category: .resilience, severity: .warning,
        rationale: "With constant or plain exponential backoff every client that failed together retries together, in synchronised waves that hit the recovering dependency at the same instants (Brooker: 1,853 calls without jitter against 797 with full jitter). Reported from two retries on, where the waves repeat.",
        remedy: "Use `backoff: full-jitter` (or `equal-jitter`, `decorrelated-jitter`).",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              worker: { kind: worker, calls: [ { to: mail, timeout: 2s, retries: 3, backoff: exponential, idempotent: true } ] }
              mail: { kind: external }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              worker: { kind: worker, calls: [ { to: mail, timeout: 2s, retries: 3, backoff: decorrelated-jitter, idempotent: true } ] }
              mail: { kind: external }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: payments, timeout: 2s, retries: 1, backoff: exponential, idempotent: true } ] }
              payments: { kind: external }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        var findings: [Finding] = []
        for component in context.components {
            for (position, call) in component.calls.enumerated() where call.retries >= 2 && (call.backoff == .constant || call.backoff == .exponential) {
                let retries = Figure(Double(call.retries), .count, "given: \(component.name).calls[\(position)].retries")
                let text = "\(component.name) retries \(call.to) \(Figures.text(retries))× with \(call.backoff.rawValue) backoff and no jitter"
                findings.append(finding(text, components: [component.name, call.to], at: call.location(of: "backoff"), figures: [retries]))
            }
        }
        return findings
    }
}

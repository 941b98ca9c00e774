import LintelModel

/// Retrying an operation that is not known to be safe to repeat.
public struct RetryNonIdempotent: Rule {
    public static let description = RuleDescription(
        id: "retry-non-idempotent", title: "Retries on a non-idempotent call", category: .resilience, severity: .error,
        rationale: "A timeout does not mean the callee did nothing: retrying a write that did succeed charges the card twice, sends the email twice or books the seat twice. Reads (`operation: read`) are safe; writes must be made idempotent (an idempotency key) before they are retried.",
        remedy: "Make the operation idempotent (idempotency key, conditional write) and mark the call `idempotent: true`, or set `retries: 0`.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: payments, timeout: 2s, retries: 2, backoff: full-jitter } ] }
              payments: { kind: external }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: payments, timeout: 2s, retries: 2, backoff: full-jitter, idempotent: true } ] }
              payments: { kind: external }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: catalog, timeout: 2s, retries: 2, backoff: full-jitter, operation: read } ] }
              catalog: { kind: service }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        var findings: [Finding] = []
        for component in context.components {
            for call in component.calls where call.retries > 0 && call.idempotent != true && call.operation != .read {
                let stated = call.idempotent == false ? "is not idempotent" : "is not marked idempotent"
                let text = "\(component.name) retries \(call.to) \(call.retries)× but the call \(stated)"
                findings.append(finding(text, components: [component.name, call.to], at: call.location(of: call.idempotent == nil ? "retries" : "idempotent"),
                                        severity: call.idempotent == nil ? .warning : nil))
            }
        }
        return findings
    }
}

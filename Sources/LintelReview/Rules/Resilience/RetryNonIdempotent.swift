import LintelCapacity
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
                // A retried write or a retried call to an external API (a payment provider) duplicates the effect
                // when the first attempt succeeded but its answer was lost: an error even when idempotency is only unstated.
                let external = context.index[call.to].map { context.component($0).kind == .external } ?? false
                let writes = call.operation == .write || call.operation == .readWrite
                let severe = call.idempotent == false || external || writes
                findings.append(finding(text + (external ? " (an external API: a lost answer repeats the charge or order)" : ""),
                                        components: [component.name, call.to], at: call.location(of: call.idempotent == nil ? "retries" : "idempotent"),
                                        severity: severe ? .error : .warning,
                                        figures: [Figure(Double(call.retries + 1), .count, "attempts = 1 + retries")]))
            }
        }
        return findings
    }
}

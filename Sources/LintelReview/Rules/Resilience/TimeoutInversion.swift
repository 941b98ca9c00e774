import LintelModel

/// A caller gives up before its callee can have finished.
public struct TimeoutInversion: Rule {
    public static let description = RuleDescription(
        id: "timeout-inversion", title: "Timeout inversion", category: .resilience, severity: .error,
        rationale: "When a caller's timeout is shorter than the time its callee may legitimately take — the callee's own p99 plus, for each of its synchronous calls, timeout × attempts plus backoff — the caller abandons requests the callee is still working on. The work is wasted, the caller retries into a dependency that is already slow, and the result the callee eventually produces (a charge, a reservation) is lost to the caller.",
        remedy: "Make timeouts shrink down the chain: give the caller a timeout above the callee's worst case, or cut the callee's timeouts and retries so that its worst case fits (or give the callee a deadline propagated from the caller).",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: orders, timeout: 500ms } ] }
              orders:
                kind: service
                latency: { p50: 5ms, p99: 20ms }
                calls: [ { to: payments, timeout: 400ms, retries: 2, backoff: full-jitter, idempotent: true } ]
              payments: { kind: external }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: orders, timeout: 2s } ] }
              orders:
                kind: service
                latency: { p50: 5ms, p99: 20ms }
                calls: [ { to: payments, timeout: 400ms, retries: 2, backoff: full-jitter, idempotent: true } ]
              payments: { kind: external }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        let worst = context.components.map(ResilienceMath.worstResponse)
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() {
            for edge in context.graph.edges[index] where edge.isSync {
                let call = component.calls[edge.call]
                let callee = context.component(edge.target)
                guard let timeout = call.timeout, !callee.syncCalls.isEmpty, let calleeWorst = worst[edge.target],
                      calleeWorst > timeout.seconds else { continue }
                let text = "\(component.name) gives up on \(callee.name) after \(Figures.duration(timeout)), but \(callee.name) may take "
                    + "\(Figures.duration(seconds: calleeWorst)) (own p99 \(Figures.duration(callee.latency.p99)) + its calls' timeouts × attempts + backoff)"
                findings.append(finding(text, components: [component.name, callee.name], at: call.location(of: "timeout")))
            }
        }
        return findings
    }
}

import LintelModel

/// A synchronous call to another service without a circuit breaker.
public struct MissingCircuitBreaker: Rule {
    public static let description = RuleDescription(
        id: "missing-circuit-breaker", title: "Cross-service call without circuit breaker", category: .resilience, severity: .warning,
        rationale: "Without a breaker a caller keeps sending every request to a dependency that is down, each one waiting for its timeout and holding a worker; the failure spreads upstream. A breaker fails fast after a burst of errors and lets the dependency recover. Calls from load balancers (which use health checks instead) and to datastores are not reported.",
        remedy: "Add `circuit_breaker: true` (50% failures over 10s opens it for 30s) or tune `failures`, `window` and `open_for`.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              orders: { kind: service, calls: [ { to: payments, timeout: 2s } ] }
              payments: { kind: external }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              orders: { kind: service, calls: [ { to: payments, timeout: 2s, circuit_breaker: true }, { to: db, timeout: 100ms } ] }
              payments: { kind: external }
              db: { kind: postgres }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated()
        where component.kind.category == .compute && component.kind != .loadBalancer {
            for (_, call, edge) in context.calls(of: index) where edge.waitsForAnswer {
                let target = context.component(edge.target)
                guard target.kind.category == .compute || target.kind.category == .external, call.circuitBreaker == nil else { continue }
                let text = "\(component.name) calls \(target.name) synchronously without a circuit breaker"
                findings.append(finding(text, components: [component.name, target.name], at: call.location))
            }
        }
        return findings
    }
}

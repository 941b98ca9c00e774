import LintelModel

/// A running service without a health check.
public struct MissingHealthCheck: Rule {
    public static let description = RuleDescription(
        id: "missing-health-check", title: "Missing health check", category: .resilience, severity: .warning,
        rationale: "Without liveness and readiness probes a hung or still-starting instance keeps receiving traffic and is never restarted; the load balancer cannot route around it and deploys send requests to instances that are not ready.",
        remedy: "Expose a health endpoint and set `health_check: /healthz` (or liveness/readiness probes).",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 2 }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 2, health_check: /healthz }
              fn: { kind: function }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for component in context.components
        where (component.kind == .service || component.kind == .worker || component.kind == .gateway) && component.healthCheck == nil {
            let text = "\(component.kind.rawValue) \(component.name) (\(component.instances) instance\(component.instances == 1 ? "" : "s")) has no health check"
            findings.append(finding(text, components: [component.name], at: component.location))
        }
        return findings
    }
}

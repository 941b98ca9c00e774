import LintelModel

/// A component nothing calls, consumes from, or exposes.
public struct UnreachableComponent: Rule {
    public static let description = RuleDescription(
        id: "unreachable-component", title: "Unreachable component", category: .topology, severity: .warning,
        rationale: "A component that is not public, is no flow's entry, is called by nobody and consumes nothing receives no work: either a call is missing from the model (so every figure about its callers is wrong) or it is dead weight that still costs money and attack surface. Not applied to deployments imported from docker-compose or Kubernetes: they show only the calls configured through `depends_on` and environment variables, while most services find each other through host names written in code or proxy configuration, so an uncalled component there is mostly a call the files do not show.",
        remedy: "Add the missing calls or `consumes`, mark it `public` if it is an entry point, or remove it.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, public: true, auth: jwt, rate_limit: 10/s }
              reports: { kind: service }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, public: true, auth: jwt, rate_limit: 10/s, calls: [ { to: reports, timeout: 1s } ] }
              reports: { kind: service }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.4, public: true, health_check: /healthz }
              catalogue: { kind: service, image: shop/catalogue:1.4, health_check: /healthz }
            """, importedFrom: .compose)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard !context.isImported else { return [] }
        var entries = Set<String>()
        for flow in context.model.flows { entries.insert(flow.entry) }
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() {
            guard !component.isPublic, !entries.contains(component.name), context.graph.callers[index].isEmpty,
                  context.graph.consumed[index].isEmpty, component.kind != .observability else { continue }
            // Topics and queues without publishers are reported only when nobody consumes them either.
            if component.kind.isMessaging, !context.graph.consumers[index].isEmpty { continue }
            let text = "nothing calls \(component.name), consumes from it or enters the system through it"
            findings.append(finding(text, components: [component.name], at: component.location))
        }
        return findings
    }
}

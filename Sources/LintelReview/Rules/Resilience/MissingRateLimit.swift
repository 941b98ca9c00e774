import LintelModel

/// A public entry point that accepts any amount of traffic.
public struct MissingRateLimit: Rule {
    public static let description = RuleDescription(
        id: "missing-rate-limit", title: "No rate limit at a public entry point", category: .resilience, severity: .warning,
        rationale: "Without a rate limit at the edge, one misbehaving client, a retry storm or a scraper takes the whole system to saturation; rejecting the excess early and cheaply keeps the rest served. CDNs and object storage are left out (their provider limits them), and so are deployments imported from docker-compose or Kubernetes, whose rate limits live in proxy or code configuration those files do not show.",
        remedy: "Set `rate_limit` on the public entry (per client where possible), a little above the peak the system is sized for.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway: { kind: gateway, public: true, auth: jwt, tls: true }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway: { kind: gateway, public: true, auth: jwt, tls: true, rate_limit: 500/s }
              assets: { kind: cdn, public: true, tls: true }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.4, public: true, health_check: /healthz }
            """, importedFrom: .compose)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard !context.isImported else { return [] }
        var findings: [Finding] = []
        for component in context.components where component.isPublic && component.rateLimit == nil && component.kind.category == .compute {
            let peak = context.capacity.flows.filter { $0.entry == component.name }.compactMap(\.ratePeak.value).reduce(0, +)
            let figure = peak > 0 ? " (flows entering here peak at \(UnitFormat.rate(peak)))" : ""
            let text = "public \(component.kind.rawValue) \(component.name) has no rate limit\(figure)"
            findings.append(finding(text, components: [component.name], at: component.location(of: "public")))
        }
        return findings
    }
}

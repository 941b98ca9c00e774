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
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway: { kind: gateway, public: true, auth: jwt, tls: true, calls: [ { to: api, timeout: 1s } ] }
              api: { kind: service }
            flows:
              browse: { entry: gateway, route: [api], rate: 50/s, peak: 400/s }
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
        for (index, component) in context.components.enumerated()
        where component.isPublic && component.rateLimit == nil && component.kind.category == .compute {
            // The capacity report's arrival rate at peak, when any flow brings load here.
            let peak = context.capacity(of: index).map(\.arrivalPeak).flatMap { ($0.value ?? 0) > 0 ? $0 : nil }
            let figure = peak.map { " (\(Figures.text($0)) arrive at peak)" } ?? ""
            let text = "public \(component.kind.rawValue) \(component.name) has no rate limit\(figure)"
            findings.append(finding(text, components: [component.name], at: component.location(of: "public"), figures: peak.map { [$0] } ?? []))
        }
        return findings
    }
}

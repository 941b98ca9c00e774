import LintelModel

/// A public entry point that lets anyone in.
public struct PublicWithoutAuth: Rule {
    public static let description = RuleDescription(
        id: "public-without-auth", title: "Public component without authentication", category: .security, severity: .error,
        rationale: "A component reachable from the internet without authentication serves anyone who finds it: scrapers, credential stuffers, and attackers probing the services behind it. A public load balancer or gateway that passes traffic only to services that authenticate themselves is fine and is not reported; CDNs and object storage are left out, and so are deployments imported from docker-compose or Kubernetes: authentication lives in code or proxy configuration those files do not show, so the import lists it as unknown.",
        remedy: "Authenticate at the entry (`auth: jwt`, `oidc`, `api-key`, `mtls`) or in every service it forwards to; if the endpoint is public by design (a landing page), accept the finding with the reason.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, public: true, tls: true, rate_limit: 100/s }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              lb: { kind: load-balancer, public: true, tls: true, rate_limit: 100/s, calls: [ { to: api, timeout: 1s } ] }
              api: { kind: service }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              lb: { kind: load-balancer, public: true, tls: true, rate_limit: 100/s, calls: [ { to: api, timeout: 1s } ] }
              api: { kind: service, auth: session }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.4, public: true, health_check: /healthz }
            """, importedFrom: .kubernetes)])

    public init() {}

    static func authenticates(_ component: Component) -> Bool {
        component.auth != nil && component.auth != AuthMethod.none
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        guard !context.isImported else { return [] }
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated()
        where component.isPublic && component.kind.category == .compute && !Self.authenticates(component) {
            let targets = context.syncTargets(of: index)
            let open = targets.filter { !Self.authenticates(context.component($0)) && context.component($0).kind.category == .compute }
            if !targets.isEmpty, open.isEmpty { continue }
            let behind = open.isEmpty ? "" : " and forwards to \(context.names(open).joined(separator: ", ")), which do not authenticate either"
            let stated = component.auth == AuthMethod.none ? "has auth: none" : "states no authentication"
            let text = "public \(component.kind.rawValue) \(component.name) \(stated)\(behind)"
            findings.append(finding(text, components: [component.name] + context.names(open), at: component.location(of: component.keyLocations["auth"] != nil ? "auth" : "public")))
        }
        return findings
    }
}

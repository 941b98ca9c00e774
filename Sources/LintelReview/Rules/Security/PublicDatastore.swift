import LintelModel

/// A datastore the internet can reach: published on all interfaces, or queried directly by a
/// public gateway.
public struct PublicDatastore: Rule {
    public static let description = RuleDescription(
        id: "public-datastore", title: "Datastore reachable from the public side", category: .security, severity: .error,
        rationale: "Databases and caches are built for trusted clients: a public one is found by internet scanners within hours (exposed Redis, MongoDB and Elasticsearch are among the most common breaches). A public component that queries a store directly puts one injection bug between the internet and all the data.",
        remedy: "Keep stores on a private network (`public: false`) and put a service with authentication and input validation between the public entry and the data.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              db: { kind: postgres, public: true, backups: daily }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway: { kind: gateway, public: true, auth: jwt, tls: true, rate_limit: 100/s, calls: [ { to: cache, timeout: 10ms } ] }
              cache: { kind: redis }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: acme/web:4, public: true, calls: [ db ] }
              db: { kind: postgres, image: postgres:16, volumes: [ /var/lib/postgresql/data ] }
            """, importedFrom: .compose), RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway: { kind: gateway, public: true, auth: jwt, tls: true, rate_limit: 100/s, calls: [ { to: api, timeout: 1s } ] }
              api: { kind: service, calls: [ { to: db, timeout: 100ms } ] }
              db: { kind: postgres, backups: daily }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() {
            if component.isPublic, component.kind.isDatastore {
                let text = "\(component.kind.rawValue) \(component.name) is public"
                findings.append(finding(text, components: [component.name], at: component.location(of: "public")))
            }
            // An application reading its own database is the normal design; a public entry that
            // only routes (gateway, load balancer, CDN) querying a store directly is not.
            guard component.isPublic, component.kind == .gateway || component.kind == .loadBalancer || component.kind == .cdn else { continue }
            for (_, call, edge) in context.calls(of: index) {
                let store = context.component(edge.target)
                guard store.kind.category == .database || store.kind.category == .cache, !store.isPublic else { continue }
                let text = "public \(component.kind.rawValue) \(component.name) calls \(store.kind.rawValue) \(store.name) directly"
                findings.append(finding(text, components: [store.name, component.name], at: call.location))
            }
        }
        return findings
    }
}

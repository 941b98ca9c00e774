import LintelModel

/// A stateful component whose data lives on storage that disappears with the container.
public struct EphemeralDatastoreStorage: Rule {
    public static let description = RuleDescription(
        id: "ephemeral-datastore-storage", title: "Store without a persistent volume", category: .operability, severity: .error,
        rationale: "A database, broker or coordination service whose data directory is not on a persistent volume loses everything when its container is recreated — on an upgrade, a node drain or `docker compose down`. Reported when the mounted volumes are all ephemeral or host paths, or, for imported deployments, when the store mounts no volume at all. Deployment files cannot say whether a Redis is a disposable cache or the only copy of carts and sessions, so on imported deployments a Redis not named as a cache is reported too, as a warning.",
        remedy: "Mount the data directory on a persistent volume (a named volume, a PersistentVolumeClaim or a StatefulSet volume claim template), or use a managed service.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              db: { kind: postgres, backups: daily, volumes: [ { mount: /var/lib/postgresql/data, type: ephemeral } ] }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.4, calls: [ db ] }
              db: { kind: postgres, image: postgres:16 }
            """, importedFrom: .compose), RuleExample("""
            lintel: 1
            system: demo
            components:
              cart: { kind: service, image: shop/cart:1.0, calls: [ redis-cart ] }
              redis-cart: { kind: redis, image: "redis:alpine", volumes: [ { mount: /data, type: ephemeral } ] }
            """, importedFrom: .kubernetes)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              db: { kind: postgres, backups: daily, volumes: [ /var/lib/postgresql/data ] }
              cache: { kind: redis, volumes: [ { mount: /data, type: ephemeral } ] }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.4, calls: [ page-cache, sessions ] }
              page-cache: { kind: redis, image: "redis:7" }
              sessions: { kind: memcached, image: "memcached:1.6" }
            """, importedFrom: .compose)])

    public init() {}

    static func needsPersistence(_ kind: ComponentKind) -> Bool {
        kind.isStateful && kind.category != .channel && kind != .dynamodb
    }

    /// An imported Redis not named as a cache: it may hold the only copy of carts or sessions.
    static func mayHoldData(_ component: Component, _ context: ReviewContext) -> Bool {
        context.isImported && component.kind == .redis && !component.name.lowercased().contains("cache")
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for component in context.components where Self.needsPersistence(component.kind) || Self.mayHoldData(component, context) {
            guard !component.volumes.contains(where: { $0.kind == .persistent }) else { continue }
            let text: String
            if !component.volumes.isEmpty {
                let kinds = Set(component.volumes.map(\.kind.rawValue)).sorted().joined(separator: ", ")
                text = "\(component.kind.rawValue) \(component.name) keeps its data on \(kinds) volumes only; it is lost when the container is recreated"
            } else if context.isImported {
                text = "\(component.kind.rawValue) \(component.name) mounts no volume; its data lives in the container and is lost when it is recreated"
            } else {
                continue
            }
            let location = component.volumes.first?.location ?? component.location(of: component.keyLocations["volumes"] != nil ? "volumes" : "image")
            findings.append(finding(text, components: [component.name], at: location,
                                    severity: Self.needsPersistence(component.kind) ? nil : .warning))
        }
        return findings
    }
}

import LintelModel

/// A stateful component whose data lives on storage that disappears with the container.
public struct EphemeralDatastoreStorage: Rule {
    public static let description = RuleDescription(
        id: "ephemeral-datastore-storage", title: "Store without a persistent volume", category: .operability, severity: .error,
        rationale: "A database, broker or coordination service whose data directory is not on a persistent volume loses everything when its container is recreated — on an upgrade, a node drain or `docker compose down`. Reported when the mounted volumes are all ephemeral or host paths, or, for imported deployments, when the store mounts no volume at all. Deployment files cannot say whether a Redis is a disposable cache or the only copy of carts and sessions, so on imported deployments a Redis not named as a cache is reported too, as a warning; so is an application whose image keeps its data in a file database inside the container by default (Etherpad's `dirty` database, n8n's SQLite) when no database is configured and no volume is mounted.",
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
            """, importedFrom: .kubernetes), RuleExample("""
            lintel: 1
            system: demo
            components:
              pads: { kind: service, image: "etherpad/etherpad:2.0.3", env: { TITLE: Pads } }
            """, importedFrom: .compose)],
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
            """, importedFrom: .compose), RuleExample("""
            lintel: 1
            system: demo
            components:
              pads: { kind: service, image: "etherpad/etherpad:2.0.3", env: { DB_TYPE: postgres }, calls: [ db ] }
              db: { kind: postgres, image: "postgres:16", volumes: [ /var/lib/postgresql/data ] }
            """, importedFrom: .compose)])

    public init() {}

    static func needsPersistence(_ kind: ComponentKind) -> Bool {
        kind.isStateful && kind.category != .channel && kind != .dynamodb
    }

    /// An imported Redis not named as a cache: it may hold the only copy of carts or sessions.
    static func mayHoldData(_ component: Component, _ context: ReviewContext) -> Bool {
        context.isImported && component.kind == .redis && !component.name.lowercased().contains("cache")
    }

    /// Application images that keep their users' data in a file database inside the container unless an
    /// external database is configured: image repository → the variables that configure one. (Etherpad's
    /// settings.json.docker defaults `dbType` to `dirty`, var/dirty.db; n8n and Uptime Kuma use SQLite under
    /// their data directory.)
    static let embeddedStoreImages: [String: [String]] = [
        "etherpad/etherpad": ["DB_TYPE"], "etherpad/etherpad-lite": ["DB_TYPE"], "n8nio/n8n": ["DB_TYPE"],
        "louislam/uptime-kuma": [],
    ]

    /// An imported application whose image keeps its data in a file database inside the container, with
    /// no external database configured and no persistent or host volume: what it stores is lost with the container.
    static func embeddedStore(_ component: Component, _ context: ReviewContext) -> Bool {
        guard context.isImported, component.kind.category == .compute, let repository = ApplicationRoles.repository(component),
              let databaseVariables = embeddedStoreImages[repository.organisation + "/" + repository.name],
              !component.env.contains(where: { databaseVariables.contains($0.name.uppercased()) }) else { return false }
        return !component.volumes.contains { $0.kind == .persistent || $0.kind == .host }
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for component in context.components where Self.embeddedStore(component, context) {
            let text = "\(component.name) keeps its data in a file database inside the container (its image's default, no database configured) "
                + "and mounts no persistent volume; it is lost when the container is recreated"
            findings.append(finding(text, components: [component.name], at: component.location(of: "image"), severity: .warning))
        }
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

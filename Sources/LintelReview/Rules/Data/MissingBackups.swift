import LintelModel

/// A database with no backups.
public struct MissingBackups: Rule {
    public static let description = RuleDescription(
        id: "missing-backups", title: "Database without backups", category: .data, severity: .error,
        rationale: "Replicas copy mistakes as faithfully as data: a bad migration, a `DELETE` without `WHERE` or ransomware reaches every replica in milliseconds. Only a backup (ideally continuous, for point-in-time recovery) brings the data back. Databases only ever read from (read replicas) are not reported, and neither are deployments imported from docker-compose or Kubernetes: backup jobs live outside those files, so the import lists backups as unknown instead.",
        remedy: "Set `backups: continuous` (point-in-time recovery) or at least `daily`, and test restoring them.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: db, timeout: 200ms } ] }
              db: { kind: postgres, replicas: 1 }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: db, timeout: 200ms }, { to: reporting, timeout: 1s, operation: read } ] }
              db: { kind: postgres, replicas: 1, backups: continuous }
              reporting: { kind: postgres, backups: none }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.4, calls: [ db ] }
              db: { kind: postgres, image: postgres:16, volumes: [ /var/lib/postgresql/data ] }
            """, importedFrom: .compose)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard !context.isImported else { return [] }
        var findings: [Finding] = []
        for (index, store) in context.components.enumerated()
        where store.kind.category == .database && (store.backups == nil || store.backups == BackupPolicy.none) {
            if Self.isReadOnly(index, context) { continue }
            let text = store.backups == nil ? "\(store.name) (\(store.kind.rawValue)) states no backup policy" : "\(store.name) (\(store.kind.rawValue)) is not backed up"
            findings.append(finding(text, components: [store.name], at: store.location(of: "backups")))
        }
        return findings
    }

    /// True when every call to the store is a read: it holds a copy, not the system of record.
    static func isReadOnly(_ index: Int, _ context: ReviewContext) -> Bool {
        let callers = context.graph.callers[index]
        guard !callers.isEmpty else { return false }
        let name = context.component(index).name
        return callers.allSatisfy { caller in
            context.component(caller).calls.allSatisfy { $0.to != name || $0.operation == .read }
        }
    }
}

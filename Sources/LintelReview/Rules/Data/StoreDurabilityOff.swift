import LintelModel

/// A store run with its durability switched off, or a Redis that evicts keys under memory pressure.
public struct StoreDurabilityOff: Rule {
    public static let description = RuleDescription(
        id: "store-durability-off", title: "Store durability switched off", category: .data, severity: .error,
        rationale: "PostgreSQL with `fsync=off` or `full_page_writes=off` can lose committed transactions and corrupt the whole cluster on a crash or power loss, volume or not; `synchronous_commit=off` loses the last commits. A Redis with an evicting `maxmemory-policy` (`allkeys-lru`, `volatile-*`) deletes keys when memory fills: harmless for a cache, silent data loss when it also holds job queues, locks or sessions.",
        remedy: "Remove the flags (they are for throw-away test databases); give Redis `maxmemory-policy noeviction` when it holds anything but cache entries, or split the cache from the queue.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              db: { kind: postgres, image: "postgres:16", command: "postgres -c fsync=off -c full_page_writes=off" }
            """, importedFrom: .compose), RuleExample("""
            lintel: 1
            system: demo
            components:
              redis: { kind: redis, image: "redis:7.4.7", command: "redis-server --maxmemory 512mb --maxmemory-policy allkeys-lru" }
            """, importedFrom: .compose)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              db: { kind: postgres, image: "postgres:16", command: "postgres -c max_connections=200" }
              redis: { kind: redis, image: "redis:7.4.7", command: "redis-server --maxmemory-policy noeviction" }
            """, importedFrom: .compose)])

    public init() {}

    /// The durability flags a command line switches off.
    static func flags(_ command: String) -> [String] {
        let words = command.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" })
        let off: Set<String> = ["fsync=off", "synchronous_commit=off", "full_page_writes=off", "--innodb-flush-log-at-trx-commit=0",
                                "innodb_flush_log_at_trx_commit=0", "--appendfsync=no"]
        return words.map(String.init).filter { off.contains($0) }
    }

    /// The evicting policy a Redis command line sets, or `nil`.
    static func evictingPolicy(_ command: String) -> String? {
        let words = command.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        guard let index = words.firstIndex(of: "--maxmemory-policy"), index + 1 < words.count else { return nil }
        let policy = words[index + 1]
        return policy == "noeviction" ? nil : policy
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for component in context.components where component.kind.isDatastore {
            guard let command = component.command else { continue }
            let location = component.location(of: "command")
            let flags = Self.flags(command)
            if !flags.isEmpty {
                findings.append(finding("\(component.name) runs with \(flags.joined(separator: ", ")): a crash can lose committed writes or corrupt its data",
                                        components: [component.name], at: location))
            }
            if component.kind == .redis, let policy = Self.evictingPolicy(command) {
                findings.append(finding("\(component.name) evicts keys under memory pressure (maxmemory-policy \(policy)): queued jobs, locks and sessions it holds are dropped with the cache entries",
                                        components: [component.name], at: location, severity: .warning))
            }
        }
        return findings
    }
}

import LintelCapacity
import LintelModel

/// Callers may open more connections than the store accepts.
public struct ConnectionExhaustion: Rule {
    public static let description = RuleDescription(
        id: "connection-exhaustion", title: "Connection pools exceed max_connections", category: .capacity, severity: .error,
        rationale: "Every caller instance keeps its pool of connections open; when Σ instances × pool exceeds the store's max_connections, the instances that start last (after a deploy or a scale-out) fail to connect, usually exactly at peak when autoscaling adds instances.",
        remedy: "Shrink the pools (Little's law gives what is really in use), raise max_connections within the server's memory, or put a connection pooler (PgBouncer) in front of the store.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 12, calls: [ { to: db, timeout: 200ms, pool: 10 } ] }
              db: { kind: postgres, max_connections: 100 }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 8, calls: [ { to: db, timeout: 200ms, pool: 10 } ] }
              db: { kind: postgres, max_connections: 100 }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for budget in context.capacity.connections where budget.exceeded {
            guard let index = context.index[budget.store], budget.maxConnections.value != nil, budget.requested.value != nil else { continue }
            let store = context.component(index)
            let callerFigures = budget.callers.map { caller in
                (instances: Figure(Double(caller.instances), .count, "given: \(caller.component).instances"),
                 pool: Figure(Double(caller.pool), .count, "given: \(caller.component) pool (\(caller.poolSource))"))
            }
            let terms = zip(budget.callers, callerFigures).map { "\($0.component) \(Figures.text($1.instances)) × \(Figures.text($1.pool))" }
                .joined(separator: " + ")
            let text = "\(budget.store) accepts \(Figures.text(budget.maxConnections)) connections but its callers open \(Figures.text(budget.requested)) (\(terms))"
            let key = store.keyLocations["max_connections"] != nil ? "max_connections" : "kind"
            findings.append(finding(text, components: [budget.store] + budget.callers.map(\.component), at: store.location(of: key),
                                    figures: [budget.maxConnections, budget.requested] + callerFigures.flatMap { [$0.instances, $0.pool] }))
        }
        return findings
    }
}

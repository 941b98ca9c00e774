import LintelCapacity
import LintelModel

/// A flow that must read strongly, served by a cache holding the only copy or by a store filled asynchronously.
public struct CacheAsSourceOfTruth: Rule {
    public static let description = RuleDescription(
        id: "cache-as-source-of-truth", title: "Cache or asynchronous copy as the source of truth under strong consistency", category: .data, severity: .error,
        rationale: "Under `consistency: strong` (the requirements' or the flow's own) a read must see every acknowledged write. Two designs cannot give that. A cache-kind store (Redis, Memcached) that none of its callers backs with a database holds the only copy: it replicates asynchronously, so a failover loses acknowledged writes, and an evicting memory policy drops them silently — an error when it runs without a replica (a restart loses everything), a warning when replicated (a failover loses the last writes: a flash sale oversells a few items). A database the flow reads synchronously whose every writer is a consumer of a topic or queue is a copy filled asynchronously (a CQRS read model, a search index): it lags its source by the consumer's delay, so the flow reads the past (warning). Replica reads of one database are `stale-replica-reads`.",
        remedy: "Keep the data of record in a database and use the cache only in front of it (cache-aside, `on_miss`), or relax the flow to `consistency: eventual` if the business allows; for a read model, read the flow's strongly consistent data from the store of record (or the writer's answer), and keep the asynchronous copy for listings and search.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { consistency: strong }
            components:
              sessions: { kind: service, calls: [ { to: session-store, timeout: 100ms, operation: read-write } ] }
              session-store: { kind: redis }
            flows:
              login: { entry: sessions, rate: 50/s }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: orders-db, timeout: 1s, operation: write }, { to: order-search, timeout: 1s, operation: read } ], publishes: [ order-events ] }
              orders-db: { kind: postgres }
              order-events: { kind: topic, consumers: [ indexer ] }
              indexer: { kind: worker, calls: [ { to: order-search, timeout: 1s, operation: write } ] }
              order-search: { kind: elasticsearch }
            flows:
              place: { entry: api, rate: 20/s, consistency: strong }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { consistency: strong }
            components:
              sessions: { kind: service, calls: [ { to: session-store, timeout: 100ms, hit_ratio: 0.9 }, { to: users-db, timeout: 1s, on_miss: session-store } ] }
              session-store: { kind: redis }
              users-db: { kind: postgres }
            flows:
              login: { entry: sessions, rate: 50/s }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: orders-db, timeout: 1s, operation: write }, { to: order-search, timeout: 1s, operation: read } ], publishes: [ order-events ] }
              orders-db: { kind: postgres }
              order-events: { kind: topic, consumers: [ indexer ] }
              indexer: { kind: worker, calls: [ { to: order-search, timeout: 1s, operation: write } ] }
              order-search: { kind: elasticsearch }
            flows:
              place: { entry: api, rate: 20/s, consistency: eventual }
            """)])

    public init() {}

    /// True when some caller of `node` also calls a database or object store: the cache has a copy of record behind it.
    static func isBacked(_ node: Int, context: ReviewContext) -> Bool {
        context.graph.callers[node].contains { caller in
            context.calls(of: caller).contains { entry in
                let kind = context.component(entry.edge.target).kind
                return kind.category == .database || kind == .objectStorage
            }
        }
    }

    /// The components that write `store` (a call whose `operation` is not `read`), in caller order.
    static func writers(of store: Int, context: ReviewContext) -> [Int] {
        context.graph.callers[store].filter { caller in
            context.calls(of: caller).contains { $0.edge.target == store && $0.call.operation != .read }
        }
    }

    /// True when a component's only work arrives as deliveries from topics or queues: nobody calls it and no flow enters at it.
    static func onlyConsumes(_ node: Int, context: ReviewContext) -> Bool {
        !context.graph.consumed[node].isEmpty && context.graph.callers[node].isEmpty
            && !context.semantics.flows.contains { $0.hops.first == node }
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<Int>()
        let edgeRates = context.semantics.edgeRates(flowRates: RateLimitExceeded.peakRates(context.model))
        for resolved in context.semantics.flows {
            let flow = context.model.flows[resolved.index]
            guard (flow.consistency ?? context.model.requirements.consistency) == .strong else { continue }
            for (e, rate) in resolved.unitEdgeRates where rate > 0 {
                let edge = context.graph.edges[e]
                guard edge.kind != .delivery, !reported.contains(edge.target), let call = context.semantics.call(e) else { continue }
                let store = context.component(edge.target)
                let peak = e < edgeRates.count && edgeRates[e].isFinite ? edgeRates[e] : 0
                let figure = Figure(peak, .perSecond, "calls from \(context.component(edge.source).name) to \(store.name) at peak, all flows (Σ peak × calls per request)")
                if store.kind.category == .cache, !Self.isBacked(edge.target, context: context) {
                    reported.insert(edge.target)
                    let text = "\(store.name) (\(store.kind.rawValue)) holds the only copy of the data flow \(flow.name) uses under strong consistency: no caller backs it with a database, and a cache replicates asynchronously and evicts"
                    findings.append(finding(text, components: [store.name, context.component(edge.source).name], flow: flow.name,
                                            at: call.location, severity: store.replicas > 0 ? .warning : .error, figures: [figure]))
                } else if store.kind.category == .database, edge.waitsForAnswer, call.operation == .read {
                    let writers = Self.writers(of: edge.target, context: context)
                    guard !writers.isEmpty, writers.allSatisfy({ Self.onlyConsumes($0, context: context) }) else { continue }
                    reported.insert(edge.target)
                    let text = "flow \(flow.name) reads \(store.name) under strong consistency, but only \(context.names(writers).joined(separator: ", ")) write\(writers.count == 1 ? "s" : "") it, from messages: an asynchronous copy that lags its source"
                    findings.append(finding(text, components: [store.name] + context.names(writers), flow: flow.name,
                                            at: call.location, severity: .warning, figures: [figure]))
                }
            }
        }
        return findings
    }
}

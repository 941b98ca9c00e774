import LintelCapacity
import LintelModel

/// One cache instance that is also a message queue.
public struct CacheAndBrokerShared: Rule {
    public static let description = RuleDescription(
        id: "cache-and-broker-shared", title: "One cache instance used as both cache and queue", category: .data, severity: .warning,
        rationale: "A cache and a queue want opposite settings from Redis: a cache evicts under memory pressure and needs no persistence; a queue (Celery, Sidekiq, BullMQ, Redis streams) must never lose a key and wants `noeviction` and an append-only file. On one instance one of them is misconfigured — evicted jobs vanish, or a full queue makes cache writes fail — and a cache stampede or a large `KEYS` scan stalls the single-threaded server for the queue's consumers too. Read from the calls: some callers use it as a cache (`hit_ratio`, or an `on_miss` call names it) and others publish to it or poll it as a worker. `store-durability-off` reports the evicting policy itself.",
        remedy: "Run two instances (or two managed clusters): a cache with `maxmemory-policy allkeys-lru` and no persistence, and a queue with `noeviction` and `appendonly yes` — or move the queue to a broker (RabbitMQ, SQS).",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, calls: [ { to: redis, timeout: 50ms, hit_ratio: 0.8 }, { to: redis, mode: async } ] }
              jobs: { kind: worker, calls: [ { to: redis, timeout: 5s } ] }
              redis: { kind: redis }
            flows:
              browse: { entry: web, rate: 100/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, calls: [ { to: cache, timeout: 50ms, hit_ratio: 0.8 }, { to: queue-redis, mode: async } ] }
              jobs: { kind: worker, calls: [ { to: queue-redis, timeout: 5s } ] }
              cache: { kind: redis }
              queue-redis: { kind: redis }
            flows:
              browse: { entry: web, rate: 100/s }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        let edgeRates = context.semantics.edgeRates(flowRates: RateLimitExceeded.peakRates(context.model))
        // Caches an `on_miss` call names, with the component that makes it.
        var missBacked = [Set<Int>](repeating: [], count: context.components.count)
        for (index, component) in context.components.enumerated() {
            for call in component.calls { if let cache = call.onMiss.flatMap({ context.index[$0] }) { missBacked[cache].insert(index) } }
        }
        var findings: [Finding] = []
        for (node, store) in context.components.enumerated() where store.kind.category == .cache {
            var cacheUsers: [Int] = [], queueUsers: [Int] = []
            var lookups = 0.0, messages = 0.0
            for caller in context.graph.callers[node] {
                for entry in context.calls(of: caller) where entry.edge.target == node {
                    let rate = context.graph.callEdges[caller][entry.position]
                        .map { $0 < edgeRates.count && edgeRates[$0].isFinite ? edgeRates[$0] : 0 } ?? 0
                    if entry.call.hitRatio != nil || missBacked[node].contains(caller) {
                        if !cacheUsers.contains(caller) { cacheUsers.append(caller) }
                        lookups += rate
                    } else if entry.call.mode == .async || context.component(caller).kind == .worker {
                        if !queueUsers.contains(caller) { queueUsers.append(caller) }
                        messages += rate
                    }
                }
            }
            guard !cacheUsers.isEmpty, !queueUsers.isEmpty else { continue }
            var figures = [
                Figure(Double(cacheUsers.count), .count, "components using \(store.name) as a cache (hit_ratio or on_miss)"),
                Figure(Double(queueUsers.count), .count, "components using \(store.name) as a queue (publishing to it, or a worker polling it)"),
            ]
            if lookups > 0 { figures.append(Figure(lookups, .perSecond, "cache lookups at peak (Σ flows' peak × calls per request)")) }
            if messages > 0 { figures.append(Figure(messages, .perSecond, "queue operations at peak (Σ flows' peak × calls per request)")) }
            let text = "\(store.name) is both a cache (for \(context.names(cacheUsers).joined(separator: ", "))) and a queue (for \(context.names(queueUsers).joined(separator: ", "))): its eviction and persistence settings cannot suit both"
            let involved = cacheUsers + queueUsers.filter { !cacheUsers.contains($0) }
            findings.append(finding(text, components: [store.name] + context.names(involved), at: store.location, figures: figures))
        }
        return findings
    }
}

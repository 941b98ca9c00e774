import LintelModel

/// Turns the decisions into components, calls, flows and failure scenarios (before sizing).
///
/// Service boundaries follow bounded contexts: each entity is owned by exactly one context's
/// store. Across contexts, a reference (`ref(Entity)`) becomes a synchronous read of the owning
/// service when consistency is strong or read-your-writes, and an event subscription (a local
/// copy kept by a worker) when it may be eventual.
enum TopologyBuilder {
    /// Own work of a service, per request: 5 ms median, 25 ms p99 (a typical CRUD handler without its calls).
    static let serviceLatency = (0.005, 0.025)
    /// Backoff base for retries; full jitter keeps retrying callers from synchronising.
    static let backoffBase = 0.010

    struct Names {
        let inputs: DesignInputs
        let choices: Choices
        var reserved: Set<String> { ["gateway", "app", "app-db", "cache", "worker"] }
        func slug(_ context: String) -> String { Slug.make(context) }
        func service(_ context: String) -> String {
            guard choices.distributed else { return "app" }
            let name = slug(context)
            return reserved.contains(name) ? name + "-service" : name
        }
        func store(_ context: String) -> String {
            if !choices.distributed, choices.stores[context] == .relational { return "app-db" }
            return slug(context) + "-db"
        }
        func cache(_ context: String) -> String { choices.distributed ? slug(context) + "-cache" : "cache" }
        func search(_ context: String) -> String { slug(context) + "-search" }
        func topic(_ context: String) -> String { slug(context) + "-events" }
        func worker(_ context: String) -> String { choices.distributed ? slug(context) + "-worker" : "worker" }
    }

    static func build(_ inputs: DesignInputs, _ choices: Choices) -> Blueprint {
        let names = Names(inputs: inputs, choices: choices)
        let contexts = inputs.contexts
        let publishers = Choices.publishingContexts(inputs, distributed: choices.distributed)
        var components: [PlannedComponent] = []
        func add(_ component: PlannedComponent) {
            if let index = components.firstIndex(where: { $0.name == component.name }) {
                for call in component.calls { merge(call, into: &components[index]) }
            } else {
                components.append(component)
            }
        }
        let regulated = !inputs.compliance.isEmpty
        let internalProtocol = (choices.internalAPI ?? .rest) == .grpc ? "grpcs" : "https"

        // Gateway: the one public entry, authenticating and rate-limiting.
        var gateway = PlannedComponent(name: "gateway", kind: .gateway)
        gateway.description = "Public entry: TLS, JWT authentication, rate limiting, routing by context."
        gateway.instances = 2
        gateway.workers = 1000
        gateway.isPublic = true
        gateway.auth = "jwt"
        gateway.tls = true
        gateway.healthCheck = true
        let growthPeak = inputs.peakRate * inputs.growth12
        gateway.rateLimit = (growthPeak * 1.5).rounded(.up)
        for context in contexts where !gateway.calls.contains(where: { $0.to == names.service(context.name) }) {
            var call = PlannedCall(to: names.service(context.name))
            call.breaker = true
            call.callProtocol = "https"
            call.idempotent = false
            if isBestEffort(context, inputs: inputs) { call.bulkhead = 500 }
            gateway.calls.append(call)
        }
        add(gateway)

        // Services: one per context, or one application for every context.
        var syncEdges: [String: Set<String>] = [:]
        func reaches(_ from: String, _ to: String) -> Bool {
            var seen: Set<String> = [], stack = [from]
            while let next = stack.popLast() {
                if next == to { return true }
                if seen.insert(next).inserted { stack += syncEdges[next, default: []].sorted() }
            }
            return false
        }
        let serviceShare: (ContextProfile) -> Double = { context in
            guard !choices.distributed else { return 1 }
            let total = contexts.reduce(0.0) { $0 + $1.share }
            return total > 0 ? context.share / total : 1
        }
        for context in contexts {
            let name = names.service(context.name)
            var service = PlannedComponent(name: name, kind: .service)
            service.context = choices.distributed ? context.name : nil
            service.team = choices.distributed ? nil : inputs.system
            service.description = choices.distributed ? "Owns the \(context.name) context: \(context.entities.joined(separator: ", "))."
                : "The application: one module per bounded context (\(contexts.map(\.name).joined(separator: ", ")))."
            service.instances = 2
            service.workers = 64
            service.latencyP50 = serviceLatency.0
            service.latencyP99 = serviceLatency.1
            service.healthCheck = true
            service.auditLog = regulated
            let weight = serviceShare(context)
            let readShare = context.reads / max(0.01, context.requests)
            let writeShare = 1 - readShare
            if choices.distributed, inputs.consistency != .eventual {
                for other in context.references {
                    let target = names.service(other)
                    guard target != name, !reaches(target, name) else { continue }
                    syncEdges[name, default: []].insert(target)
                    var call = PlannedCall(to: target)
                    call.retries = 1
                    call.idempotent = true
                    call.breaker = true
                    call.callProtocol = internalProtocol
                    call.operation = "read"
                    call.perRequest = rounded(max(0.01, writeShare))
                    service.calls.append(call)
                }
            }
            let cached = choices.caches[context.name, default: .none] != .none
            if cached {
                var lookup = PlannedCall(to: names.cache(context.name))
                lookup.hitRatio = CacheChoice.hitRatio(context)
                lookup.optional = true
                lookup.callProtocol = "redis"
                lookup.tls = true
                lookup.perRequest = rounded(weight)
                service.calls.append(lookup)
            }
            if context.textSearch {
                var search = PlannedCall(to: names.search(context.name))
                search.retries = 1
                search.idempotent = true
                search.breaker = true
                search.callProtocol = "https"
                search.operation = "read"
                search.perRequest = rounded(max(0.01, weight * readShare))
                service.calls.append(search)
            }
            var store = PlannedCall(to: names.store(context.name))
            var storeShare = context.textSearch ? writeShare : 1
            // One application serving several contexts cannot tie its one store call to one context's lookup:
            // the hits are taken off the store call's expected copies instead (the same load on average).
            if cached, !choices.distributed { storeShare *= 1 - CacheChoice.hitRatio(context) }
            store.perRequest = rounded(max(0.01, weight * storeShare))
            store.operation = context.writes <= 0.01 ? "read" : (context.reads <= 0.01 || context.textSearch) ? "write" : "read-write"
            if store.operation == "read" {
                store.retries = 1
                store.idempotent = true
            }
            store.tls = true
            store.pool = min(10, service.workers ?? 10)
            store.callProtocol = storeProtocol(choices.stores[context.name, default: .relational])
            if cached, choices.distributed { store.onMiss = names.cache(context.name) }
            service.calls.append(store)
            if publishers.contains(context.name) {
                var publish = PlannedCall(to: names.topic(context.name))
                publish.async = true
                publish.perRequest = rounded(max(0.01, min(0.9, weight * writeShare)))
                service.calls.append(publish)
            }
            add(service)
        }

        // Workers: consume events (local copies, side effects), one per consuming context.
        var consumersOf: [String: [String]] = [:]
        for publisher in publishers {
            var workers: [String] = []
            if choices.distributed {
                for context in contexts where context.references.contains(publisher) && context.name != publisher {
                    workers.append(names.worker(context.name))
                }
            }
            if workers.isEmpty { workers.append(names.worker(publisher)) }
            consumersOf[publisher] = workers
        }
        for context in contexts {
            let worker = names.worker(context.name)
            let topics = publishers.filter { consumersOf[$0, default: []].contains(worker) }.map { names.topic($0) }
            guard !topics.isEmpty else { continue }
            if let index = components.firstIndex(where: { $0.name == worker }) {
                components[index].consumes += topics.filter { !components[index].consumes.contains($0) }
                continue
            }
            var component = PlannedComponent(name: worker, kind: .worker)
            component.context = choices.distributed ? context.name : nil
            component.team = choices.distributed ? nil : inputs.system
            component.description = "Consumes events: keeps local copies current and runs side effects, idempotently."
            component.instances = 2
            component.workers = 4
            component.latencyP50 = serviceLatency.0
            component.latencyP99 = serviceLatency.1
            component.consumes = topics
            component.idempotentConsumer = true
            component.healthCheck = true
            var write = PlannedCall(to: names.store(context.name))
            write.operation = "write"
            write.tls = true
            write.pool = component.workers
            write.callProtocol = storeProtocol(choices.stores[context.name, default: .relational])
            component.calls = [write]
            add(component)
        }

        // Stores, caches, search indexes, topics.
        for context in contexts {
            let choice = choices.stores[context.name, default: .relational]
            let name = names.store(context.name)
            var store = components.first { $0.name == name } ?? PlannedComponent(name: name, kind: choice.kind(managed: inputs.managedServices))
            store.description = "Owns " + contexts.filter { names.store($0.name) == name }.flatMap(\.entities).joined(separator: ", ") + "."
            store.replicas = inputs.availability >= 0.9999 ? 2 : 1
            store.backups = inputs.compliance.contains(.pciDss) || inputs.compliance.contains(.sox) || context.writes >= 100 ? "continuous" : "daily"
            store.encrypted = true
            store.auditLog = regulated
            if context.sensitive {
                for tag in sensitiveTags(inputs) where !store.holds.contains(tag) { store.holds.append(tag) }
            }
            if choice == .relational {
                store.maxConnections = 100
                store.pool = 10
            }
            if let index = components.firstIndex(where: { $0.name == name }) { components[index] = store } else { components.append(store) }
        }
        for context in contexts where choices.caches[context.name, default: .none] != .none {
            var cache = PlannedComponent(name: names.cache(context.name), kind: .redis)
            cache.description = "Cache-aside for reads; \(choices.caches[context.name]?.rawValue ?? "")."
            cache.replicas = 1
            if !components.contains(where: { $0.name == cache.name }) { components.append(cache) }
        }
        for context in contexts where context.textSearch {
            var search = PlannedComponent(name: names.search(context.name), kind: .elasticsearch)
            search.description = "Search index (CQRS read model) for \(context.name), fed from its events."
            search.replicas = 1
            search.encrypted = true
            components.append(search)
        }
        for publisher in publishers {
            let broker = choices.broker ?? .kafka
            var topic = PlannedComponent(name: names.topic(publisher), kind: broker == .sqs ? .queue : .topic)
            topic.description = "Domain events of \(publisher), written through an outbox."
            topic.broker = broker.broker
            topic.partitions = broker == .kafka ? 12 : nil
            topic.consumers = consumersOf[publisher, default: []]
            topic.deadLetter = true
            topic.maxDeliveries = 5
            components.append(topic)
        }

        let flows = contexts.map { context in
            PlannedFlow(name: names.slug(context.name) + "-requests", route: [names.service(context.name)],
                        rate: max(0.001, inputs.averageRate * context.share), peak: max(0.001, inputs.peakRate * context.share),
                        critical: !isBestEffort(context, inputs: inputs))
        }
        var blueprint = Blueprint(components: components, flows: flows, scenarios: [])
        Resilience.assignTimeouts(&blueprint, budget: inputs.latencyP99)
        Resilience.repairInversions(&blueprint)
        return blueprint
    }

    /// One application serving several contexts makes one call per callee: expected copies add up,
    /// hit ratios average by copies, and a mix of reads and writes is neither retried nor idempotent.
    static func merge(_ call: PlannedCall, into component: inout PlannedComponent) {
        guard let index = component.calls.firstIndex(where: { $0.to == call.to }) else {
            component.calls.append(call)
            return
        }
        var existing = component.calls[index]
        let total = existing.perRequest + call.perRequest
        if let a = existing.hitRatio, let b = call.hitRatio, total > 0 {
            existing.hitRatio = ((a * existing.perRequest + b * call.perRequest) / total * 100).rounded(.down) / 100
        }
        existing.perRequest = min(10, rounded(total))
        if existing.operation != call.operation {
            existing.operation = "read-write"
            existing.retries = 0
            existing.idempotent = nil
        }
        component.calls[index] = existing
    }

    /// Read-only or read-mostly (≥ 10 reads per write) contexts serve best-effort traffic when others exist;
    /// a bulkhead at the gateway keeps them from taking the workers critical flows need.
    static func isBestEffort(_ context: ContextProfile, inputs: DesignInputs) -> Bool {
        inputs.contexts.count > 1 && context.reads >= 10 * max(0.01, context.writes)
    }

    static func storeProtocol(_ choice: StoreChoice) -> String {
        choice == .relational || choice == .columnar ? "sql" : "tcp"
    }

    static func sensitiveTags(_ inputs: DesignInputs) -> [String] {
        var tags = ["pii"]
        if inputs.compliance.contains(.pciDss) { tags.append("payment") }
        if inputs.compliance.contains(.hipaa) { tags.append("health") }
        return tags
    }

    /// Two decimals, at least 0.01 so a small share never becomes zero.
    static func rounded(_ value: Double) -> Double { max(0.01, (value * 100).rounded() / 100) }
}

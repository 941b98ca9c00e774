import Foundation

/// Builds a `Component` and its calls from a validated mapping.
struct ComponentBuilder {
    func component(name: String, at location: SourceLocation, _ tree: YAMLTree) -> Component {
        let fields = FieldReader(tree)
        let kind = fields.enumeration("kind", ComponentKind.self) ?? .service
        var component = Component(name: name, kind: kind, location: location)
        component.keyLocations = fields.keyLocations
        component.description = fields.string("description")
        component.context = fields.string("context")
        component.team = fields.string("team")
        component.technology = fields.string("technology")
        component.image = fields.string("image")
        component.instances = fields.int("instances") ?? 1
        if let workers = fields.int("workers") { component.workers = workers }
        component.queueLimit = fields.int("queue")
        if let node = fields["latency"], let latency = latency(node) { component.latency = latency }
        if let availability = fields.fraction("availability", kind: .percent) { component.availability = availability }
        component.loadBalancing = fields.enumeration("load_balancing") ?? .roundRobin
        if let node = fields["autoscale"], node.entries != nil {
            let scale = FieldReader(node)
            component.autoscale = Autoscale(min: scale.int("min") ?? 1, max: scale.int("max") ?? 1,
                                            targetUtilisation: scale.fraction("target", kind: .percent))
        }
        component.isPublic = fields.bool("public") ?? false
        component.auth = fields.enumeration("auth")
        component.rateLimit = fields.rate("rate_limit")
        component.tls = fields.bool("tls")
        if let node = fields["health_check"] { component.healthCheck = healthCheck(node) }
        if let node = fields["security"], node.entries != nil {
            let security = FieldReader(node)
            component.security = SecurityContext(runAsNonRoot: security.bool("run_as_non_root"),
                                                 readOnlyRootFilesystem: security.bool("read_only_root_filesystem"),
                                                 privileged: security.bool("privileged"))
        }
        component.auditLog = fields.bool("audit_log")
        component.calls = (fields["calls"]?.items ?? []).compactMap { call($0, defaultMode: nil) }
            + (fields["publishes"]?.items ?? []).compactMap { call($0, defaultMode: .async) }
        component.consumes = fields.strings("consumes")
        component.idempotentConsumer = fields.bool("idempotent_consumer")
        component.outbox = fields.bool("outbox")
        component.replicas = fields.int("replicas") ?? 0
        component.readFromReplicas = fields.bool("read_from_replicas") ?? false
        component.backups = fields.enumeration("backups")
        component.encrypted = fields.bool("encrypted")
        component.maxConnections = fields.int("max_connections") ?? KindDefaults.for(kind).maxConnections
        component.pool = fields.int("pool")
        component.storage = fields.size("storage")
        component.dataGrowth = fields.dataGrowth("data_growth")
        component.retention = fields.duration("retention")
        component.holds = fields.strings("holds")
        component.partitionKey = fields.string("partition_key")
        component.broker = fields.enumeration("broker")
        component.partitions = fields.int("partitions")
        component.partitionThroughput = fields.rate("partition_throughput")
        component.consumers = fields.strings("consumers")
        component.deadLetter = fields.bool("dead_letter")
        component.maxDeliveries = fields.int("max_deliveries") ?? 5
        component.delivery = fields.enumeration("delivery") ?? .atLeastOnce
        component.volumes = (fields["volumes"]?.items ?? []).compactMap(volume)
        if let node = fields["resources"], node.entries != nil {
            let resources = FieldReader(node)
            component.resources = Resources(cpuRequest: resources.count("cpu", kind: .cpu), memoryRequest: resources.size("memory"),
                                            cpuLimit: resources.count("cpu_limit", kind: .cpu), memoryLimit: resources.size("memory_limit"))
        }
        component.env = (fields["env"]?.entries ?? []).map { entry in
            if let secret = entry.value["secret"]?.scalar {
                return EnvironmentVariable(name: entry.key, value: nil, fromSecret: true, location: entry.keyLocation)
                    .with(reference: secret)
            }
            return EnvironmentVariable(name: entry.key, value: entry.value.scalar ?? "", location: entry.keyLocation)
        }
        component.ports = (fields["ports"]?.items ?? []).compactMap { $0.scalar.flatMap(ScalarValue.int) }
        component.disruptionBudget = fields.bool("disruption_budget")
        component.job = fields.bool("job") ?? false
        component.restart = fields.enumeration("restart")
        component.command = fields.string("command")
        return component
    }

    func latency(_ tree: YAMLTree) -> Latency? {
        if let text = tree.scalar {
            guard case .duration(let mean)? = try? QuantityParser.parse(text, as: .duration).get(), mean.seconds > 0 else { return nil }
            // Exponential with this mean: median = mean·ln 2, p99 = mean·ln 100.
            return Latency(p50: TimeSpan(seconds: mean.seconds * log(2)), p99: TimeSpan(seconds: mean.seconds * log(100)), distribution: .exponential)
        }
        let fields = FieldReader(tree)
        guard let p50 = fields.duration("p50") else { return nil }
        let p99 = fields.duration("p99") ?? TimeSpan(seconds: p50.seconds * 5)
        return Latency(p50: p50, p99: p99, distribution: fields.enumeration("distribution") ?? .lognormal)
    }

    func healthCheck(_ tree: YAMLTree) -> HealthCheck? {
        if let text = tree.scalar {
            if let flag = ScalarValue.bool(text) { return flag ? HealthCheck() : nil }
            return HealthCheck(path: text)
        }
        let fields = FieldReader(tree)
        return HealthCheck(path: fields.string("path"), liveness: fields.bool("liveness") ?? true, readiness: fields.bool("readiness") ?? true)
    }

    func volume(_ tree: YAMLTree) -> Volume? {
        if let text = tree.scalar { return Volume(mount: text, kind: .persistent, location: tree.location) }
        let fields = FieldReader(tree)
        guard let mount = fields.string("mount") else { return nil }
        return Volume(mount: mount, kind: fields.enumeration("type") ?? .persistent, source: fields.string("source"), location: tree.location)
    }

    /// A call from its short form (a component name) or its mapping; `defaultMode` is `async` for publishes.
    func call(_ tree: YAMLTree, defaultMode: CallMode?) -> Call? {
        if let name = tree.scalar {
            var call = Call(to: name, mode: defaultMode ?? .sync, location: tree.location)
            call.keyLocations["to"] = tree.location
            return call
        }
        guard tree.entries != nil else { return nil }
        let fields = FieldReader(tree)
        guard let target = fields.string("to") else { return nil }
        let explicitMode: CallMode? = fields.enumeration("mode")
        var call = Call(to: target, mode: explicitMode ?? defaultMode ?? .sync, location: tree.location)
        call.keyLocations = fields.keyLocations
        // References point at the name itself, where a misspelling is.
        call.keyLocations["to"] = fields.valueLocation("to")
        if let at = fields.valueLocation("on_miss") { call.keyLocations["on_miss"] = at }
        call.protocolName = fields.enumeration("protocol")
        call.timeout = fields.duration("timeout")
        call.retries = fields.int("retries") ?? 0
        call.backoff = fields.enumeration("backoff") ?? .none
        if let base = fields.duration("backoff_base") { call.backoffBase = base }
        if let cap = fields.duration("backoff_cap") { call.backoffCap = cap }
        call.retryBudget = fields.fraction("retry_budget")
        if let node = fields["circuit_breaker"] {
            if let flag = node.scalar.flatMap(ScalarValue.bool) {
                call.circuitBreaker = flag ? CircuitBreaker(location: fields.location("circuit_breaker")) : nil
            } else if node.entries != nil {
                let breaker = FieldReader(node)
                call.circuitBreaker = CircuitBreaker(
                    failureThreshold: breaker.fraction("failures", kind: .percent) ?? 0.5,
                    window: breaker.duration("window") ?? TimeSpan(seconds: 10), openFor: breaker.duration("open_for") ?? TimeSpan(seconds: 30),
                    minimumRequests: breaker.int("min_requests") ?? 20, halfOpenRequests: breaker.int("half_open_requests") ?? 1,
                    location: fields.location("circuit_breaker"))
            }
        }
        call.idempotent = fields.bool("idempotent")
        call.perRequest = fields.double("per_request") ?? 1
        call.hitRatio = fields.fraction("hit_ratio")
        call.onMiss = fields.string("on_miss")
        call.parallel = fields.string("parallel")
        call.optional = fields.bool("optional") ?? false
        call.tls = fields.bool("tls")
        call.operation = fields.enumeration("operation")
        call.bulkhead = fields.int("bulkhead")
        call.pool = fields.int("pool")
        return call
    }
}

extension EnvironmentVariable {
    /// Keeps the secret's name as the value's description (`secret:NAME`), not a literal.
    func with(reference: String) -> EnvironmentVariable {
        var copy = self
        copy.secretReference = reference
        return copy
    }
}

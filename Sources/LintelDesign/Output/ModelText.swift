import LintelModel

/// Writes the designed model as a Lintel model file: the original requirements and domain, then
/// the blueprint. Keys in a fixed order; every quantity with its unit.
enum ModelText {
    static func yaml(model: Model, blueprint: Blueprint, storeOf: [String: String], topicOf: [String: String]) -> String {
        var lines = ["# Designed by `lintel design`: every component, call and size below is computed; see design.md and decisions/.",
                     "lintel: 1", "system: " + scalar(model.system)]
        if let description = model.description { lines.append("description: " + scalar(description)) }
        lines += requirements(model.requirements)
        if let preferences = model.preferences {
            lines.append("preferences:")
            if !preferences.languages.isEmpty { lines.append("  languages: [" + preferences.languages.map(scalar).joined(separator: ", ") + "]") }
            if let hosting = preferences.hosting { lines.append("  hosting: " + hosting.rawValue) }
            if !preferences.prefer.isEmpty { lines.append("  prefer: [" + preferences.prefer.map(scalar).joined(separator: ", ") + "]") }
            if !preferences.avoid.isEmpty { lines.append("  avoid: [" + preferences.avoid.map(scalar).joined(separator: ", ") + "]") }
            if let maturity = preferences.maturity { lines.append("  maturity: " + scalar(maturity)) }
        }
        lines += domain(model.domain, storeOf: storeOf, topicOf: topicOf)
        lines.append("")
        lines.append("components:")
        for component in blueprint.components { lines += self.component(component) }
        lines.append("")
        lines.append("flows:")
        for flow in blueprint.flows {
            lines.append("  \(scalar(flow.name)): { entry: gateway, route: [\(flow.route.map(scalar).joined(separator: ", "))], "
                         + "rate: \(rate(flow.rate)), peak: \(rate(flow.peak)), critical: \(flow.critical) }")
        }
        if !blueprint.scenarios.isEmpty {
            lines.append("")
            lines.append("scenarios:")
            for scenario in blueprint.scenarios {
                lines.append("  \(scalar(scenario.name)):")
                lines.append("    description: " + scalar(scenario.description))
                var fault = "{ at: \(duration(scenario.at)), component: \(scalar(scenario.component)), "
                fault += scenario.instancesDown.map { "instances_down: \($0), " } ?? "down: true, "
                fault += "for: \(duration(scenario.duration)) }"
                lines.append("    faults: [ \(fault) ]")
                lines.append("    duration: " + duration(scenario.length))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func requirements(_ requirements: Requirements) -> [String] {
        var lines = ["requirements:"]
        if let team = requirements.team { lines.append("  team: { engineers: \(team.engineers), teams: \(team.teams) }") }
        if let traffic = requirements.traffic {
            var parts: [String] = []
            if let average = traffic.average { parts.append("average: " + rate(average.perSecond)) }
            if let peak = traffic.peak { parts.append("peak: " + rate(peak.perSecond)) }
            if let growth = traffic.growth { parts.append("growth: " + UnitFormat.number(growth.factorPerYear, decimals: 4) + "x/year") }
            if !parts.isEmpty { lines.append("  traffic: { " + parts.joined(separator: ", ") + " }") }
        }
        if let slo = requirements.slo {
            var parts: [String] = []
            if let availability = slo.availability { parts.append("availability: " + UnitFormat.percent(availability, decimals: 5)) }
            if let p50 = slo.latencyP50 { parts.append("latency_p50: " + duration(p50.seconds)) }
            if let p99 = slo.latencyP99 { parts.append("latency_p99: " + duration(p99.seconds)) }
            if !parts.isEmpty { lines.append("  slo: { " + parts.joined(separator: ", ") + " }") }
        }
        if let data = requirements.data {
            var parts: [String] = []
            if let size = data.size { parts.append("size: \(UnitFormat.number(size.bytes, decimals: 0))B") }
            if let growth = data.growth { parts.append("growth: \(UnitFormat.number(growth.bytesPerMonth, decimals: 0))B/month") }
            if let retention = data.retention { parts.append("retention: \(UnitFormat.number(retention.seconds, decimals: 0))s") }
            if !parts.isEmpty { lines.append("  data: { " + parts.joined(separator: ", ") + " }") }
        }
        if let consistency = requirements.consistency { lines.append("  consistency: " + consistency.rawValue) }
        if !requirements.compliance.isEmpty {
            lines.append("  compliance: [" + requirements.compliance.map(\.rawValue).joined(separator: ", ") + "]")
        }
        if let budget = requirements.budget {
            lines.append("  budget: \(UnitFormat.number(budget.amount, decimals: 2)) \(budget.currency)/month")
        }
        return lines.count > 1 ? lines : []
    }

    /// Entities name their context's designed store; events name its designed topic (the input's names referred to no component).
    static func domain(_ domain: Domain, storeOf: [String: String], topicOf: [String: String]) -> [String] {
        guard !domain.contexts.isEmpty else { return [] }
        var lines = ["domain:", "  contexts:"]
        for context in domain.contexts {
            lines.append("    \(scalar(context.name)):")
            if let description = context.description { lines.append("      description: " + scalar(description)) }
            if let team = context.team { lines.append("      team: " + scalar(team)) }
            if !context.entities.isEmpty { lines.append("      entities:") }
            for entity in context.entities {
                lines.append("        \(scalar(entity.name)):")
                if !entity.fields.isEmpty {
                    lines.append("          fields:")
                    for field in entity.fields { lines.append("            \(scalar(field.name)): " + fieldValue(field)) }
                }
                if entity.key != ["id"] { lines.append("          key: [" + entity.key.map(scalar).joined(separator: ", ") + "]") }
                if !entity.queries.isEmpty {
                    lines.append("          queries:")
                    for query in entity.queries {
                        var parts = ["by: [" + query.by.map(scalar).joined(separator: ", ") + "]"]
                        if let order = query.order { parts.append("order: " + scalar(order)) }
                        if let rate = query.rate { parts.append("rate: " + self.rate(rate.perSecond)) }
                        lines.append("            - { " + parts.joined(separator: ", ") + " }")
                    }
                }
                if let volume = entity.volume {
                    var parts: [String] = []
                    if let rows = volume.rows { parts.append("rows: " + UnitFormat.number(rows.rounded(), decimals: 0)) }
                    if let writes = volume.writes { parts.append("writes: " + rate(writes.perSecond)) }
                    if let reads = volume.reads { parts.append("reads: " + rate(reads.perSecond)) }
                    if let size = volume.rowSize { parts.append("row_size: \(UnitFormat.number(size.bytes, decimals: 0))B") }
                    if !parts.isEmpty { lines.append("          volume: { " + parts.joined(separator: ", ") + " }") }
                }
                if let store = storeOf[context.name] { lines.append("          store: " + scalar(store)) }
                if let retention = entity.retention { lines.append("          retention: \(UnitFormat.number(retention.seconds, decimals: 0))s") }
                if let partition = entity.partitionBy { lines.append("          partition_by: " + scalar(partition)) }
            }
            if !context.events.isEmpty {
                lines.append("      events:")
                for event in context.events {
                    var parts: [String] = []
                    if !event.fields.isEmpty {
                        parts.append("fields: { " + event.fields.map { scalar($0.name) + ": " + fieldValue($0) }.joined(separator: ", ") + " }")
                    }
                    if let topic = topicOf[context.name] { parts.append("topic: " + scalar(topic)) }
                    lines.append("        \(scalar(event.name)): " + (parts.isEmpty ? "{}" : "{ " + parts.joined(separator: ", ") + " }"))
                }
            }
        }
        return lines
    }

    static func fieldValue(_ field: Field) -> String {
        let type = scalar(field.type.description)
        guard field.nullable || field.unique || field.sensitive else { return type }
        var parts = ["type: " + type]
        if field.nullable { parts.append("nullable: true") }
        if field.unique { parts.append("unique: true") }
        if field.sensitive { parts.append("sensitive: true") }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    static func component(_ component: PlannedComponent) -> [String] {
        var lines = ["  \(scalar(component.name)):"]
        func field(_ key: String, _ value: String) { lines.append("    \(key): \(value)") }
        field("kind", component.kind.rawValue)
        if let description = component.description { field("description", scalar(description)) }
        if let context = component.context { field("context", scalar(context)) }
        if let team = component.team { field("team", scalar(team)) }
        if let technology = component.technology { field("technology", scalar(technology)) }
        if component.kind.category != .channel { field("instances", String(component.instances)) }
        if let workers = component.workers { field("workers", String(workers)) }
        if let p50 = component.latencyP50, let p99 = component.latencyP99 {
            field("latency", "{ p50: \(duration(p50)), p99: \(duration(p99)) }")
        }
        if component.isPublic { field("public", "true") }
        if let auth = component.auth { field("auth", auth) }
        if component.tls { field("tls", "true") }
        if let limit = component.rateLimit { field("rate_limit", rate(limit)) }
        if component.healthCheck { field("health_check", "/healthz") }
        if component.auditLog { field("audit_log", "true") }
        if component.replicas > 0 { field("replicas", String(component.replicas)) }
        if let backups = component.backups { field("backups", backups) }
        if component.encrypted { field("encrypted", "true") }
        if let connections = component.maxConnections { field("max_connections", String(connections)) }
        if let pool = component.pool { field("pool", String(pool)) }
        if !component.holds.isEmpty { field("holds", "[" + component.holds.joined(separator: ", ") + "]") }
        if let broker = component.broker { field("broker", broker.rawValue) }
        if let partitions = component.partitions { field("partitions", String(partitions)) }
        if component.deadLetter { field("dead_letter", "true") }
        if let deliveries = component.maxDeliveries { field("max_deliveries", String(deliveries)) }
        if !component.consumers.isEmpty { field("consumers", "[" + component.consumers.map(scalar).joined(separator: ", ") + "]") }
        if !component.consumes.isEmpty { field("consumes", "[" + component.consumes.map(scalar).joined(separator: ", ") + "]") }
        if component.idempotentConsumer { field("idempotent_consumer", "true") }
        if !component.calls.isEmpty {
            lines.append("    calls:")
            for call in component.calls { lines.append("      - " + self.call(call)) }
        }
        return lines
    }

    static func call(_ call: PlannedCall) -> String {
        var parts = ["to: " + scalar(call.to)]
        if call.async { parts.append("mode: async") }
        if let timeout = call.timeout { parts.append("timeout: " + duration(timeout)) }
        if call.retries > 0 {
            parts.append("retries: \(call.retries)")
            parts.append("backoff: full-jitter")
            parts.append("backoff_base: " + duration(TopologyBuilder.backoffBase))
        }
        if let idempotent = call.idempotent { parts.append("idempotent: \(idempotent)") }
        if call.breaker { parts.append("circuit_breaker: { failures: 50%, window: 10s, open_for: 5s }") }
        if let pool = call.pool { parts.append("pool: \(pool)") }
        if let bulkhead = call.bulkhead { parts.append("bulkhead: \(bulkhead)") }
        if call.perRequest != 1 { parts.append("per_request: " + UnitFormat.number(call.perRequest, decimals: 2)) }
        if let hit = call.hitRatio { parts.append("hit_ratio: " + UnitFormat.number(hit, decimals: 2)) }
        if let miss = call.onMiss { parts.append("on_miss: " + scalar(miss)) }
        if call.optional { parts.append("optional: true") }
        if let proto = call.callProtocol { parts.append("protocol: " + proto) }
        if call.tls { parts.append("tls: true") }
        if let operation = call.operation { parts.append("operation: " + operation) }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    static func rate(_ perSecond: Double) -> String {
        UnitFormat.number(perSecond, decimals: perSecond >= 100 ? 1 : 4) + "/s"
    }

    static func duration(_ seconds: Double) -> String {
        UnitFormat.number(seconds * 1000, decimals: 3) + "ms"
    }

    /// A plain scalar when it is safe unquoted, otherwise a double-quoted string with escapes.
    static func scalar(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" || scalar == "." || scalar == "/"
        } && !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(text.lowercased())
            && !(text.first.map { $0 == "-" || $0 == "." || $0.isNumber } ?? true)
        if plain { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

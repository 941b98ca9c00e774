import LintelCapacity
import LintelModel

/// The design document's sections about structure: requirements, pattern, services, events, caching, stores, API.
enum Sections {
    static func requirements(_ inputs: DesignInputs) -> [String] {
        var lines = ["## Requirements read", "", "| input | value |", "|---|---|"]
        lines.append("| team | \(inputs.engineers) engineers in \(inputs.teams) team(s); maturity \(inputs.maturity.rawValue) |")
        lines.append("| traffic | \(Format.rate(inputs.averageRate)) average, \(Format.rate(inputs.peakRate)) peak, ×\(Format.number(inputs.growthPerYear)) per year |")
        lines.append("| SLO | \(Format.percent(inputs.availability)) availability, p99 \(Format.duration(inputs.latencyP99)) |")
        lines.append("| consistency | \(inputs.consistency.rawValue) |")
        lines.append("| compliance | \(inputs.compliance.isEmpty ? "none stated" : inputs.compliance.map(\.rawValue).joined(separator: ", ")) |")
        lines.append("")
        lines += ["| context | entities | reads | writes | rows | share of traffic |", "|---|---|---:|---:|---:|---:|"]
        for context in inputs.contexts {
            lines.append("| \(Markdown.cell(context.name)) | \(Markdown.cell(context.entities.joined(separator: ", "))) | "
                         + "\(Format.rate(context.reads)) | \(Format.rate(context.writes)) | \(Format.number(context.rows)) | \(Format.share(context.share)) |")
        }
        lines.append("")
        return lines
    }

    static func pattern(_ context: DocumentContext) -> [String] {
        guard let decision = context.choices.decisions.first else { return [] }
        var lines = ["## Architecture pattern", "", "**Recommendation:** \(decision.outcome).", ""]
        lines += ["**Rationale:** " + decision.drivers.joined(separator: "; ") + ".", ""]
        lines += [decision.matrix.markdownTable, ""]
        if !decision.flips.isEmpty { lines += ["What would change it:", ""] + decision.flips.map { "* " + $0.sentence } + [""] }
        return lines
    }

    static func services(_ context: DocumentContext) -> [String] {
        var lines = ["## Services and data ownership", "",
                     "Each entity is owned by exactly one context, and each context's data by one store; other contexts reach it "
                     + "through the owner's API or its events, never its tables.", "",
                     "| component | kind | owns | store | calls |", "|---|---|---|---|---|"]
        for component in context.model.components where component.kind.category == .compute {
            let owned = context.inputs.contexts.filter { TopologyBuilder.Names(inputs: context.inputs, choices: context.choices).service($0.name) == component.name }
                .flatMap(\.entities)
            let stores = component.calls.map(\.to).filter { name in
                context.model.component(named: name).map { $0.kind.category == .database } ?? false
            }
            let calls = component.calls.map { $0.to + ($0.mode == .async ? " (event)" : "") }
            lines.append("| \(component.name) | \(component.kind.rawValue) | \(Markdown.cell(owned.joined(separator: ", "))) | "
                         + "\(Markdown.cell(stores.joined(separator: ", "))) | \(Markdown.cell(calls.joined(separator: ", "))) |")
        }
        lines.append("")
        return lines
    }

    static func events(_ context: DocumentContext) -> [String] {
        var lines = ["## Event-driven design", ""]
        let channels = context.model.components.filter { $0.kind.category == .channel }
        if let broker = context.choices.broker {
            lines += ["**Message broker:** \(broker.rawValue). Each context writes its events to an outbox table in the same "
                      + "transaction as the change; a relay publishes them. Consumers are idempotent, failed messages go to a "
                      + "dead-letter queue after 5 deliveries.", ""]
            lines += ["| channel | broker | partitions | consumers | rate at sizing load | partitions needed |", "|---|---|---:|---|---:|---:|"]
            for channel in channels {
                let topic = context.capacity.topics.first { $0.name == channel.name }
                lines.append("| \(channel.name) | \(channel.broker?.rawValue ?? "–") | \(channel.partitions.map(String.init) ?? "–") | "
                             + "\(Markdown.cell(channel.consumers.joined(separator: ", "))) | \(figure(topic?.rate)) | \(figure(topic?.partitionsNeeded)) |")
            }
            lines.append("")
        } else {
            lines += ["No events leave a context, so there is no broker.", ""]
        }
        lines += ["**Transactions across contexts:** \(context.choices.transactions.rawValue).", ""]
        if let decision = context.choices.decisions.first(where: { $0.topic == "consistency-patterns" }) {
            lines += decision.consequences.map { "* " + $0 } + [""]
        }
        return lines
    }

    static func caching(_ context: DocumentContext) -> [String] {
        var lines = ["## Caching strategy", "", "| context | decision | read/write ratio | hit ratio assumed |", "|---|---|---:|---:|"]
        for profile in context.inputs.contexts {
            let choice = context.choices.caches[profile.name] ?? .none
            let ratio = profile.reads / max(0.01, profile.writes)
            lines.append("| \(Markdown.cell(profile.name)) | \(choice.rawValue) | \(Format.number(ratio)) | "
                         + (choice == .none ? "–" : Format.percent(CacheChoice.hitRatio(profile))) + " |")
        }
        lines += ["", "Hit ratio assumed: the read share of requests × 90% of reads found (writes always reach the store). "
                  + "Cached keys carry a TTL; with event invalidation a write evicts its keys through the context's events. "
                  + "A cache is a soft dependency: a miss or an outage falls back to the store, which is sized for it.", ""]
        return lines
    }

    static func databases(_ context: DocumentContext) -> [String] {
        var lines = ["## Database architecture", "", "| store | kind | instances | replicas | backups | encrypted | max connections | pool |",
                     "|---|---|---:|---:|---|---|---:|---:|"]
        for store in context.model.components where store.kind.category == .database || store.kind.category == .cache {
            lines.append("| \(store.name) | \(store.kind.rawValue) | \(store.instances) | \(store.replicas) | \(store.backups?.rawValue ?? "–") | "
                         + "\(store.encrypted == true ? "yes" : "no") | \(store.maxConnections.map(String.init) ?? "–") | \(store.pool.map(String.init) ?? "–") |")
        }
        lines.append("")
        for budget in context.capacity.connections {
            lines.append("* \(budget.store): \(figure(budget.requested)) connections requested of \(figure(budget.maxConnections)) "
                         + "(\(budget.requested.formula)); \(figure(budget.inUse)) in use by Little's law.")
        }
        lines.append("")
        return lines
    }

    static func api(_ context: DocumentContext) -> [String] {
        var lines = ["## API style", "", "* Public: **\(context.choices.publicAPI.rawValue)** through the gateway, versioned in the URL "
                     + "(`/v1/…`), cursor pagination, one error format, documented with OpenAPI."]
        if let internalAPI = context.choices.internalAPI {
            lines.append("* Between services: **\(internalAPI.rawValue)** with deadlines propagated from the caller's timeout.")
        }
        lines.append("")
        return lines
    }

    static func figure(_ figure: Figure?) -> String {
        guard let figure, let value = figure.value else { return "–" }
        switch figure.unit {
        case .perSecond: return Format.rate(value)
        case .seconds: return Format.duration(value)
        case .fraction: return Format.percent(value)
        default: return Format.number(value)
        }
    }
}

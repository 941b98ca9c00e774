import LintelCapacity
import LintelDesign
import LintelModel

/// The design document's sections about structure: requirements, pattern, services, events, caching, stores, API.
enum DesignSections {
    typealias F = DesignFormat

    static func requirements(_ inputs: DesignInputs) -> [Block] {
        let read = Table(headers: ["input", "value"], plainRows: [
            ["team", "\(inputs.engineers) engineers in \(inputs.teams) team(s); maturity \(inputs.maturity.rawValue)"],
            ["traffic", "\(F.rate(inputs.averageRate)) average, \(F.rate(inputs.peakRate)) peak, ×\(F.number(inputs.growthPerYear)) per year"],
            ["SLO", "\(F.percent(inputs.availability)) availability, p99 \(F.duration(inputs.latencyP99))"],
            ["consistency", inputs.consistency.rawValue],
            ["compliance", inputs.compliance.isEmpty ? "none stated" : inputs.compliance.map(\.rawValue).joined(separator: ", ")],
        ])
        let contexts = Table(headers: ["context", "entities", "reads", "writes", "rows", "share of traffic"], plainRows: inputs.contexts.map { context in
            [context.name, context.entities.joined(separator: ", "), F.rate(context.reads), F.rate(context.writes), F.number(context.rows), F.share(context.share)]
        }, numeric: [2, 3, 4, 5])
        return [.table(read), .table(contexts)]
    }

    static func pattern(_ result: DesignResult) -> [Block]? {
        guard let decision = result.decisions.first else { return nil }
        var blocks: [Block] = [
            .paragraph(Inline([.strong("Recommendation:"), .text(" \(decision.outcome).")])),
            .paragraph(Inline([.strong("Rationale:"), .text(" " + decision.drivers.joined(separator: "; ") + ".")])),
            .table(DesignDocument.matrix(decision.matrix)),
        ]
        if !decision.flips.isEmpty {
            blocks += [.paragraph("What would change it:"), .list(List(items: decision.flips.map { List.Item(Inline($0.sentence)) }))]
        }
        return blocks
    }

    static func services(_ result: DesignResult) -> [Block] {
        let model = result.model
        let rows = model.components.filter { $0.kind.category == .compute }.map { component -> [String] in
            let owned = result.ownership.first { $0.component == component.name }?.entities ?? []
            let stores = component.calls.map(\.to).filter { name in model.component(named: name).map { $0.kind.category == .database } ?? false }
            let calls = component.calls.map { $0.to + ($0.mode == .async ? " (event)" : "") }
            return [component.name, component.kind.rawValue, owned.joined(separator: ", "), stores.joined(separator: ", "), calls.joined(separator: ", ")]
        }
        return [
            .paragraph("Each entity is owned by exactly one context, and each context's data by one store; other contexts reach it "
                       + "through the owner's API or its events, never its tables."),
            .table(Table(headers: ["component", "kind", "owns", "store", "calls"], plainRows: rows)),
        ]
    }

    static func events(_ result: DesignResult) -> [Block] {
        var blocks: [Block] = []
        if let broker = result.choices.broker {
            blocks.append(.paragraph(Inline([.strong("Message broker:"), .text(" \(broker). Each context writes its events to an outbox table in the same "
                + "transaction as the change; a relay publishes them. Consumers are idempotent, failed messages go to a "
                + "dead-letter queue after 5 deliveries.")])))
            let rows = result.model.components.filter { $0.kind.category == .channel }.map { channel -> [String] in
                let topic = result.capacity.topics.first { $0.name == channel.name }
                return [channel.name, channel.broker?.rawValue ?? "–", channel.partitions.map(String.init) ?? "–",
                        channel.consumers.joined(separator: ", "), F.figure(topic?.rate), F.figure(topic?.partitionsNeeded)]
            }
            blocks.append(.table(Table(headers: ["channel", "broker", "partitions", "consumers", "rate at sizing load", "partitions needed"],
                                       plainRows: rows, numeric: [2, 4, 5])))
        } else {
            blocks.append(.paragraph("No events leave a context, so there is no broker."))
        }
        blocks.append(.paragraph(Inline([.strong("Transactions across contexts:"), .text(" \(result.choices.transactions).")])))
        if let decision = result.decisions.first(where: { $0.topic == "consistency-patterns" }), !decision.consequences.isEmpty {
            blocks.append(.list(List(items: decision.consequences.map { List.Item(Inline($0)) })))
        }
        return blocks
    }

    static func caching(_ result: DesignResult) -> [Block] {
        let rows = result.choices.contexts.map { context in
            [context.name, context.cache, F.number(context.readWriteRatio), context.hitRatio.map(F.percent) ?? "–"]
        }
        return [
            .table(Table(headers: ["context", "decision", "read/write ratio", "hit ratio assumed"], plainRows: rows, numeric: [2, 3])),
            .paragraph("Hit ratio assumed: the read share of requests × 90% of reads found (writes always reach the store). "
                       + "Cached keys carry a TTL; with event invalidation a write evicts its keys through the context's events. "
                       + "A cache is a soft dependency: a miss or an outage falls back to the store, which is sized for it."),
        ]
    }

    static func databases(_ result: DesignResult) -> [Block] {
        let rows = result.model.components.filter { $0.kind.category == .database || $0.kind.category == .cache }.map { store in
            [store.name, store.kind.rawValue, String(store.instances), String(store.replicas), store.backups?.rawValue ?? "–",
             store.encrypted == true ? "yes" : "no", store.maxConnections.map(String.init) ?? "–", store.pool.map(String.init) ?? "–"]
        }
        var blocks: [Block] = [.table(Table(headers: ["store", "kind", "instances", "replicas", "backups", "encrypted", "max connections", "pool"],
                                            plainRows: rows, numeric: [2, 3, 6, 7]))]
        let budgets = result.capacity.connections.map { budget in
            List.Item(Inline("\(budget.store): \(F.figure(budget.requested)) connections requested of \(F.figure(budget.maxConnections)) "
                             + "(\(budget.requested.formula)); \(F.figure(budget.inUse)) in use by Little's law."))
        }
        if !budgets.isEmpty { blocks.append(.list(List(items: budgets))) }
        return blocks
    }

    static func api(_ result: DesignResult) -> [Block] {
        var items = [List.Item(Inline([.text("Public: "), .strong(result.choices.publicAPI),
                                       .text(" through the gateway, versioned in the URL ("), .code("/v1/…"),
                                       .text("), cursor pagination, one error format, documented with OpenAPI.")]))]
        if let internalAPI = result.choices.internalAPI {
            items.append(List.Item(Inline([.text("Between services: "), .strong(internalAPI), .text(" with deadlines propagated from the caller's timeout.")])))
        }
        return [.list(List(items: items))]
    }
}

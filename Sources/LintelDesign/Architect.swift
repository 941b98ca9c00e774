import LintelModel

/// Every decision design makes for one set of inputs, in the order the ADRs are numbered.
struct Choices {
    var style: ArchitectureStyle
    var stores: [String: StoreChoice]
    var caches: [String: CacheChoice]
    var broker: BrokerChoice?
    var publicAPI: APIStyle
    var internalAPI: APIStyle?
    var transactions: TransactionPattern
    var decisions: [Decision]

    var distributed: Bool { style == .microservices }

    /// Contexts whose events leave the context: declared events, or (microservices with eventual
    /// consistency) referenced by another context, which then keeps a local copy from events.
    static func publishingContexts(_ inputs: DesignInputs, distributed: Bool) -> [String] {
        inputs.contexts.filter { context in
            !context.events.isEmpty
                || (distributed && inputs.consistency == .eventual
                    && inputs.contexts.contains { $0.references.contains(context.name) })
        }.map(\.name)
    }

    static func make(_ inputs: DesignInputs) -> Choices {
        var decisions: [Decision] = []
        let (style, styleDecision) = ArchitectureStyle.decide(inputs)
        decisions.append(styleDecision)
        var stores: [String: StoreChoice] = [:], caches: [String: CacheChoice] = [:]
        for context in inputs.contexts {
            let (store, storeDecision) = StoreChoice.decide(context, inputs: inputs)
            stores[context.name] = store
            decisions.append(storeDecision)
        }
        for context in inputs.contexts {
            let (cache, cacheDecision) = CacheChoice.decide(context, consistency: inputs.consistency)
            caches[context.name] = cache
            decisions.append(cacheDecision)
        }
        let distributed = style == .microservices
        let publishers = publishingContexts(inputs, distributed: distributed)
        var broker: BrokerChoice?
        if !publishers.isEmpty {
            let eventRate = inputs.contexts.filter { publishers.contains($0.name) }
                .reduce(0.0) { $0 + $1.writes } * inputs.peakFactor
            let consumerGroups = inputs.contexts.reduce(0) { count, context in
                count + context.references.filter { publishers.contains($0) }.count
            }
            let facts = BrokerChoice.Facts(
                eventRate: eventRate, ordering: inputs.contexts.contains { publishers.contains($0.name) && $0.hasStateMachine },
                replay: consumerGroups >= 2 || inputs.contexts.contains { $0.textSearch },
                maturity: inputs.maturity, managed: inputs.managedServices, preferences: inputs.preferences)
            let (choice, decision) = BrokerChoice.decide(facts)
            broker = choice
            decisions.append(decision)
        }
        let (publicAPI, publicDecision) = APIStyle.decide(.init(isPublic: true, callRate: inputs.peakRate, contexts: inputs.contexts.count, preferences: inputs.preferences))
        decisions.append(publicDecision)
        var internalAPI: APIStyle?
        if distributed, inputs.consistency != .eventual, inputs.contexts.contains(where: { !$0.references.isEmpty }) {
            let rate = inputs.contexts.filter { !$0.references.isEmpty }.reduce(0.0) { $0 + $1.share } * inputs.peakRate
            let (choice, decision) = APIStyle.decide(.init(isPublic: false, callRate: rate, contexts: inputs.contexts.count, preferences: inputs.preferences))
            internalAPI = choice
            decisions.append(decision)
        }
        let crossWrites = inputs.contexts.reduce(0) { $0 + ($1.writes > 0 ? $1.references.count : 0) }
        let (transactions, transactionDecision) = TransactionPattern.decide(
            .init(distributed: distributed, crossContextWrites: crossWrites, teams: inputs.teams),
            hasEvents: !publishers.isEmpty, textSearch: inputs.contexts.filter(\.textSearch).map(\.name))
        decisions.append(transactionDecision)
        return Choices(style: style, stores: stores, caches: caches, broker: broker, publicAPI: publicAPI,
                       internalAPI: internalAPI, transactions: transactions, decisions: decisions)
    }
}

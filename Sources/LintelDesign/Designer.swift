import LintelCapacity
import LintelModel

/// Design: a pure function from requirements, domain and preferences to a model plus decisions.
public enum Designer {
    /// Designs the system `input` describes (its requirements, domain and preferences; components, flows and
    /// scenarios are ignored). `preferences` overrides the file's `preferences:` when given.
    public static func design(_ input: Model, preferences given: Preferences? = nil) throws(DesignError) -> DesignResult {
        let preferences = given ?? Preferences(input.preferences)
        var inputs = DesignInputs(model: input, preferences: preferences)
        var source = input
        if inputs.contexts.isEmpty {
            // No domain: one context holds everything, so the design still has a service and a store.
            source.domain = Domain(contexts: [BoundedContext(name: "core", location: input.location)])
            inputs = DesignInputs(model: source, preferences: preferences)
        }
        let choices = Choices.make(inputs)
        let start = TopologyBuilder.build(inputs, choices)
        let names = TopologyBuilder.Names(inputs: inputs, choices: choices)
        var storeOf: [String: String] = [:]
        var topicOf: [String: String] = [:]
        for context in inputs.contexts { storeOf[context.name] = names.store(context.name) }
        for context in Choices.publishingContexts(inputs, distributed: choices.distributed) { topicOf[context] = names.topic(context) }
        let render: (Blueprint) -> String = { ModelText.yaml(model: source, blueprint: $0, storeOf: storeOf, topicOf: topicOf) }
        var outcome = try Sizing.size(start, render: render)

        // Failure scenarios for the sized design: every hard dependency of a critical flow.
        var critical: [String] = []
        for flow in outcome.capacity.flows where outcome.model.flows.first(where: { $0.name == flow.name })?.critical ?? true {
            for name in flow.hardDependencies where !critical.contains(name) { critical.append(name) }
        }
        outcome.blueprint.scenarios = Resilience.scenarios(outcome.blueprint, hardDependencies: critical)
        let yaml = render(outcome.blueprint)
        let model: Model
        do {
            model = try ModelLoader.load(text: yaml, file: "model.yaml").model
        } catch {
            throw DesignError.invalidModel(error.diagnostics.map(\.description))
        }
        let capacity = CapacityAnalyzer.analyze(model, options: Sizing.options)
        let ownership = model.components.filter { $0.kind.category == .compute }.map { component in
            Ownership(component: component.name,
                      entities: inputs.contexts.filter { names.service($0.name) == component.name }.flatMap(\.entities))
        }
        let contexts = inputs.contexts.map { profile -> ContextChoice in
            let cache = choices.caches[profile.name] ?? .none
            return ContextChoice(name: profile.name, store: choices.stores[profile.name]?.rawValue ?? "relational", cache: cache.rawValue,
                                 readWriteRatio: profile.reads / max(0.01, profile.writes),
                                 hitRatio: cache == .none ? nil : CacheChoice.hitRatio(profile))
        }
        let chosen = DesignChoices(style: choices.style.rawValue, distributed: choices.distributed, broker: choices.broker?.rawValue,
                                   publicAPI: choices.publicAPI.rawValue, internalAPI: choices.internalAPI?.rawValue,
                                   transactions: choices.transactions.rawValue, contexts: contexts)
        return DesignResult(model: model, modelYAML: yaml, inputs: inputs, choices: chosen, decisions: choices.decisions, capacity: capacity,
                            sizingIterations: outcome.iterations, sizingConverged: outcome.converged, growth12: inputs.growth12,
                            targetUtilisation: Sizing.targetUtilisation, assumedServiceP50: TopologyBuilder.serviceLatency.0,
                            assumedServiceP99: TopologyBuilder.serviceLatency.1, ownership: ownership,
                            decisionPaths: choices.decisions.enumerated().map { Slug.decisionPath(number: $0.offset + 1, title: $0.element.title) })
    }
}

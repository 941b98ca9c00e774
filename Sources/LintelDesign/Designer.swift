import LintelCapacity
import LintelModel

/// A file of the design's output, relative to the output directory.
public struct DesignFile: Sendable, Equatable {
    public var path: String
    public var contents: String
}

/// What `Designer.design` returns: the model, its decisions, its sizing and the documents.
public struct DesignResult: Sendable {
    /// The designed model, loaded back from `modelYAML` (so it is exactly what `lintel check` reads).
    public var model: Model
    public var modelYAML: String
    public var decisions: [Decision]
    /// Capacity at peak with 12 months of growth at the target utilisation: the sizing's final check.
    public var capacity: CapacityReport
    public var sizingIterations: Int
    /// False when the sizing stopped at its iteration limit with something still short.
    public var sizingConverged: Bool
    /// design.md
    public var document: String
    /// model.yaml, decisions/NNNN-title.md and design.md, in that order.
    public var files: [DesignFile]
}

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
        let context = DocumentContext(inputs: inputs, choices: choices, model: model, capacity: capacity,
                                      iterations: outcome.iterations, converged: outcome.converged)
        let document = DesignDocument.render(context)
        var files = [DesignFile(path: "model.yaml", contents: yaml)]
        for (number, decision) in choices.decisions.enumerated() {
            files.append(DesignFile(path: "decisions/" + ADRWriter.fileName(number: number + 1, decision: decision),
                                    contents: ADRWriter.render(number: number + 1, decision: decision)))
        }
        files.append(DesignFile(path: "design.md", contents: document))
        return DesignResult(model: model, modelYAML: yaml, decisions: choices.decisions, capacity: capacity,
                            sizingIterations: outcome.iterations, sizingConverged: outcome.converged,
                            document: document, files: files)
    }
}

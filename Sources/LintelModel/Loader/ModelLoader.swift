import Foundation

/// A loaded, validated model and the warnings found on the way.
public struct LoadedModel: Sendable {
    public var model: Model
    public var warnings: [Diagnostic]
}

/// Loads model files: parse, check against `ModelSpec`, build, check references.
///
/// Every problem is collected; loading fails with all of them, sorted by position.
public enum ModelLoader {
    /// Most diagnostics reported for one file; the rest are summarised.
    public static let diagnosticLimit = 200

    /// Loads the model file at `path` (YAML or JSON).
    public static func load(path: String) throws(ModelLoadError) -> LoadedModel {
        let tree = try YAMLDocument.read(path: path).get()
        return try load(tree: tree, file: path)
    }

    /// Loads a model from text; `file` names it in diagnostics. `maximumBytes` raises the size
    /// limit for generated models (benchmarks); files on disk always get the default.
    public static func load(text: String, file: String = "<input>", maximumBytes: Int = YAMLDocument.maximumBytes) throws(ModelLoadError) -> LoadedModel {
        let tree = try YAMLDocument.parse(text: text, file: file, maximumBytes: maximumBytes).get()
        return try load(tree: tree, file: file)
    }

    /// Loads a model from a parsed tree.
    public static func load(tree: YAMLTree, file: String) throws(ModelLoadError) -> LoadedModel {
        guard tree.entries != nil else {
            throw ModelLoadError([Diagnostic("a model must be a mapping with 'lintel', 'system' and 'components', found \(tree.typeDescription)",
                                             at: tree.location, hint: "start the file with 'lintel: 1', 'system: NAME' and a 'components:' mapping")])
        }
        var validator = SpecValidator()
        validator.validate(tree, as: .object(ModelSpec.rootName), key: ModelSpec.rootName)
        let builder = ModelBuilder(file: file)
        var model = builder.build(tree)
        var checker = ReferenceChecker()
        // Without a components mapping every reference would be reported as unknown: one error is enough.
        var missing: [Diagnostic] = []
        if tree["components"]?.entries != nil {
            checker.check(&model)
        } else {
            missing = Self.referencesWithoutComponents(tree)
        }
        let all = (validator.diagnostics + builder.diagnostics + checker.diagnostics + missing + Self.sizeDiagnostics(tree))
            .sorted(by: Self.order)
        let errors = all.filter { $0.severity == .error }
        guard errors.isEmpty else { throw ModelLoadError(limited(all)) }
        return LoadedModel(model: model, warnings: all)
    }

    /// A requirements file (for `lintel design`) has no components; flows and scenarios name components,
    /// so without them every name would be unknown: one error at each section says so.
    static func referencesWithoutComponents(_ tree: YAMLTree) -> [Diagnostic] {
        ["flows", "scenarios"].compactMap { key in
            guard let section = tree[key], section.entries?.isEmpty == false else { return nil }
            return Diagnostic("'\(key)' names components, but the model has no 'components'", at: section.location,
                              hint: "add a 'components:' mapping with the components the \(key) name, or remove '\(key)' from a requirements file")
        }
    }

    /// Most components one model may hold: one system, not an estate (split larger ones into one model per domain).
    public static let maximumComponents = 10_000
    /// Most flows one model may hold.
    public static let maximumFlows = 1_000
    /// Most components × flows: the semantic core resolves every flow over the whole graph, so its work and
    /// memory grow with this product (BENCHMARKS.md "Fuzzing and limits": 20,000 × 500 took 42 s and 1 GB).
    public static let maximumComponentFlows = 1_000_000

    /// Errors for a model too large to analyse within the engines' budgets, at the section that makes it so.
    static func sizeDiagnostics(_ tree: YAMLTree) -> [Diagnostic] {
        let components = tree["components"]?.entries?.count ?? 0
        let flows = tree["flows"]?.entries?.count ?? 0
        let hint = "split the system into one model per domain; a model is reviewed, sized and simulated as one system"
        if components > maximumComponents, let section = tree["components"] {
            return [Diagnostic("the model has \(components) components; at most \(maximumComponents) are analysed in one model", at: section.location, hint: hint)]
        }
        if flows > maximumFlows, let section = tree["flows"] {
            return [Diagnostic("the model has \(flows) flows; at most \(maximumFlows) are analysed in one model", at: section.location, hint: hint)]
        }
        if components * flows > maximumComponentFlows, let section = tree["flows"] {
            return [Diagnostic("the model has \(flows) flows over \(components) components (\(components * flows) component-flows); "
                               + "at most \(maximumComponentFlows) are analysed in one model", at: section.location,
                               hint: "fewer flows (the critical ones and the heaviest), or " + hint)]
        }
        return []
    }

    static func order(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        lhs.location == rhs.location ? lhs.message < rhs.message : lhs.location < rhs.location
    }

    static func limited(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > diagnosticLimit, let last = diagnostics.last else { return diagnostics }
        return Array(diagnostics.prefix(diagnosticLimit)) + [Diagnostic(
            "\(diagnostics.count - diagnosticLimit) more problems not shown", at: last.location, severity: .note)]
    }
}

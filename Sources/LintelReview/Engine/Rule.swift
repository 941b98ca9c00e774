import LintelModel

/// A model file snippet a rule must (or must not) fire on, remembered with where it was written
/// so a failing example points at its own line.
public struct RuleExample: Sendable {
    public var yaml: String
    public var file: String
    public var line: Int
    /// When set, the YAML is the model an importer wrote for a deployment of this format, and the
    /// example is reviewed as imported (timeouts, retries and latencies unknown).
    public var importedFrom: Origin.Format?

    public init(_ yaml: String, file: String = #filePath, line: Int = #line) {
        self.yaml = yaml
        self.file = file
        self.line = line
    }

    /// An example reviewed as a model imported from `format` files.
    public init(_ yaml: String, importedFrom format: Origin.Format, file: String = #filePath, line: Int = #line) {
        self.init(yaml, file: file, line: line)
        self.importedFrom = format
    }
}

/// A rule's documentation and metadata; `docs/rules.md` is generated from these.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id, used in `accept:`, baselines and SARIF.
    public var id: String
    public var title: String
    public var category: RuleCategory
    public var severity: Severity
    /// Why it matters.
    public var rationale: String
    /// How to fix it.
    public var remedy: String
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]

    public init(id: String, title: String, category: RuleCategory, severity: Severity, rationale: String, remedy: String,
                triggering: [RuleExample], nonTriggering: [RuleExample]) {
        self.id = id
        self.title = title
        self.category = category
        self.severity = severity
        self.rationale = rationale
        self.remedy = remedy
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// One architectural check. A rule is a small value type with a static description;
/// it reads the model (and the shared capacity figures) and returns findings.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ context: ReviewContext) -> [Finding]
}

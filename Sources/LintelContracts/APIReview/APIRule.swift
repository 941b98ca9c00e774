import LintelModel
import LintelReview

/// One check of `review-api`: its documentation (shared with `lintel review`'s rule metadata, so the
/// same renderers and SARIF rule list serve both) and the function that finds it.
struct APIRule: Sendable {
    var description: RuleDescription
    /// Findings for one document; `base` is the older version when `--base` is given.
    var check: @Sendable (_ rule: APIRule, _ spec: APISpecContext) -> [Finding]

    init(id: String, title: String, category: RuleCategory, severity: Severity, rationale: String, remedy: String,
         check: @escaping @Sendable (APIRule, APISpecContext) -> [Finding]) {
        description = RuleDescription(id: id, title: title, category: category, severity: severity, rationale: rationale,
                                      remedy: remedy, triggering: [], nonTriggering: [])
        self.check = check
    }

    /// A finding of this rule.
    func finding(_ message: String, about subjects: [String], at location: SourceLocation) -> Finding {
        Finding(ruleID: description.id, severity: description.severity, category: description.category, message: message,
                components: subjects, location: location, remedy: description.remedy)
    }
}

/// What a rule reads: the document under review and, with `--base`, the previous version.
struct APISpecContext {
    var spec: LoadedSpec
    var index: SpecIndex
    var base: (spec: LoadedSpec, index: SpecIndex)?
}

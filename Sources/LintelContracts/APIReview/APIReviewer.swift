import LintelModel
import LintelReview

/// `lintel review-api`: reviews an OpenAPI document (and, with a base, its changes) into a `ReviewReport`,
/// so `lintel review`'s renderers, exit codes and SARIF output apply unchanged.
public enum APIReviewer {
    /// Every rule's documentation, for SARIF and `docs/contracts.md`.
    public static var rules: [RuleDescription] { (DesignRules.all + BreakingChanges.all).map(\.description) }

    /// Reviews `spec`; with `base`, also reports what breaks clients of the base version.
    public static func review(_ spec: LoadedSpec, base: LoadedSpec? = nil) -> ReviewReport {
        let context = APISpecContext(spec: spec, index: SpecIndex(spec.document),
                                     base: base.map { ($0, SpecIndex($0.document)) })
        let rules = DesignRules.all + (base == nil ? [] : BreakingChanges.all)
        let findings = rules.flatMap { $0.check($0, context) }.sorted { lhs, rhs in
            (lhs.location, lhs.ruleID, lhs.message) < (rhs.location, rhs.ruleID, rhs.message)
        }
        var files = [spec.path]
        if let base { files.append(base.path) }
        return ReviewReport(system: spec.document.info.title, files: files, findings: findings, rules: rules.map(\.description.id))
    }
}

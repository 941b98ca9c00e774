import LintelCapacity
import LintelModel

/// Runs the rule catalog over a model and applies the model's `accept:` entries.
public enum Reviewer {
    /// Reviews `model` with every rule in `RuleRegistry.all`.
    public static func review(_ model: Model, options: ReviewOptions = .init()) -> ReviewReport {
        review(model, rules: RuleRegistry.all, options: options)
    }

    /// Reviews `model` with `rules` only; findings come back in file order, accepted ones marked.
    public static func review(_ model: Model, rules: [any Rule.Type], options: ReviewOptions = .init()) -> ReviewReport {
        review(ReviewContext(model: model, options: options), rules: rules)
    }

    /// Reviews `model` with `rules`, its capacity analysed within `budget`: the report, or
    /// `CapacityError` when the model is too large for the budget.
    public static func review(_ model: Model, rules: [any Rule.Type] = RuleRegistry.all, options: ReviewOptions = .init(),
                              budget: CapacityBudget) throws(CapacityError) -> ReviewReport {
        review(try ReviewContext(model: model, options: options, budget: budget), rules: rules)
    }

    /// Reviews a context already built (its capacity report is then shared with whoever built it).
    public static func review(_ context: ReviewContext, rules: [any Rule.Type] = RuleRegistry.all) -> ReviewReport {
        let model = context.model
        let options = context.options
        var findings: [Finding] = []
        for rule in rules { findings += rule.init().check(context) }
        findings = findings.map { accept($0, model: model, today: options.today) }
        findings = sorted(findings)
        let files = model.origin.files.isEmpty ? [model.location.file] : model.origin.files
        return ReviewReport(system: model.system, files: files, findings: findings, rules: rules.map { $0.description.id })
    }

    /// File order: by location, then rule id, then message, so output is stable.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        // Indices sorted, not findings: a finding is a large value, and moving it costs more than comparing.
        findings.indices.sorted { lhs, rhs in
            let (left, right) = (findings[lhs], findings[rhs])
            if left.location != right.location { return left.location < right.location }
            if left.ruleID != right.ruleID { return left.ruleID < right.ruleID }
            if left.message != right.message { return left.message < right.message }
            return lhs < rhs
        }.map { findings[$0] }
    }

    /// The finding marked accepted when an unexpired `accept:` entry names its rule and, where given,
    /// its subject component and flow.
    static func accept(_ finding: Finding, model: Model, today: CalendarDate?) -> Finding {
        guard let risk = model.accept.first(where: { matches($0, finding) && !isExpired($0, today: today) }) else { return finding }
        var accepted = finding
        accepted.status = .accepted
        accepted.acceptance = risk.reason + (risk.until.map { " (until \($0))" } ?? "")
        return accepted
    }

    static func matches(_ risk: AcceptedRisk, _ finding: Finding) -> Bool {
        guard risk.rule == finding.ruleID else { return false }
        if let component = risk.component, finding.components.first != component { return false }
        if let flow = risk.flow, finding.flow != flow { return false }
        return true
    }

    /// An acceptance expires the day after its `until` date.
    static func isExpired(_ risk: AcceptedRisk, today: CalendarDate?) -> Bool {
        guard let until = risk.until, let today else { return false }
        return until < today
    }
}

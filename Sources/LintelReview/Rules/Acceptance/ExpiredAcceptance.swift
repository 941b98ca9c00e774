import LintelModel

/// An accepted risk whose acceptance has run out.
public struct ExpiredAcceptance: Rule {
    public static let description = RuleDescription(
        id: "expired-acceptance", title: "Expired acceptance", category: .operability, severity: .warning,
        rationale: "An acceptance is a decision with a date to revisit it. Once `until` has passed, the finding it covered is reported again, and the stale entry itself is reported so the team re-decides instead of silently carrying the risk.",
        remedy: "Fix the underlying finding and remove the entry, or re-examine the risk and extend `until` with a fresh reason.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, health_check: /healthz }
            accept:
              - { rule: missing-rate-limit, component: api, reason: "internal only", until: 2000-01-01 }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, health_check: /healthz }
            accept:
              - { rule: missing-rate-limit, component: api, reason: "internal only", until: 9999-12-31 }
              - { rule: missing-health-check, reason: "no expiry" }
            """)])

    public init() {}

    /// Acceptances expire against `options.today`; without a review date nothing expires.
    public func check(_ context: ReviewContext) -> [Finding] {
        guard let today = context.options.today else { return [] }
        return context.model.accept.compactMap { risk in
            guard let until = risk.until, until < today else { return nil }
            let scope = [risk.component, risk.flow.map { "flow \($0)" }].compactMap { $0 }.joined(separator: ", ")
            let text = "the acceptance of \(risk.rule)\(scope.isEmpty ? "" : " for \(scope)") expired on \(until) (\"\(risk.reason)\")"
            return finding(text, components: risk.component.map { [$0] } ?? [], flow: risk.flow, at: risk.location)
        }
    }
}

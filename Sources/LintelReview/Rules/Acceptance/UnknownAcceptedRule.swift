import LintelModel

/// An `accept:` entry naming a rule that does not exist.
public struct UnknownAcceptedRule: Rule {
    public static let description = RuleDescription(
        id: "unknown-accepted-rule", title: "Acceptance of an unknown rule", category: .operability, severity: .warning,
        rationale: "An `accept:` entry whose rule id matches no rule (a typo, or a rule renamed) accepts nothing: the finding the team meant to accept is still reported, or the entry hides nothing and only misleads readers.",
        remedy: "Correct the rule id (`lintel rules` lists them) or remove the entry.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, health_check: /healthz }
            accept:
              - { rule: single-point-of-faliure, component: api, reason: "typo" }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, health_check: /healthz }
            accept:
              - { rule: single-point-of-failure, component: api, reason: "one instance is enough for an internal tool" }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        let known = Set(RuleRegistry.ids)
        return context.model.accept.compactMap { risk in
            guard !known.contains(risk.rule) else { return nil }
            let suggestion = RuleRegistry.ids.min { Self.distance($0, risk.rule) < Self.distance($1, risk.rule) }
                .flatMap { Self.distance($0, risk.rule) <= 3 ? "; did you mean \($0)?" : nil } ?? ""
            let text = "accept: names unknown rule \(risk.rule)\(suggestion)"
            return finding(text, components: risk.component.map { [$0] } ?? [], flow: risk.flow, at: risk.location)
        }
    }

    /// Levenshtein distance, for the suggestion.
    static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

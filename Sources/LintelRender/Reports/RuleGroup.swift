import LintelReview

/// One rule's findings in one report, read as one entry: the components it touches, its flows, its impact.
public struct RuleGroup: Sendable, Equatable {
    public var ruleID: String
    public var title: String
    public var severity: Severity
    /// In display order (most severe, then by place).
    public var findings: [Finding]
    /// True when a finding is on a critical flow.
    public var onCriticalFlow: Bool

    /// The components the findings are about (each finding's first), in order of place, without repeats.
    public var components: [String] { Self.unique(findings.compactMap(\.components.first)) }

    /// Every component any finding involves, without repeats.
    public var involved: [String] { Self.unique(findings.lazy.flatMap(\.components)) }

    /// The flows the findings name, in order of place, without repeats.
    public var flows: [String] { Self.unique(findings.compactMap(\.flow)) }

    /// `names` without repeats, first occurrences in order: linear with a set beside the order (a cycle of
    /// 10,000 components is one finding naming them all).
    static func unique<Names: Sequence<String>>(_ names: Names) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// The remedy when every finding gives the same one; nil when they differ (each finding's is in the details).
    public var commonRemedy: String? {
        guard let first = findings.first?.remedy else { return nil }
        return findings.allSatisfy { $0.remedy == first } ? first : nil
    }

    /// Groups `findings` by rule: the groups in impact order (see `impactOrder`).
    /// - Parameters:
    ///   - titles: rule id → title; an unknown rule is titled by its id.
    ///   - criticalFlows: the model's critical flows; nil when unknown, then every named flow counts as critical
    ///     (a flow is critical unless the model says otherwise).
    public static func groups(_ findings: [Finding], titles: [String: String], criticalFlows: [String]?) -> [RuleGroup] {
        var order: [String] = []
        var byRule: [String: [Finding]] = [:]
        for finding in Finding.inDisplayOrder(findings) {
            if byRule[finding.ruleID] == nil { order.append(finding.ruleID) }
            byRule[finding.ruleID, default: []].append(finding)
        }
        let groups = order.map { rule -> RuleGroup in
            let members = byRule[rule] ?? []
            let critical = members.contains { finding in
                guard let flow = finding.flow else { return false }
                return criticalFlows.map { $0.contains(flow) } ?? true
            }
            return RuleGroup(ruleID: rule, title: titles[rule] ?? rule, severity: members.map(\.severity).max() ?? .info,
                             findings: members, onCriticalFlow: critical)
        }
        // Each group's reach counted once, not at every comparison.
        let reach = groups.map { $0.flows.count + $0.involved.count }
        return groups.indices.sorted { impactOrder(groups[$0], groups[$1], reach: (reach[$0], reach[$1])) }.map { groups[$0] }
    }

    /// Impact, most first: errors on a critical flow, then other errors, then warnings, then info; within a
    /// severity, the more flows and components a rule touches the earlier; then by rule id (stable).
    public static func impactOrder(_ lhs: RuleGroup, _ rhs: RuleGroup) -> Bool {
        impactOrder(lhs, rhs, reach: (lhs.flows.count + lhs.involved.count, rhs.flows.count + rhs.involved.count))
    }

    /// `impactOrder` with each group's reach (flows + components involved) already counted.
    static func impactOrder(_ lhs: RuleGroup, _ rhs: RuleGroup, reach: (Int, Int)) -> Bool {
        let (left, right) = (lhs.severity == .error && lhs.onCriticalFlow, rhs.severity == .error && rhs.onCriticalFlow)
        if left != right { return left }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        let (leftReach, rightReach) = reach
        if leftReach != rightReach { return leftReach > rightReach }
        if lhs.findings.count != rhs.findings.count { return lhs.findings.count > rhs.findings.count }
        return lhs.ruleID < rhs.ruleID
    }
}

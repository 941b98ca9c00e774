/// Counts of findings by status and severity.
public struct FindingCounts: Sendable, Codable, Equatable {
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    public var accepted: Int

    public init(errors: Int, warnings: Int, infos: Int, accepted: Int) {
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
        self.accepted = accepted
    }

    /// Counts the findings of `reports`; accepted findings count only as accepted.
    public init(_ reports: [ReviewReport]) {
        let findings = reports.flatMap(\.findings)
        let open = findings.filter { $0.status == .open }
        errors = open.count { $0.severity == .error }
        warnings = open.count { $0.severity == .warning }
        infos = open.count { $0.severity == .info }
        accepted = findings.count - open.count
    }

    /// Open findings of all severities.
    public var open: Int { errors + warnings + infos }

    /// "2 errors, 1 warning, 0 info; 1 accepted", or "no findings".
    public var sentence: String {
        if open == 0 && accepted == 0 { return "no findings" }
        var text = "\(plural(errors, "error")), \(plural(warnings, "warning")), \(infos) info"
        if accepted > 0 { text += "; \(accepted) accepted" }
        return text
    }

    private func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }
}

extension Finding {
    /// The order every output lists findings in: most severe first, then by place, rule and message,
    /// so the output does not depend on the order rules ran in.
    public static func displayOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        if lhs.components != rhs.components { return lhs.components.lexicographicallyPrecedes(rhs.components) }
        return lhs.message < rhs.message
    }

    /// `findings` sorted by `displayOrder`. Indices are sorted, not findings, on keys read out once (severity,
    /// place): a finding is a large value whose copy retains eight references, and a review at the model-size
    /// limit sorts 133,000 of them; the full order decides only between findings at the same place.
    public static func inDisplayOrder(_ findings: [Finding]) -> [Finding] {
        let severities = findings.map(\.severity), locations = findings.map(\.location)
        let order = findings.indices.sorted { a, b in
            if severities[a] != severities[b] { return severities[a] > severities[b] }
            if locations[a] != locations[b] { return locations[a] < locations[b] }
            return displayOrder(findings[a], findings[b])
        }
        return order.map { findings[$0] }
    }

    /// The components and flow a finding concerns, as one phrase: "orders, inventory · flow checkout".
    public var subject: String {
        var parts: [String] = []
        if !components.isEmpty { parts.append(components.joined(separator: ", ")) }
        if let flow { parts.append("flow \(flow)") }
        return parts.joined(separator: " · ")
    }
}

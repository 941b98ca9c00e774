/// Renders review reports for a terminal: one line per finding in the `file:line:col: severity: message`
/// form editors make clickable, grouped by severity or by component, with ANSI colour only when asked.
public enum TextRenderer {
    /// How findings are grouped.
    public enum Grouping: String, Sendable, CaseIterable, Codable {
        /// Errors, then warnings, then info, then accepted findings.
        case severity
        /// By the component a finding is about (its first component), in model order; system-wide findings last.
        case component
    }

    /// Renders `reports`, one block per model file, ending with a summary line.
    public static func render(_ reports: [ReviewReport], grouping: Grouping = .severity, color: Bool = false) -> String {
        let style = Style(enabled: color)
        var blocks = reports.map { render($0, grouping: grouping, style: style) }
        if reports.count > 1 {
            blocks.append(style.bold("total: ") + FindingCounts(reports).sentence + "\n")
        }
        return blocks.joined(separator: "\n")
    }

    static func render(_ report: ReviewReport, grouping: Grouping, style: Style) -> String {
        let counts = FindingCounts([report])
        var lines: [String] = []
        let files = report.files.isEmpty ? "" : " (\(report.files.joined(separator: ", ")))"
        lines.append(style.bold("\(report.system)\(files)") + ": \(counts.sentence), \(report.rules.count) rules checked")
        switch grouping {
        case .severity:
            for severity in Severity.allCases.reversed() {
                let group = report.open.filter { $0.severity == severity }.sorted(by: Finding.displayOrder)
                guard !group.isEmpty else { continue }
                lines.append("")
                lines.append(style.severity(severity, "\(severity.rawValue) (\(group.count))"))
                for finding in group { lines += describe(finding, style: style) }
            }
        case .component:
            for (name, group) in byComponent(report.open) {
                lines.append("")
                lines.append(style.bold("\(name) (\(group.count))"))
                for finding in group { lines += describe(finding, style: style) }
            }
        }
        let accepted = report.accepted.sorted(by: Finding.displayOrder)
        if !accepted.isEmpty {
            lines.append("")
            lines.append(style.dim("accepted (\(accepted.count))"))
            for finding in accepted { lines += describe(finding, style: style) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Open findings grouped by their first component, groups in order of first appearance in the file,
    /// findings without a component under "system" at the end.
    static func byComponent(_ findings: [Finding]) -> [(String, [Finding])] {
        var groups: [String: [Finding]] = [:]
        for finding in findings { groups[finding.components.first ?? "", default: []].append(finding) }
        let named = groups.filter { !$0.key.isEmpty }.map { name, group in
            (name, group.sorted(by: Finding.displayOrder))
        }.sorted { lhs, rhs in
            let (left, right) = (lhs.1.map(\.location).min(), rhs.1.map(\.location).min())
            if left != right, let left, let right { return left < right }
            return lhs.0 < rhs.0
        }
        let system = groups[""].map { [("system", $0.sorted(by: Finding.displayOrder))] } ?? []
        return named + system
    }

    static func describe(_ finding: Finding, style: Style) -> [String] {
        let severity = style.severity(finding.severity, finding.severity.rawValue)
        var lines = ["  \(finding.location): \(severity): \(finding.message) " + style.dim("[\(finding.ruleID)]")]
        if !finding.subject.isEmpty { lines.append("      " + style.dim("on: ") + finding.subject) }
        if finding.status == .accepted {
            lines.append("      " + style.dim("accepted: ") + (finding.acceptance ?? "yes"))
        } else {
            lines.append("      " + style.dim("fix: ") + finding.remedy)
        }
        return lines
    }

    /// ANSI styling that does nothing when disabled.
    struct Style {
        var enabled: Bool

        func bold(_ text: String) -> String { wrap(text, "1") }
        func dim(_ text: String) -> String { wrap(text, "2") }

        func severity(_ severity: Severity, _ text: String) -> String {
            switch severity {
            case .error: wrap(text, "1;31")
            case .warning: wrap(text, "1;33")
            case .info: wrap(text, "1;36")
            }
        }

        private func wrap(_ text: String, _ code: String) -> String {
            enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }
    }
}

import Foundation

/// Renders review reports as Markdown for pull requests, wikis and issue trackers.
public enum MarkdownRenderer {
    /// Renders `reports` as one document, a section per model file.
    public static func render(_ reports: [ReviewReport]) -> String {
        var lines = ["# Lintel review", ""]
        let counts = FindingCounts(reports)
        lines.append("| Severity | Open |")
        lines.append("|---|---:|")
        lines.append("| error | \(counts.errors) |")
        lines.append("| warning | \(counts.warnings) |")
        lines.append("| info | \(counts.infos) |")
        lines.append("| accepted | \(counts.accepted) |")
        for report in reports { lines += section(report) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func section(_ report: ReviewReport) -> [String] {
        var lines = ["", "## \(escape(report.system))", ""]
        let files = report.files.map { "`\(code($0))`" }.joined(separator: ", ")
        lines.append("\(files.isEmpty ? "" : files + " — ")\(FindingCounts([report]).sentence); \(report.rules.count) rules checked.")
        for severity in Severity.allCases.reversed() {
            let group = report.open.filter { $0.severity == severity }.sorted(by: Finding.displayOrder)
            guard !group.isEmpty else { continue }
            lines += ["", "### \(title(severity)) (\(group.count))", ""]
            for finding in group { lines += item(finding) }
        }
        let accepted = report.accepted.sorted(by: Finding.displayOrder)
        if !accepted.isEmpty {
            lines += ["", "### Accepted (\(accepted.count))", ""]
            for finding in accepted { lines += item(finding) }
        }
        return lines
    }

    static func item(_ finding: Finding) -> [String] {
        var lines = ["- **\(escape(finding.message))** `\(finding.ruleID)` at `\(code(finding.location.description))`"]
        if !finding.subject.isEmpty { lines.append("  - On: \(escape(finding.subject))") }
        if finding.status == .accepted {
            lines.append("  - Accepted: \(escape(finding.acceptance ?? "yes"))")
        } else {
            lines.append("  - Fix: \(escape(finding.remedy))")
        }
        return lines
    }

    static func title(_ severity: Severity) -> String {
        switch severity {
        case .error: "Errors"
        case .warning: "Warnings"
        case .info: "Info"
        }
    }

    /// Escapes the characters that would turn user text (names, messages) into Markdown markup.
    /// Code spans written by rule authors (`` `timeout:` ``) are kept when their backticks pair up.
    static func escape(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count % 2 == 1 else { return escapePlain(text) }
        return parts.enumerated().map { index, part in
            index % 2 == 1 ? "`\(part)`" : escapePlain(part)
        }.joined()
    }

    private static func escapePlain(_ text: some StringProtocol) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Text inside a code span cannot contain backticks; they are replaced by a look-alike.
    static func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'")
    }
}

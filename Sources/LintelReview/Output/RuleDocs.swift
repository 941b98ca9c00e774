/// The rule catalog as documentation: `docs/rules.md`, `lintel rules` and `lintel explain RULE`.
public enum RuleDocs {
    /// The command that regenerates `docs/rules.md`.
    public static let regenerateCommand = "swift run lintel rules --markdown > docs/rules.md"

    /// The Markdown catalog of `rules` (from `RuleRegistry.all`).
    public static func markdown(_ rules: [any Rule.Type]) -> String {
        markdown(descriptions: rules.map { $0.description })
    }

    /// The Markdown catalog: an index table, then each rule by category with rationale, remedy and examples.
    public static func markdown(descriptions: [RuleDescription]) -> String {
        let rules = sorted(descriptions)
        var lines = [
            "# Lintel rules",
            "",
            "<!-- Generated from the rule registry by `\(regenerateCommand)`; do not edit by hand. -->",
            "",
            "\(rules.count) rules. Each has a stable id, used in `accept:` entries, baselines and SARIF. "
                + "The severity is the rule's default; `lintel explain RULE-ID` prints one rule.",
            "",
            "| Rule | Category | Severity | Title |",
            "|---|---|---|---|",
        ]
        for rule in rules {
            lines.append("| [`\(rule.id)`](#\(rule.id)) | \(rule.category.rawValue) | \(rule.severity.rawValue) | \(cell(rule.title)) |")
        }
        for category in RuleCategory.allCases {
            let group = rules.filter { $0.category == category }
            guard !group.isEmpty else { continue }
            lines += ["", "## \(category.rawValue.capitalized)"]
            for rule in group { lines += section(rule) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func section(_ rule: RuleDescription) -> [String] {
        var lines = [
            "", "### `\(rule.id)`", "",
            "**\(rule.title)** — \(rule.category.rawValue), \(rule.severity.rawValue)", "",
            "**Why it matters.** \(rule.rationale)", "",
            "**How to fix it.** \(rule.remedy)",
        ]
        lines += examples("Fires on", rule.triggering)
        lines += examples("Does not fire on", rule.nonTriggering)
        return lines
    }

    static func examples(_ heading: String, _ examples: [RuleExample]) -> [String] {
        guard !examples.isEmpty else { return [] }
        var lines = ["", "\(heading):"]
        for example in examples {
            lines += ["", "```yaml"] + trimmed(example.yaml) + ["```"]
        }
        return lines
    }

    /// One rule for a terminal: `lintel explain RULE-ID`.
    public static func text(_ rule: RuleDescription) -> String {
        var lines = [
            "\(rule.id): \(rule.title)",
            "category: \(rule.category.rawValue) · default severity: \(rule.severity.rawValue)",
            "", "Why it matters:", "  " + rule.rationale,
            "", "How to fix it:", "  " + rule.remedy,
        ]
        for (heading, examples) in [("Fires on", rule.triggering), ("Does not fire on", rule.nonTriggering)] where !examples.isEmpty {
            lines += ["", "\(heading):"]
            for (number, example) in examples.enumerated() {
                if number > 0 { lines.append("    ---") }
                lines += trimmed(example.yaml).map { $0.isEmpty ? "" : "    " + $0 }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The catalog as a table for a terminal: `lintel rules`.
    public static func table(_ descriptions: [RuleDescription]) -> String {
        let rules = sorted(descriptions)
        let idWidth = max(4, rules.map(\.id.count).max() ?? 0)
        let categoryWidth = max(8, rules.map(\.category.rawValue.count).max() ?? 0)
        func row(_ id: String, _ category: String, _ severity: String, _ title: String) -> String {
            pad(id, idWidth) + "  " + pad(category, categoryWidth) + "  " + pad(severity, 8) + "  " + title
        }
        var lines = [row("RULE", "CATEGORY", "SEVERITY", "TITLE")]
        lines += rules.map { row($0.id, $0.category.rawValue, $0.severity.rawValue, $0.title) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Catalog order: by category as `RuleCategory` lists them, then by id.
    static func sorted(_ rules: [RuleDescription]) -> [RuleDescription] {
        let order = Dictionary(uniqueKeysWithValues: RuleCategory.allCases.enumerated().map { ($1, $0) })
        return rules.sorted { (order[$0.category] ?? 0, $0.id) < (order[$1.category] ?? 0, $1.id) }
    }

    /// An example's lines without the blank lines around it and without the indentation they share.
    static func trimmed(_ yaml: String) -> [String] {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop(while: { $0 == " " }).reversed())
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        let indent = lines.filter { !$0.isEmpty }.map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        return lines.map { $0.isEmpty ? $0 : String($0.dropFirst(indent)) }
    }

    private static func cell(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "|" { result.append("\\") }
            result.append(character)
        }
        return result
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

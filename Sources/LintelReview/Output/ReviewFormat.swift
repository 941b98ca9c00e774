/// The output formats of `lintel review`.
public enum ReviewFormat: String, Sendable, CaseIterable, Codable {
    /// Findings grouped for a terminal, optionally coloured.
    case text
    /// A report for pull requests, wikis and issue trackers.
    case markdown
    /// The reports as JSON with sorted keys, for other programs.
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.
    case sarif
}

/// Renders review reports in any format; the renderers themselves are pure functions of their input.
public enum ReviewOutput {
    /// Everything a renderer may need besides the reports.
    public struct Options: Sendable {
        /// How the text format groups findings.
        public var grouping: TextRenderer.Grouping
        /// ANSI colour in the text format.
        public var color: Bool
        /// The rule catalog, for SARIF rule metadata.
        public var rules: [RuleDescription]
        /// The tool version written into SARIF.
        public var toolVersion: String
        /// Directory that SARIF locations are made relative to (the repository root); nil keeps paths as given.
        public var baseDirectory: String?

        public init(grouping: TextRenderer.Grouping = .severity, color: Bool = false, rules: [RuleDescription] = [],
                    toolVersion: String = "0.0.0", baseDirectory: String? = nil) {
            self.grouping = grouping
            self.color = color
            self.rules = rules
            self.toolVersion = toolVersion
            self.baseDirectory = baseDirectory
        }
    }

    /// Renders `reports` (one per model file) as one document in `format`.
    public static func render(_ reports: [ReviewReport], format: ReviewFormat, options: Options = Options()) throws -> String {
        switch format {
        case .text:
            TextRenderer.render(reports, grouping: options.grouping, color: options.color)
        case .markdown:
            MarkdownRenderer.render(reports)
        case .json:
            try JSONRenderer.render(reports)
        case .sarif:
            try SARIFRenderer.render(reports, rules: options.rules, toolVersion: options.toolVersion,
                                     baseDirectory: options.baseDirectory)
        }
    }
}

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
    /// The order every renderer lists findings in: most severe first, then by place, rule and message,
    /// so the output does not depend on the order rules ran in.
    static func displayOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        if lhs.components != rhs.components { return lhs.components.lexicographicallyPrecedes(rhs.components) }
        return lhs.message < rhs.message
    }

    /// The components and flow a finding concerns, as one phrase: "orders, inventory · flow checkout".
    var subject: String {
        var parts: [String] = []
        if !components.isEmpty { parts.append(components.joined(separator: ", ")) }
        if let flow { parts.append("flow \(flow)") }
        return parts.joined(separator: " · ")
    }
}

import LintelReview

/// Builds the document of a review: per model file, a "fix these first" head, then one entry per rule listing the
/// components it touches, then the details (every location, clickable as `file:line:col`).
public enum ReviewDocument {
    /// How the details are grouped.
    public enum Grouping: String, Sendable, CaseIterable, Codable {
        /// One block per rule, in impact order.
        case rule
        /// One block per component a finding is about (its first), in order of place; system-wide findings last.
        case component
    }

    /// What the builder needs besides the reports.
    public struct Options: Sendable {
        /// Rule id → title.
        public var titles: [String: String]
        /// System name → the names of its critical flows; a system missing here treats every flow as critical.
        public var criticalFlows: [String: [String]]
        public var grouping: Grouping
        /// How many rules the "fix these first" head lists.
        public var fixFirst: Int
        /// How many component names an entry lists before "+N more".
        public var namesShown: Int
        /// How many component names a "fix these first" line lists before "+N more".
        public var namesShownFirst: Int

        public init(titles: [String: String] = [:], criticalFlows: [String: [String]] = [:], grouping: Grouping = .rule,
                    fixFirst: Int = 5, namesShown: Int = 6, namesShownFirst: Int = 3) {
            self.titles = titles
            self.criticalFlows = criticalFlows
            self.grouping = grouping
            self.fixFirst = fixFirst
            self.namesShown = namesShown
            self.namesShownFirst = namesShownFirst
        }

        /// Titles from a rule catalog.
        public init(rules: [RuleDescription], criticalFlows: [String: [String]] = [:], grouping: Grouping = .rule) {
            var titles: [String: String] = [:]
            for rule in rules { titles[rule.id] = rule.title }
            self.init(titles: titles, criticalFlows: criticalFlows, grouping: grouping)
        }
    }

    public static func build(_ reports: [ReviewReport], options: Options = Options()) -> Document {
        var blocks: [Block] = []
        if reports.count > 1 {
            blocks.append(.paragraph(Inline([.strong("Total: "), .text(FindingCounts(reports).sentence + ".")])))
        }
        for report in reports { blocks.append(.section(section(report, options: options))) }
        return Document(title: "Lintel review", blocks: blocks)
    }

    static func section(_ report: ReviewReport, options: Options) -> Section {
        let files = report.files.isEmpty ? "" : " (\(report.files.joined(separator: ", ")))"
        var blocks: [Block] = [.paragraph(Inline("\(FindingCounts([report]).sentence); \(report.rules.count) rules checked."))]
        let groups = Groups(report, options: options)
        blocks += summary(report, groups: groups, options: options)
        return Section(report.system + files, id: anchor("review", report.system),
                       blocks: blocks + details(report, groups: groups, options: options))
    }

    /// A report's findings grouped by rule once, for the summary and the details: the open groups and the
    /// accepted ones, each in impact order (`RuleGroup.groups`).
    struct Groups {
        var open: [RuleGroup]
        var accepted: [RuleGroup]

        init(_ report: ReviewReport, options: Options) {
            let critical = options.criticalFlows[report.system]
            open = RuleGroup.groups(report.open, titles: options.titles, criticalFlows: critical)
            accepted = RuleGroup.groups(report.accepted, titles: options.titles, criticalFlows: critical)
        }
    }

    /// The head of a review: "fix these first" and one entry per rule, by severity, then accepted risks.
    /// Shared by `lintel report`'s page.
    public static func summary(_ report: ReviewReport, options: Options) -> [Block] {
        summary(report, groups: Groups(report, options: options), options: options)
    }

    static func summary(_ report: ReviewReport, groups grouped: Groups, options: Options) -> [Block] {
        let groups = grouped.open
        var blocks: [Block] = []
        if !groups.isEmpty {
            let first = groups.prefix(options.fixFirst).map { group in
                // The entry below lists the components; the head names only the first few, so each line fits a terminal row.
                List.Item(headline(group) + Inline(" — " + reach(group, options: options, shown: options.namesShownFirst)))
            }
            blocks.append(.section(Section("Fix these first", id: anchor("fix-first", report.system),
                                           blocks: [.list(List(ordered: true, items: Array(first)))])))
        }
        for severity in Severity.allCases.reversed() {
            let members = groups.filter { $0.severity == severity }
            guard !members.isEmpty else { continue }
            let count = members.reduce(0) { $0 + $1.findings.count }
            let title = Inline([.tone(tone(severity), "\(heading(severity)) (\(members.count) \(members.count == 1 ? "rule" : "rules"), \(count) \(count == 1 ? "finding" : "findings"))")])
            blocks.append(.section(Section(title, id: anchor(heading(severity).lowercased(), report.system),
                                           blocks: [.list(List(items: members.map { entry($0, options: options) }))])))
        }
        let accepted = grouped.accepted
        if !accepted.isEmpty {
            let items = accepted.map { group -> List.Item in
                var item = entry(group, options: options, remedy: false)
                let reasons = unique(group.findings.map { $0.acceptance ?? "yes" })
                item.children.append(.paragraph(Inline([.tone(.dim, "accepted: "), .text(reasons.joined(separator: "; "))])))
                return item
            }
            blocks.append(.section(Section(Inline([.tone(.dim, "Accepted (\(report.accepted.count))")]),
                                           id: anchor("accepted", report.system), blocks: [.list(List(items: items))])))
        }
        return blocks
    }

    /// Every finding at its place, grouped by rule or by component.
    static func details(_ report: ReviewReport, groups: Groups, options: Options) -> [Block] {
        guard !report.findings.isEmpty else { return [] }
        var parts: [Block] = []
        switch options.grouping {
        case .rule:
            for group in groups.open + groups.accepted {
                let title = Inline([.code(group.ruleID), .text(" (\(group.findings.count))")])
                let eachRemedy = group.commonRemedy == nil
                parts.append(.section(Section(title, blocks: [.lines(group.findings.flatMap { lines($0, remedy: eachRemedy) })])))
            }
        case .component:
            for (name, findings) in byComponent(report.findings) {
                parts.append(.section(Section("\(name) (\(findings.count))", blocks: [.lines(findings.flatMap { lines($0, remedy: true) })])))
            }
        }
        return [.section(Section("Details", id: anchor("details", report.system), blocks: parts))]
    }

    static func lines(_ finding: Finding, remedy: Bool) -> [Inline] {
        var lines = [Inline([.text("\(finding.location): "), .tone(tone(finding.severity), finding.severity.rawValue),
                             .text(": \(finding.message) "), .tone(.dim, "[\(finding.ruleID)]")])]
        if finding.status == .accepted {
            lines.append(Inline([.text("    "), .tone(.dim, "accepted: "), .text(finding.acceptance ?? "yes")]))
        } else if remedy {
            lines.append(Inline([.text("    "), .tone(.dim, "fix: ")]) + Inline.withCode(finding.remedy))
        }
        return lines
    }

    static func headline(_ group: RuleGroup) -> Inline {
        Inline([.tone(tone(group.severity), group.severity.rawValue), .text(" ")]) + name(group)
    }

    /// The rule's title and id; the id alone when the catalog has no title for it.
    static func name(_ group: RuleGroup) -> Inline {
        group.title == group.ruleID ? Inline([.code(group.ruleID)]) : Inline([.strong(group.title), .text(" "), .code(group.ruleID)])
    }

    /// "3 components (a, b, c) · flows checkout, search · on a critical flow".
    static func reach(_ group: RuleGroup, options: Options, shown: Int? = nil) -> String {
        var parts: [String] = []
        let names = group.involved
        if !names.isEmpty {
            parts.append("\(names.count) \(names.count == 1 ? "component" : "components") (\(shortList(names, shown ?? options.namesShown)))")
        } else {
            parts.append("\(group.findings.count) \(group.findings.count == 1 ? "finding" : "findings"), system-wide")
        }
        if !group.flows.isEmpty { parts.append("\(group.flows.count == 1 ? "flow" : "flows") \(shortList(group.flows, options.namesShown))") }
        if group.onCriticalFlow && group.severity == .error { parts.append("on a critical flow") }
        return parts.joined(separator: " · ")
    }

    static func entry(_ group: RuleGroup, options: Options, remedy: Bool = true) -> List.Item {
        let count = group.findings.count
        var children: [Block] = [.paragraph(Inline([.tone(.dim, "on: "), .text(reach(group, options: options))]))]
        if count == 1, let finding = group.findings.first {
            children.append(.paragraph(Inline([.tone(.dim, "\(finding.location): "), .text(finding.message)])))
        } else if let finding = group.findings.first {
            children.append(.paragraph(Inline([.tone(.dim, "e.g. \(finding.location): "), .text(finding.message)])))
        }
        if remedy {
            if let common = group.commonRemedy {
                children.append(.paragraph(Inline([.tone(.dim, "fix: ")]) + Inline.withCode(common)))
            } else {
                children.append(.paragraph(Inline([.tone(.dim, "fix: "), .text("each finding's own, in the details")])))
            }
        }
        return List.Item(name(group) + Inline(" ×\(count)"), children: children)
    }

    /// Findings grouped by their first component, groups in order of first place in the file, findings without a
    /// component under "system" at the end.
    static func byComponent(_ findings: [Finding]) -> [(String, [Finding])] {
        var order: [String] = []
        var groups: [String: [Finding]] = [:]
        for finding in findings.sorted(by: { $0.location < $1.location || ($0.location == $1.location && Finding.displayOrder($0, $1)) }) {
            let name = finding.components.first ?? ""
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(finding)
        }
        let named = order.filter { !$0.isEmpty }.map { ($0, Finding.inDisplayOrder(groups[$0] ?? [])) }
        let system = groups[""].map { [("system", Finding.inDisplayOrder($0))] } ?? []
        return named + system
    }

    /// The names, or the first `shown` and "+N more" (never "+1 more": the last name is as short).
    static func shortList(_ names: [String], _ shown: Int) -> String {
        names.count <= shown + 1 ? names.joined(separator: ", ")
            : names.prefix(shown).joined(separator: ", ") + " +\(names.count - shown) more"
    }

    static func unique(_ texts: [String]) -> [String] { RuleGroup.unique(texts) }

    static func heading(_ severity: Severity) -> String {
        switch severity {
        case .error: "Errors"
        case .warning: "Warnings"
        case .info: "Info"
        }
    }

    static func tone(_ severity: Severity) -> Tone {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .info: .info
        }
    }

    /// A stable HTML anchor from a prefix and a name: lowercase ASCII letters and digits, dashes between.
    public static func anchor(_ prefix: String, _ name: String) -> String {
        var out = prefix + "-"
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}

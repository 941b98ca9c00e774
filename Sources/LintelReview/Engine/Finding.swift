import LintelCapacity
import LintelModel

/// How much a finding matters. Ordered: `info` < `warning` < `error`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// The concern a rule belongs to.
public enum RuleCategory: String, Sendable, Codable, CaseIterable {
    case topology, resilience, capacity, slo, data, security, operability, fit
}

/// One risk found in a model: which rule, where, the computed figures, and the fix.
public struct Finding: Sendable, Codable, Equatable {
    /// Whether the team has accepted the risk.
    public enum Status: String, Sendable, Codable, Equatable {
        case open
        /// Accepted in the model's `accept:` or in a baseline file.
        case accepted
    }

    public var ruleID: String
    public var severity: Severity
    public var category: RuleCategory
    /// One sentence with the figures: "retry amplification 27× on gateway → orders → inventory → stock-db".
    public var message: String
    /// The components involved, the first being the one the finding is about.
    public var components: [String]
    public var flow: String?
    /// The key in the model (or imported file) that causes the finding.
    public var location: SourceLocation
    public var remedy: String
    public var status: Status
    /// Why it was accepted, and until when, for accepted findings.
    public var acceptance: String?
    /// The figures the message quotes, each with its unit and formula, exactly as the capacity report
    /// (or the semantic core's call arithmetic) computed them; `nil` when the message quotes none.
    public var figures: [Figure]?

    public init(ruleID: String, severity: Severity, category: RuleCategory, message: String, components: [String] = [],
                flow: String? = nil, location: SourceLocation, remedy: String, status: Status = .open, acceptance: String? = nil,
                figures: [Figure]? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.category = category
        self.message = message
        self.components = components
        self.flow = flow
        self.location = location
        self.remedy = remedy
        self.status = status
        self.acceptance = acceptance
        self.figures = figures
    }

    /// A stable identity for baselines: rule, components and flow — not the message figures or the line,
    /// so that editing unrelated parts of the file does not resurrect an accepted finding.
    public var fingerprint: String {
        ([ruleID] + components + [flow ?? ""]).joined(separator: "|")
    }
}

import LintelModel

/// The result of reviewing one model: every finding, open or accepted, in file order.
public struct ReviewReport: Sendable, Codable, Equatable {
    public var system: String
    /// The files the model came from.
    public var files: [String]
    public var findings: [Finding]
    /// Ids of the rules that ran.
    public var rules: [String]

    public init(system: String, files: [String], findings: [Finding], rules: [String]) {
        self.system = system
        self.files = files
        self.findings = findings
        self.rules = rules
    }

    public var open: [Finding] { findings.filter { $0.status == .open } }
    public var accepted: [Finding] { findings.filter { $0.status == .accepted } }

    /// Open findings at or above `severity`, the ones that fail a CI run.
    public func failing(at severity: Severity) -> [Finding] {
        open.filter { $0.severity >= severity }
    }
}

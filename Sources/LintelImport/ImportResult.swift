import LintelModel

/// A model built from deployment files, with what the importer had to say about them.
public struct ImportResult: Sendable, Codable, Equatable {
    /// The imported model; `origin` names the files and lists what could not be inferred.
    public var model: Model
    /// Errors, warnings and notes, each located in the original files, in file order.
    public var diagnostics: [Diagnostic]

    public init(model: Model, diagnostics: [Diagnostic]) {
        self.model = model
        self.diagnostics = diagnostics
    }

    /// True when any diagnostic is an error: the model is then partial and should not be trusted.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Diagnostics of one severity.
    public func diagnostics(_ severity: Diagnostic.Severity) -> [Diagnostic] {
        diagnostics.filter { $0.severity == severity }
    }
}

/// Facts an importer cannot read from deployment files; every imported model lists them in
/// `origin.unknowns` so the review reports them as unknown instead of assuming values.
enum ImportUnknowns {
    static let all = [
        "latency: no service times in deployment files; kind defaults are used",
        "timeouts: no call timeouts in deployment files",
        "retries: no retry policies in deployment files",
        "circuit breakers: none visible in deployment files",
        "workers: concurrency per instance is not in deployment files; kind defaults are used",
        "traffic: no request rates in deployment files",
        "backups: backup jobs are not in deployment files",
        "authentication: auth and rate limits live in code or proxy configuration",
    ]
}

extension Array where Element == Diagnostic {
    /// Sorted by file, line and column, keeping the original order for ties.
    func inFileOrder() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            lhs.element.location == rhs.element.location ? lhs.offset < rhs.offset : lhs.element.location < rhs.element.location
        }.map(\.element)
    }
}

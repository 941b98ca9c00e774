import LintelModel

/// Builds diagnostics in one place, so the importers read as "error at", "warning at", "note at".
enum Report {
    static func error(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(message, at: location, hint: hint, severity: .error)
    }

    static func warning(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(message, at: location, hint: hint, severity: .warning)
    }

    static func note(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(message, at: location, hint: hint, severity: .note)
    }
}

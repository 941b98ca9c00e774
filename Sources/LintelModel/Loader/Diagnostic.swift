/// A position in a source file: 1-based line and column, as editors count them.
public struct SourceLocation: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form terminals and editors make clickable.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem found in an input file.
public struct Diagnostic: Sendable, Codable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Hashable {
        case error, warning, note
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// A hint printed under the message: accepted forms, a "did you mean", the fix.
    public var hint: String?

    public init(_ message: String, at location: SourceLocation, hint: String? = nil, severity: Severity = .error) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// `file:line:col: error: message`, followed by `file:line:col: note: hint` when there is a hint.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n\(location): note: \(hint)" }
        return text
    }
}

/// Thrown when a model cannot be loaded; carries every problem found, in file order.
public struct ModelLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

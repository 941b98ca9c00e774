import LintelModel

/// Why a tool call could not produce its result: located diagnostics, or one message.
///
/// Tool handlers throw it; the server turns it into a result with `isError` (never a crash or a
/// protocol error), carrying the diagnostics as `file:line:col: error: message` lines.
struct ToolFailure: Error, Sendable {
    var diagnostics: [Diagnostic]
    /// A message with no place in a file (a bad argument, a limit, a timeout).
    var message: String?

    init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
        message = nil
    }

    init(_ message: String) {
        diagnostics = []
        self.message = message
    }

    /// A diagnostic at line 1, column 1 of `file`: for problems with the input as a whole.
    static func whole(_ file: String, _ message: String) -> ToolFailure {
        ToolFailure(diagnostics: [Diagnostic(message, at: SourceLocation(file: file, line: 1, column: 1))])
    }

    /// The text a client shows: the message, then each diagnostic on its own line(s).
    var text: String {
        var lines: [String] = []
        if let message { lines.append("error: " + message) }
        lines += diagnostics.map(\.description)
        return lines.joined(separator: "\n")
    }
}

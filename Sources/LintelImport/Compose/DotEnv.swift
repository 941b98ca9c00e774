import Foundation
import LintelModel

/// Reads `.env` and `env_file` files: `KEY=VALUE` lines, `export KEY=VALUE`, `#` comments,
/// single-quoted (literal) and double-quoted (with `\n`, `\"` escapes) values.
enum DotEnv {
    struct Line: Sendable, Equatable {
        var name: String
        var value: String
        var location: SourceLocation
    }

    static func parse(_ text: String, file: String) -> (lines: [Line], diagnostics: [Diagnostic]) {
        var lines: [Line] = []
        var diagnostics: [Diagnostic] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            line = line.dropFirst(indent)
            if line.isEmpty || line.hasPrefix("#") { continue }
            var column = indent + 1
            if line.hasPrefix("export ") {
                line = line.dropFirst(7)
                column += 7
            }
            let location = SourceLocation(file: file, line: offset + 1, column: column)
            guard let equals = line.firstIndex(of: "=") else {
                // A bare name passes the variable through from the environment; it has no value here.
                let name = line.trimmingCharacters(in: .whitespaces)
                if !Interpolator.isName(Substring(name)) {
                    diagnostics.append(Report.warning("expected KEY=VALUE", at: location))
                }
                continue
            }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard Interpolator.isName(Substring(name)) else {
                diagnostics.append(Report.warning("'\(name)' is not a valid variable name", at: location))
                continue
            }
            lines.append(Line(name: name, value: unquote(line[line.index(after: equals)...]), location: location))
        }
        return (lines, diagnostics)
    }

    static func unquote(_ raw: Substring) -> String {
        let value = raw.trimmingCharacters(in: .whitespaces)
        if value.count >= 2, value.hasPrefix("'"), let close = value.dropFirst().firstIndex(of: "'") {
            return String(value[value.index(after: value.startIndex)..<close])
        }
        if value.count >= 2, value.hasPrefix("\"") {
            var output = ""
            var escaped = false
            for character in value.dropFirst() {
                if escaped {
                    switch character {
                    case "n": output.append("\n")
                    case "t": output.append("\t")
                    default: output.append(character)
                    }
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    return output
                } else {
                    output.append(character)
                }
            }
            return output
        }
        // An unquoted value ends at ` #` (an inline comment).
        if let comment = value.range(of: " #") { return value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces) }
        return value
    }
}

import Foundation
import LintelModel

/// Compose variable interpolation: `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
/// `${VAR:?error}`, `${VAR?error}`, `${VAR:+alternative}`, `${VAR+alternative}`, `$VAR`, and `$$` for `$`.
///
/// Values come from the given environment first, then from the project's `.env` file,
/// as `docker compose` resolves them.
struct Interpolator: Sendable {
    /// Where a variable's value came from.
    enum Source: Sendable, Equatable {
        /// The environment the importer was given (the deployer's shell): not written in any file.
        case environment
        /// The `.env` file: written in plain text next to the compose file.
        case dotEnv
        case unset
    }

    var environment: [String: String]
    var dotEnv: [String: String]
    /// Where each `.env` variable was written.
    var dotEnvLocations: [String: SourceLocation] = [:]

    func value(of name: String) -> (String?, Source) {
        if let value = environment[name] { return (value, .environment) }
        if let value = dotEnv[name] { return (value, .dotEnv) }
        return (nil, .unset)
    }

    /// The interpolated text, with a diagnostic for each unset variable or `:?` error.
    func interpolate(_ text: String, at location: SourceLocation) -> (text: String, diagnostics: [Diagnostic]) {
        guard text.contains("$") else { return (text, []) }
        var diagnostics: [Diagnostic] = []
        let result = expand(Array(text), at: location, diagnostics: &diagnostics)
        return (result, diagnostics)
    }

    /// The variable name when the whole text is one reference without a default (`${DB_PASSWORD}`, `$TOKEN`).
    static func soleReference(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name = Substring(trimmed)
        if name.hasPrefix("${"), name.hasSuffix("}") {
            name = name.dropFirst(2).dropLast()
            if let colon = name.firstIndex(where: { $0 == ":" || $0 == "?" }), name[colon...].contains("?") {
                name = name[..<colon]
            }
        } else if name.hasPrefix("$") {
            name = name.dropFirst()
        } else {
            return nil
        }
        return isName(name) ? String(name) : nil
    }

    static func isName(_ text: Substring) -> Bool {
        guard let first = text.first, first == "_" || first.isLetter else { return false }
        return text.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber } && text.allSatisfy(\.isASCII)
    }

    private func expand(_ characters: [Character], at location: SourceLocation, diagnostics: inout [Diagnostic]) -> String {
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "$", index + 1 < characters.count else {
                output.append(character)
                index += 1
                continue
            }
            let next = characters[index + 1]
            if next == "$" {
                output.append("$")
                index += 2
            } else if next == "{" {
                // Find the matching brace, allowing nested `${…}` in defaults.
                var depth = 1
                var end = index + 2
                while end < characters.count, depth > 0 {
                    if characters[end] == "{" { depth += 1 }
                    if characters[end] == "}" { depth -= 1 }
                    if depth > 0 { end += 1 }
                }
                guard end < characters.count else {
                    diagnostics.append(Report.warning("unterminated '${' in value", at: location))
                    output.append(contentsOf: String(characters[index...]))
                    return output
                }
                output += substitute(String(characters[(index + 2)..<end]), at: location, diagnostics: &diagnostics)
                index = end + 1
            } else if next == "_" || next.isLetter {
                var end = index + 1
                while end < characters.count, characters[end] == "_" || characters[end].isLetter || characters[end].isNumber { end += 1 }
                output += substitute(String(characters[(index + 1)..<end]), at: location, diagnostics: &diagnostics)
                index = end
            } else {
                output.append(character)
                index += 1
            }
        }
        return output
    }

    private func substitute(_ expression: String, at location: SourceLocation, diagnostics: inout [Diagnostic]) -> String {
        let operators = [":-", ":?", ":+", "-", "?", "+"]
        var name = expression
        var op: String?
        var argument = ""
        if let end = expression.firstIndex(where: { !($0 == "_" || $0.isLetter || $0.isNumber) }) {
            name = String(expression[..<end])
            let rest = String(expression[end...])
            if let found = operators.first(where: { rest.hasPrefix($0) }) {
                op = found
                argument = String(rest.dropFirst(found.count))
            } else {
                diagnostics.append(Report.warning("invalid interpolation '${\(expression)}'", at: location,
                                                  hint: "use ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error} or $$ for a literal $"))
                return ""
            }
        }
        let (value, _) = self.value(of: name)
        switch op {
        case ":-": return (value?.isEmpty ?? true) ? expand(Array(argument), at: location, diagnostics: &diagnostics) : value ?? ""
        case "-": return value ?? expand(Array(argument), at: location, diagnostics: &diagnostics)
        case ":+": return (value?.isEmpty ?? true) ? "" : expand(Array(argument), at: location, diagnostics: &diagnostics)
        case "+": return value == nil ? "" : expand(Array(argument), at: location, diagnostics: &diagnostics)
        case ":?", "?":
            if value == nil || (op == ":?" && value?.isEmpty == true) {
                let message = argument.isEmpty ? "required variable \(name) is not set" : "required variable \(name): \(argument)"
                diagnostics.append(Report.error(message, at: location, hint: "set \(name) in the environment or in .env"))
                return ""
            }
            return value ?? ""
        default:
            if let value { return value }
            diagnostics.append(Report.warning("variable \(name) is not set; using an empty string", at: location,
                                              hint: "set \(name) in the environment or in the .env file next to the compose file"))
            return ""
        }
    }
}

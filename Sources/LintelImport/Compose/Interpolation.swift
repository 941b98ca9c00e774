import Foundation
import LintelModel

/// Compose variable interpolation: `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
/// `${VAR:?error}`, `${VAR?error}`, `${VAR:+alternative}`, `${VAR+alternative}`, `$VAR`, and `$$` for `$`.
///
/// Values come from the given environment first, then from the project's `.env` file,
/// as `docker compose` resolves them — except that a value from the environment that holds or may
/// hold a secret is never substituted: the text keeps the reference (`${DB_PASSWORD}`) and a note
/// says the secret comes from the environment. Such a value is not written in any file, and nothing
/// Lintel writes may contain it.
struct Interpolator: Sendable {
    /// Where a variable's value came from.
    enum Source: Sendable, Equatable {
        /// The environment the importer was given (the deployer's shell): not written in any file.
        case environment
        /// The `.env` file: written in plain text next to the compose file.
        case dotEnv
        case unset
    }

    /// The outcome of interpolating one value.
    struct Result: Sendable {
        var text: String
        var diagnostics: [Diagnostic]
        /// Variables from the environment left as references because they hold or may hold a secret.
        var withheld: [String]
        /// Variables whose values came from the `.env` file, in the order used.
        var fromDotEnv: [String] = []
    }

    /// Deepest nesting of `${…}` inside a default or alternative. Compose files nest two or three
    /// levels; the limit keeps hostile input (10,000 nested defaults) to a clear error.
    static let nestingLimit = 32

    var environment: [String: String]
    var dotEnv: [String: String]
    /// Where each `.env` variable was written.
    var dotEnvLocations: [String: SourceLocation] = [:]

    func value(of name: String) -> (String?, Source) {
        if let value = environment[name] { return (value, .environment) }
        if let value = dotEnv[name] { return (value, .dotEnv) }
        return (nil, .unset)
    }

    /// True when the variable's value may be a credential: a secret-like name, or a value with
    /// `user:password@` in it.
    static func mayHoldSecret(name: String, value: String?) -> Bool {
        SecretDetector.isSecret(name: name, value: value)
    }

    /// The interpolated text, with a diagnostic for each unset variable or `:?` error.
    func interpolate(_ text: String, at location: SourceLocation) -> (text: String, diagnostics: [Diagnostic]) {
        let result = interpolation(of: text, at: location)
        return (result.text, result.diagnostics)
    }

    /// Interpolates `text` in one pass over it (time and memory linear in its length). When the
    /// result carries credentials and part of it came from the environment, every environment value
    /// in it is withheld: a password spliced into a URL is as secret as the password.
    func interpolation(of text: String, at location: SourceLocation) -> Result {
        guard text.contains("$") else { return Result(text: text, diagnostics: [], withheld: []) }
        var expander = Expander(scalars: Array(text.unicodeScalars), interpolator: self, location: location, withholdAll: false)
        var output = expander.run()
        if !expander.failed, expander.usedEnvironment, SecretDetector.hasCredentials(output) {
            expander = Expander(scalars: Array(text.unicodeScalars), interpolator: self, location: location, withholdAll: true)
            output = expander.run()
        }
        if expander.failed { output = text }
        return Result(text: output, diagnostics: expander.diagnostics, withheld: expander.withheld, fromDotEnv: expander.fromDotEnv)
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
}

/// One left-to-right pass over a value. Each `${…}` argument is read once, by a recursive call that
/// stops at its closing brace, so no text is rescanned or copied per level; the recursion is bounded
/// by `Interpolator.nestingLimit`.
private struct Expander {
    let scalars: [Unicode.Scalar]
    let interpolator: Interpolator
    let location: SourceLocation
    let withholdAll: Bool
    var index = 0
    var diagnostics: [Diagnostic] = []
    var withheld: [String] = []
    var fromDotEnv: [String] = []
    /// True when a value from the environment was substituted.
    var usedEnvironment = false
    /// True after an error that leaves the value uninterpolated (nesting too deep).
    var failed = false

    init(scalars: [Unicode.Scalar], interpolator: Interpolator, location: SourceLocation, withholdAll: Bool) {
        self.scalars = scalars
        self.interpolator = interpolator
        self.location = location
        self.withholdAll = withholdAll
    }

    mutating func run() -> String {
        expand(depth: 0, evaluate: true).text
    }

    static func isNameStart(_ scalar: Unicode.Scalar) -> Bool { scalar == "_" || scalar.properties.isAlphabetic }
    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Expands up to the end of the text (depth 0) or the `}` that closes the current `${…}`,
    /// consuming it. Unbalanced `{` inside an argument pair with later `}` as compose counts them.
    /// - Parameter evaluate: false for a branch that is not taken: it is read, nothing is substituted.
    mutating func expand(depth: Int, evaluate: Bool) -> (text: String, closed: Bool) {
        var output = ""
        var braces = 0
        while index < scalars.count, !failed {
            let scalar = scalars[index]
            if depth > 0, scalar == "}" {
                index += 1
                if braces == 0 { return (output, true) }
                braces -= 1
                if evaluate { output.unicodeScalars.append(scalar) }
                continue
            }
            if depth > 0, scalar == "{" { braces += 1 }
            guard scalar == "$", index + 1 < scalars.count else {
                if evaluate { output.unicodeScalars.append(scalar) }
                index += 1
                continue
            }
            let next = scalars[index + 1]
            if next == "$" {
                if evaluate { output.unicodeScalars.append("$") }
                index += 2
            } else if next == "{" {
                let start = index
                index += 2
                guard let text = braced(from: start, depth: depth, evaluate: evaluate) else {
                    if failed { return (output, false) }
                    // Unterminated: the rest of the value stays as written.
                    if evaluate {
                        diagnostics.append(Report.warning("unterminated '${' in value", at: location))
                        output.unicodeScalars.append(contentsOf: scalars[start...])
                    }
                    index = scalars.count
                    return (output, false)
                }
                if evaluate { output += text }
            } else if Self.isNameStart(next) {
                index += 1
                let name = readName()
                if evaluate { output += substitute(name) }
            } else {
                if evaluate { output.unicodeScalars.append(scalar) }
                index += 1
            }
        }
        return (output, false)
    }

    /// Reads `NAME[op argument]}` after a `${` at `start`; nil when there is no closing brace.
    private mutating func braced(from start: Int, depth: Int, evaluate: Bool) -> String? {
        let name = readName()
        if index < scalars.count, scalars[index] == "}" {
            index += 1
            return evaluate ? substitute(name) : ""
        }
        let operators = [":-", ":?", ":+", "-", "?", "+"]
        let op = operators.first { op in
            op.unicodeScalars.enumerated().allSatisfy { offset, scalar in
                index + offset < scalars.count && scalars[index + offset] == scalar
            }
        }
        guard depth + 1 <= Interpolator.nestingLimit else {
            failed = true
            diagnostics.append(Report.error(
                "variable interpolation nested deeper than \(Interpolator.nestingLimit) levels (at character \(start + 1) of the value)",
                at: location, hint: "a default or alternative may hold ${…} up to \(Interpolator.nestingLimit) levels deep"))
            return nil
        }
        guard let op, !name.isEmpty else {
            // Not a valid expression: read to its closing brace, substitute nothing.
            let (_, closed) = expand(depth: depth + 1, evaluate: false)
            guard closed else { return nil }
            if evaluate {
                let expression = String(String.UnicodeScalarView(scalars[(start + 2)..<(index - 1)]))
                diagnostics.append(Report.warning("invalid interpolation '${\(expression)}'", at: location,
                                                  hint: "use ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error} or $$ for a literal $"))
            }
            return ""
        }
        index += op.unicodeScalars.count
        let (value, source) = interpolator.value(of: name)
        let empty = value?.isEmpty ?? true
        let argumentStart = index
        switch op {
        case ":-", "-":
            let useDefault = op == ":-" ? empty : value == nil
            let (argument, closed) = expand(depth: depth + 1, evaluate: evaluate && useDefault)
            guard closed else { return nil }
            guard evaluate else { return "" }
            return useDefault ? argument : resolved(name, value ?? "", source)
        case ":+", "+":
            let useAlternative = op == ":+" ? !empty : value != nil
            let (argument, closed) = expand(depth: depth + 1, evaluate: evaluate && useAlternative)
            guard closed else { return nil }
            return evaluate && useAlternative ? argument : ""
        default:
            let (_, closed) = expand(depth: depth + 1, evaluate: false)
            guard closed else { return nil }
            guard evaluate else { return "" }
            if value == nil || (op == ":?" && empty) {
                let message = String(String.UnicodeScalarView(scalars[argumentStart..<(index - 1)]))
                diagnostics.append(Report.error(message.isEmpty ? "required variable \(name) is not set" : "required variable \(name): \(message)",
                                                at: location, hint: "set \(name) in the environment or in .env"))
                return ""
            }
            return resolved(name, value ?? "", source)
        }
    }

    private mutating func readName() -> String {
        let start = index
        if index < scalars.count, Self.isNameStart(scalars[index]) {
            index += 1
            while index < scalars.count, Self.isNameCharacter(scalars[index]) { index += 1 }
        }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    /// `$NAME` or `${NAME}` without an operator.
    private mutating func substitute(_ name: String) -> String {
        let (value, source) = interpolator.value(of: name)
        guard let value else {
            diagnostics.append(Report.warning("variable \(name) is not set; using an empty string", at: location,
                                              hint: "set \(name) in the environment or in the .env file next to the compose file"))
            return ""
        }
        return resolved(name, value, source)
    }

    /// A set variable's value, or its reference when it comes from the environment and may be a secret.
    private mutating func resolved(_ name: String, _ value: String, _ source: Interpolator.Source) -> String {
        if source == .dotEnv, !fromDotEnv.contains(name) { fromDotEnv.append(name) }
        guard source == .environment else { return value }
        guard withholdAll || Interpolator.mayHoldSecret(name: name, value: value) else {
            usedEnvironment = true
            return value
        }
        if !withheld.contains(name) {
            withheld.append(name)
            diagnostics.append(Report.note(
                "\(name) comes from the environment and may hold a secret; the model keeps the reference ${\(name)}, not its value",
                at: location))
        }
        return "${\(name)}"
    }
}

import LintelModel
import MCP

/// A tool call's arguments, read with the types the tool's input schema promises.
///
/// Clients do not all validate against the schema, so every read checks the type again and a
/// wrong one is a tool error naming the argument, never a crash.
struct Arguments: Sendable {
    let tool: String
    let values: [String: Value]

    /// Refuses arguments the tool does not declare, with a "did you mean".
    init(_ values: [String: Value]?, tool: String, allowed: [String]) throws(ToolFailure) {
        self.tool = tool
        self.values = values ?? [:]
        for key in self.values.keys.sorted() where !allowed.contains(key) {
            var message = "\(tool): unknown argument '\(key.prefix(64))'"
            // A hostile key may be megabytes long: only a short one can be a typo worth an edit-distance search.
            if key.count <= 64, let suggestion = Suggestion.closest(to: key, in: allowed) { message += "; did you mean '\(suggestion)'?" }
            throw ToolFailure(message + " (arguments: \(allowed.joined(separator: ", ")))")
        }
    }

    func string(_ key: String) throws(ToolFailure) -> String? {
        guard let value = values[key], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw mistyped(key, "a string") }
        return text
    }

    func number(_ key: String) throws(ToolFailure) -> Double? {
        guard let value = values[key], !value.isNull else { return nil }
        if let number = value.doubleValue, number.isFinite { return number }
        if let number = value.intValue { return Double(number) }
        throw mistyped(key, "a finite number")
    }

    func integer(_ key: String) throws(ToolFailure) -> Int? {
        guard let value = values[key], !value.isNull else { return nil }
        if let number = value.intValue { return number }
        if let number = value.doubleValue, number.rounded() == number, abs(number) < 9e15 { return Int(number) }
        throw mistyped(key, "an integer")
    }

    func bool(_ key: String) throws(ToolFailure) -> Bool? {
        guard let value = values[key], !value.isNull else { return nil }
        guard let flag = value.boolValue else { throw mistyped(key, "true or false") }
        return flag
    }

    /// One of `choices`, or `fallback` when absent.
    func choice(_ key: String, in choices: [String], default fallback: String) throws(ToolFailure) -> String {
        guard let text = try string(key) else { return fallback }
        guard choices.contains(text) else {
            throw ToolFailure("\(tool): '\(key)' must be one of \(choices.joined(separator: ", ")), got '\(text)'")
        }
        return text
    }

    private func mistyped(_ key: String, _ expected: String) -> ToolFailure {
        ToolFailure("\(tool): '\(key)' must be \(expected)")
    }
}

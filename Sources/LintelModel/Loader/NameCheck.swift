/// Names the user chooses (components, flows, scenarios, entities, the system) are printed in
/// terminals, diagrams and reports. A control character in one could rewrite a terminal line or
/// break a diagram, and bidirectional overrides make a name read differently from what it is
/// ("trojan source"), so both are refused.
public enum NameCheck {
    /// Why `name` cannot be used, or `nil` when it can.
    public static func problem(_ name: String) -> String? {
        guard let bad = name.unicodeScalars.first(where: isRefused) else { return nil }
        return "contains the control character \(code(bad))"
    }

    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.generalCategory == .control { return true }
        // Bidirectional embeddings, overrides and isolates.
        return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The name in quotes with refused characters written as `U+XXXX`, safe to print.
    public static func quoted(_ name: String) -> String {
        "'" + name.unicodeScalars.map { isRefused($0) ? "<\(code($0))>" : String($0) }.joined() + "'"
    }

    public static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// True when every character of `name` is one the orchestrators allow in a service or object name:
    /// ASCII letters, digits, `.`, `_` and `-` (compose: `[a-zA-Z0-9._-]+`; Kubernetes names are a subset).
    public static func isPlainIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                               || scalar == "." || scalar == "_" || scalar == "-")
        }
    }
}

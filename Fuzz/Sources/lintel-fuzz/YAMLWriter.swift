/// Writes a `YAMLValue` as block YAML. Yams' emitter resolves every scalar's tag with regular
/// expressions and took an eighth of a campaign's time; a model needs only plain scalars where
/// they read back the same and double quotes elsewhere.
enum YAMLWriter {
    static func text(_ document: YAMLValue) -> String {
        var out = ""
        write(document, indent: 0, into: &out)
        return out
    }

    private static func write(_ value: YAMLValue, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .scalar(let text):
            out += pad + scalar(text) + "\n"
        case .mapping(let pairs):
            if pairs.isEmpty { out += pad + "{}\n" }
            for pair in pairs {
                out += pad + scalar(pair.key.string ?? "") + ":"
                inline(pair.value, indent: indent, into: &out)
            }
        case .sequence(let items):
            if items.isEmpty { out += pad + "[]\n" }
            for item in items {
                out += pad + "-"
                inline(item, indent: indent, into: &out)
            }
        }
    }

    /// After "key:" or "-": a scalar, or a collection of scalars in flow style (as the examples
    /// write them, so a mutated model stays about as long as its seed and within libFuzzer's
    /// length limit), on the same line; anything else below.
    private static func inline(_ value: YAMLValue, indent: Int, into out: inout String) {
        switch value {
        case .scalar(let text): out += " " + scalar(text) + "\n"
        case .mapping(let pairs) where pairs.allSatisfy({ $0.value.string != nil }):
            out += " { " + pairs.map { scalar($0.key.string ?? "") + ": " + scalar($0.value.string ?? "") }.joined(separator: ", ") + " }\n"
        case .sequence(let items) where items.allSatisfy({ $0.string != nil }):
            out += " [" + items.map { scalar($0.string ?? "") }.joined(separator: ", ") + "]\n"
        default:
            out += "\n"
            write(value, indent: indent + 2, into: &out)
        }
    }

    /// Plain when it cannot be mistaken for YAML syntax, double-quoted with escapes otherwise.
    static func scalar(_ text: String) -> String {
        if isPlain(text) { return text }
        var quoted = "\""
        for unit in text.unicodeScalars {
            switch unit {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if unit.value < 0x20 || unit.value == 0x7F || (unit.value >= 0x80 && unit.value < 0xA0) {
                    let hex = String(unit.value, radix: 16)
                    quoted += "\\x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
                } else {
                    quoted.unicodeScalars.append(unit)
                }
            }
        }
        return quoted + "\""
    }

    private static func isPlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first != " ", last != " ", !text.contains(": "), !text.contains(" #"), !text.hasSuffix(":") else { return false }
        if "?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if first == "-", text.unicodeScalars.count == 1 || text.hasPrefix("- ") || text.hasPrefix("---") { return false }
        for unit in text.unicodeScalars {
            if unit.value < 0x20 || unit.value == 0x7F || (unit.value >= 0x80 && unit.value < 0xA0) { return false }
            if unit == "\u{FEFF}" || unit == "\u{2028}" || unit == "\u{2029}" || unit == "\u{85}" { return false }
            if unit == "," || unit == "[" || unit == "]" || unit == "{" || unit == "}" { return false }
        }
        return true
    }
}

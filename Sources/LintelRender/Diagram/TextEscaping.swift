/// Escaping of free text (component names, labels) for each diagram language.
enum TextEscaping {
    /// Text for a Mermaid label: a quoted flowchart label (`id["…"]`, `-->|"…"|`), a sequence
    /// participant alias, message text or block title.
    ///
    /// Mermaid replaces `#name;` and `#123;` entity codes before it parses a diagram
    /// ("Entity codes to escape characters", flowchart and sequence diagram syntax pages),
    /// so every character with a meaning in either grammar becomes an entity code: quotes
    /// (`#quot;`), `#` itself (so a name can never form an entity), `;` (ends a sequence
    /// statement), `:` (starts message text), `%` (comments and directives), brackets and
    /// braces (shapes), `|` (edge labels), `<>&` (HTML labels) and the backtick (markdown
    /// strings). Line breaks become spaces; `lines` joins lines with `<br/>`.
    static func mermaid(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\"": result += "#quot;"
            case "&": result += "#amp;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "#", ";", ":", "%", "|", "{", "}", "[", "]", "(", ")", "`", "\\":
                result += "#\(character.unicodeScalars.first.map { $0.value } ?? 32);"
            default:
                if character.isNewline || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    result += " "
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }

    /// Text for a Mermaid `%%` comment line: one line, never a `%%{` directive.
    static func comment(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "{" || $0 == "}" ? " " : $0 })
    }

    /// Mermaid label lines, each escaped, joined by `<br/>`.
    static func mermaid(lines: [String]) -> String {
        lines.map(mermaid).joined(separator: "<br/>")
    }

    /// Text inside a double-quoted DOT string.
    ///
    /// DOT quoted strings escape only `"`, but Graphviz also reads `\n`, `\l`, `\N`… escape
    /// sequences and `&name;` entities in labels, so backslashes are doubled and `&` becomes
    /// `&amp;` to show every name literally. Line breaks become spaces; `lines` joins with `\n`.
    static func dot(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "&": result += "&amp;"
            default:
                if character.isNewline || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    result += " "
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }

    /// DOT label lines, each escaped, joined by `\n` (centred lines).
    static func dot(lines: [String]) -> String {
        lines.map(dot).joined(separator: "\\n")
    }
}

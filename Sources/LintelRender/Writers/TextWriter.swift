/// Writes a document for a terminal: titles underlined, tables aligned in columns, colour only when asked.
///
/// Escaping policy (the one place for text): user text cannot move the cursor or change colours. Line breaks
/// and tabs inside a span become spaces; other control characters (C0, DEL, C1, so also ESC) become U+FFFD.
/// Everything else, `| * < > & "` and non-ASCII included, is written as it is.
public struct TextWriter: DocumentWriter, PlainListLayout {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func write(_ document: Document) -> String {
        var parts = [style(.strong(document.title))]
        parts += document.blocks.map { block($0, depth: 1) }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    func block(_ block: Block, depth: Int) -> String {
        switch block {
        case .section(let section):
            let title = inline(section.title)
            var head = title
            let width = Self.escape(section.title.plain).count
            if depth == 1 { head += "\n" + String(repeating: "=", count: width) }
            if depth == 2 { head += "\n" + String(repeating: "-", count: width) }
            return ([head] + section.blocks.map { self.block($0, depth: depth + 1) }).filter { !$0.isEmpty }.joined(separator: "\n\n")
        case .paragraph(let text):
            return inline(text)
        case .table(let table):
            return self.table(table)
        case .list(let list):
            return items(list, indent: "").joined(separator: "\n")
        case .code(let text, _):
            var text = text
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        case .figure(let figure):
            return Self.escape(figure.caption) + ": " + Self.escape(figure.description)
        case .lines(let lines):
            return lines.map { "  " + inline($0) }.joined(separator: "\n")
        }
    }

    func table(_ table: Table) -> String {
        let plain = table.rows.map { $0.map { Self.escape($0.plain) } }
        var widths = table.headers.map { Self.escape($0).count }
        for row in plain {
            for (column, cell) in row.enumerated() where column < widths.count { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ cells: [String], _ plainCells: [String]) -> String {
            var parts: [String] = []
            for (column, cell) in cells.enumerated() where column < widths.count {
                let pad = String(repeating: " ", count: max(0, widths[column] - plainCells[column].count))
                parts.append(table.alignments[column] == .right ? pad + cell : cell + pad)
            }
            var result = parts.joined(separator: "  ")
            while result.hasSuffix(" ") { result.removeLast() }
            return result
        }
        let headers = table.headers.map(Self.escape)
        var lines = [line(headers, headers)]
        let rule = widths.map { String(repeating: "-", count: $0) }
        lines.append(line(rule, rule))
        for (row, plainRow) in zip(table.rows, plain) { lines.append(line(row.map(inline), plainRow)) }
        return lines.joined(separator: "\n")
    }

    static let nestedDepth = 9

    func inline(_ text: Inline) -> String {
        text.spans.map(style).joined()
    }

    func style(_ span: Inline.Span) -> String {
        switch span {
        case .text(let text): Self.escape(text)
        case .strong(let text): wrap(Self.escape(text), "1")
        case .emphasis(let text): Self.escape(text)
        case .code(let text): "`" + Self.escape(text) + "`"
        case .bar(_, let label): Self.escape(label)
        case .link(let text, let target): Self.escape(text) + " (" + Self.escape(target) + ")"
        case .tone(let tone, let text):
            switch tone {
            case .error: wrap(Self.escape(text), "1;31")
            case .warning: wrap(Self.escape(text), "1;33")
            case .info: wrap(Self.escape(text), "1;36")
            case .ok: wrap(Self.escape(text), "32")
            case .dim: wrap(Self.escape(text), "2")
            }
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The text policy: no control characters reach the terminal.
    static func escape(_ text: String) -> String {
        // Almost every text has nothing to replace: check the UTF-8 bytes first (control characters are
        // single bytes below 0x20 or 0x7F; C1 controls are 0xC2 0x80…0x9F), and return the text itself.
        var clean = true
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) {
                clean = false
                break
            }
            previous = byte
        }
        if clean { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x09: result.unicodeScalars.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: result.unicodeScalars.append("\u{FFFD}")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Writes a document as CommonMark with GitHub tables.
///
/// Escaping policy (the one place for Markdown): in text, every character CommonMark or GitHub could read as
/// markup — `` \ ` * _ [ ] < > | & ~ `` — gets a backslash, so a name like `a|b*c<d>&e"` reads back as itself
/// (in table cells too, where `|` would end the cell); line breaks become spaces. Code spans replace a backtick
/// by `'` (a code span cannot contain its own delimiter) and are otherwise verbatim.
public struct MarkdownWriter: DocumentWriter, PlainListLayout {
    public init() {}

    public func write(_ document: Document) -> String {
        var parts = ["# " + Self.escape(document.title)]
        parts += document.blocks.map { block($0, depth: 2) }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    func block(_ block: Block, depth: Int) -> String {
        switch block {
        case .section(let section):
            let head = String(repeating: "#", count: min(depth, 6)) + " " + inline(section.title)
            return ([head] + section.blocks.map { self.block($0, depth: depth + 1) }).filter { !$0.isEmpty }.joined(separator: "\n\n")
        case .paragraph(let text):
            return inline(text)
        case .table(let table):
            var lines = ["| " + table.headers.map(Self.escape).joined(separator: " | ") + " |"]
            lines.append("|" + table.alignments.map { $0 == .right ? "---:" : "---" }.joined(separator: "|") + "|")
            lines += table.rows.map { "| " + $0.map { inline($0, inTable: true) }.joined(separator: " | ") + " |" }
            return lines.joined(separator: "\n")
        case .list(let list):
            return items(list, indent: "").joined(separator: "\n")
        case .code(let text, let language):
            var text = text
            while text.hasSuffix("\n") { text.removeLast() }
            var fence = "```"
            while text.contains(fence) { fence += "`" }
            return fence + (language ?? "") + "\n" + text + "\n" + fence
        case .figure(let figure):
            return "_" + Self.escape(figure.caption) + "_: " + Self.escape(figure.description)
        case .lines(let lines):
            return lines.map { "- " + inline($0) }.joined(separator: "\n")
        }
    }

    static let nestedDepth = 6

    func inline(_ text: Inline) -> String { inline(text, inTable: false) }

    func inline(_ text: Inline, inTable: Bool) -> String {
        text.spans.map { span in
            switch span {
            case .text(let text), .tone(_, let text): Self.escape(text)
            case .bar(_, let label): Self.escape(label)
            case .strong(let text): "**" + Self.escape(text) + "**"
            case .emphasis(let text): "_" + Self.escape(text) + "_"
            case .code(let text): Self.code(text, inTable: inTable)
            case .link(let text, let target): "[" + Self.escape(text) + "](" + Self.destination(target) + ")"
            }
        }.joined()
    }

    /// The bytes `escape` acts on: line breaks, tab and Markdown's syntax characters.
    private static let specialBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "\n\r\t\\`*_[]<>|&~".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// The Markdown policy for text: line breaks and tabs become one space each (CR LF one space), Markdown's
    /// syntax characters are backslash-escaped. Byte by byte (all of them are ASCII), so a character followed
    /// by a combining mark is escaped too; text with none of them is returned as it is.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { specialBytes[Int($0)] }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "\n") where previous == UInt8(ascii: "\r"): continue
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): bytes.append(UInt8(ascii: " "))
            case _ where specialBytes[Int(byte)]:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A link destination: characters that would end or break it (space, parentheses, angle brackets, controls,
    /// non-ASCII) percent-encoded, so any path reads back as itself.
    static func destination(_ target: String) -> String {
        var result = ""
        for byte in target.utf8 {
            switch byte {
            case 0x21...0x7E where !"()<>\\`|".utf8.contains(byte): result.unicodeScalars.append(Unicode.Scalar(byte))
            default: result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return result
    }

    /// A code span: backticks become `'`; in a table cell a pipe is escaped (GitHub removes that backslash
    /// before the span is read), so the cell does not end there.
    static func code(_ text: String, inTable: Bool = false) -> String {
        var body = text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
        if inTable { body = body.replacingOccurrences(of: "|", with: "\\|") }
        return "`" + body + "`"
    }
}

extension String {
    /// Left-padded with zeros to `width` characters.
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

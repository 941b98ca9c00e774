import LintelModel

/// Writes a document as one self-contained HTML page: the stylesheet is inline, pictures are inline SVG,
/// nothing is fetched. Readable printed (print stylesheet), usable at 375 px (tables scroll inside their
/// own box, pictures shrink), headings follow the section nesting, tables have `th` with `scope`.
///
/// Escaping policy (the one place for HTML): in text and attributes `& < > " '` become character references;
/// everything else, non-ASCII included, is written as UTF-8 (the page declares `charset=utf-8`).
/// `Illustration.svg` is the one thing written verbatim: it is markup Lintel drew (or Graphviz drew from
/// escaped DOT), never user text.
public struct HTMLWriter: DocumentWriter {
    public init() {}

    public func write(_ document: Document) -> String {
        var out = ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                   "<meta name=\"generator\" content=\"lintel\">",
                   "<title>\(Self.escape(document.title))</title>",
                   "<style>", HTMLStyle.css, "</style>", "</head>", "<body>", "<main>",
                   "<h1>\(Self.escape(document.title))</h1>"]
        for block in document.blocks { out.append(self.block(block, depth: 2)) }
        out += ["</main>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    func block(_ block: Block, depth: Int) -> String {
        switch block {
        case .section(let section):
            let level = min(depth, 6)
            let id = section.id.map { " id=\"\(Self.escape($0))\"" } ?? ""
            var lines = ["<section\(id)>", "<h\(level)>\(inline(section.title))</h\(level)>"]
            lines += section.blocks.map { self.block($0, depth: depth + 1) }
            lines.append("</section>")
            return lines.joined(separator: "\n")
        case .paragraph(let text):
            return "<p>\(inline(text))</p>"
        case .table(let table):
            return self.table(table)
        case .list(let list):
            return self.list(list, depth: depth)
        case .code(let text, let language):
            let cls = language.map { " class=\"language-\(Self.escape($0))\"" } ?? ""
            return "<pre><code\(cls)>\(Self.escape(text))</code></pre>"
        case .figure(let figure):
            return "<figure>\n<div class=\"picture\">\n\(figure.svg)\n</div>\n<figcaption>\(Self.escape(figure.caption))</figcaption>\n</figure>"
        case .lines(let lines):
            return "<ul class=\"lines\">\n" + lines.map { "<li>\(inline($0))</li>" }.joined(separator: "\n") + "\n</ul>"
        }
    }

    func list(_ list: List, depth: Int) -> String {
        let tag = list.ordered ? "ol" : "ul"
        var lines = ["<\(tag)>"]
        for item in list.items {
            let children = item.children.map { block($0, depth: depth) }.joined(separator: "\n")
            lines.append("<li>" + inline(item.text) + (children.isEmpty ? "" : "\n" + children + "\n") + "</li>")
        }
        lines.append("</\(tag)>")
        return lines.joined(separator: "\n")
    }

    func table(_ table: Table) -> String {
        func cls(_ column: Int) -> String { table.alignments[column] == .right ? " class=\"num\"" : "" }
        let label = Self.escape(table.headers.first ?? "table")
        var lines = ["<div class=\"scroll\" role=\"region\" aria-label=\"\(label) table\" tabindex=\"0\">", "<table>", "<thead>", "<tr>"]
        for (column, header) in table.headers.enumerated() {
            lines.append("<th scope=\"col\"\(cls(column))>\(Self.escape(header))</th>")
        }
        lines += ["</tr>", "</thead>", "<tbody>"]
        for row in table.rows {
            var cells: [String] = []
            for (column, cell) in row.enumerated() where column < table.headers.count {
                if column == 0 && table.rowHeaders {
                    cells.append("<th scope=\"row\"\(cls(column))>\(inline(cell))</th>")
                } else {
                    cells.append("<td\(cls(column))>\(inline(cell))</td>")
                }
            }
            lines.append("<tr>" + cells.joined() + "</tr>")
        }
        lines += ["</tbody>", "</table>", "</div>"]
        return lines.joined(separator: "\n")
    }

    func inline(_ text: Inline) -> String {
        text.spans.map { span in
            switch span {
            case .text(let text): Self.escape(text)
            case .strong(let text): "<strong>\(Self.escape(text))</strong>"
            case .emphasis(let text): "<em>\(Self.escape(text))</em>"
            case .code(let text): "<code>\(Self.escape(text))</code>"
            case .tone(let tone, let text): "<span class=\"tone-\(tone.rawValue)\">\(Self.escape(text))</span>"
            case .bar(let fraction, let label): Self.bar(fraction, label: label)
            case .link(let text, let target): "<a href=\"\(Self.escape(target))\">\(Self.escape(text))</a>"
            }
        }.joined()
    }

    /// A utilisation bar: the width is the share clamped to 0…100 %, the colour says how close to saturation.
    static func bar(_ fraction: Double, label: String) -> String {
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : (fraction > 0 ? 1 : 0)
        let tone = !fraction.isFinite || fraction >= 1 ? "error" : fraction > 0.7 ? "warning" : "ok"
        let width = UnitFormat.number(clamped * 100, decimals: 1)
        return "<span class=\"bar bar-\(tone)\" aria-hidden=\"true\"><span style=\"width:\(width)%\"></span></span>"
            + "<span class=\"bar-label\">\(escape(label))</span>"
    }

    /// The HTML policy, for text and attribute values alike: & < > " ' as character references. Byte by byte
    /// (all five are ASCII, and no UTF-8 continuation byte is ASCII), not character by character: a quote
    /// followed by a combining mark is one Swift `Character` that equals no quote, and would otherwise end an
    /// attribute unescaped. Text with none of the five is returned as it is (most text: a report of 10,000
    /// components spent 20% of its time copying it character by character).
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A run of text with emphasis, as a sequence of spans. Builders put user text (names, messages) in spans
/// unescaped; each writer applies its own escaping policy to every span.
public struct Inline: Sendable, Equatable, ExpressibleByStringLiteral {
    /// One piece of a run.
    public enum Span: Sendable, Equatable {
        case text(String)
        /// Bold in every format.
        case strong(String)
        /// Italic in Markdown and HTML; plain in text.
        case emphasis(String)
        /// Code: a key, a rule id, a file location. Backticked in text and Markdown, `<code>` in HTML.
        case code(String)
        /// Text with a meaning a terminal shows as colour and HTML as a class (`tone-error`, …).
        case tone(Tone, String)
        /// A share drawn as a bar in HTML (utilisation), with its label; the label alone elsewhere.
        /// `fraction` is clamped to 0…1 when drawn; the label says the true value.
        case bar(fraction: Double, label: String)
        /// A link to a relative path (an ADR from design.md): a link in Markdown and HTML, `text (target)` in text.
        case link(String, target: String)
    }

    public var spans: [Span]

    public init(_ spans: [Span]) { self.spans = spans }
    public init(_ text: String) { self.spans = [.text(text)] }
    public init(stringLiteral value: String) { self.init(value) }

    /// Text in which a rule author's code spans (`` `timeout:` ``) become `.code` spans when the backticks pair up.
    public static func withCode(_ text: String) -> Inline {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count % 2 == 1 else { return Inline(text) }
        var spans: [Span] = []
        for (index, part) in parts.enumerated() where !part.isEmpty {
            spans.append(index % 2 == 1 ? .code(String(part)) : .text(String(part)))
        }
        return Inline(spans)
    }

    /// The text without any markup.
    public var plain: String {
        spans.map { span in
            switch span {
            case .text(let text), .strong(let text), .emphasis(let text), .code(let text), .tone(_, let text): text
            case .bar(_, let label): label
            case .link(let text, _): text
            }
        }.joined()
    }

    public static func + (lhs: Inline, rhs: Inline) -> Inline { Inline(lhs.spans + rhs.spans) }
}

/// What a piece of text means, for colour and CSS.
public enum Tone: String, Sendable, Equatable, CaseIterable {
    case error, warning, info, ok, dim
}

/// A table: a header row, body rows, and each column's alignment.
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, right }

    public var headers: [String]
    public var rows: [[Inline]]
    public var alignments: [Alignment]
    /// The first column names the row (HTML `<th scope="row">`).
    public var rowHeaders: Bool

    /// A table whose columns in `numeric` are right-aligned; rows shorter than the header are padded.
    public init(headers: [String], rows: [[Inline]], numeric: Set<Int> = [], rowHeaders: Bool = true) {
        self.headers = headers
        self.rows = rows.map { row in row.count < headers.count ? row + Array(repeating: Inline(""), count: headers.count - row.count) : row }
        self.alignments = headers.indices.map { numeric.contains($0) ? .right : .left }
        self.rowHeaders = rowHeaders
    }

    /// A table of plain cells.
    public init(headers: [String], plainRows: [[String]], numeric: Set<Int> = [], rowHeaders: Bool = true) {
        self.init(headers: headers, rows: plainRows.map { $0.map { Inline($0) } }, numeric: numeric, rowHeaders: rowHeaders)
    }
}

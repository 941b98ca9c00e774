/// Writes a `Document` in one format. A writer owns its format's escaping policy: builders hand it raw text.
public protocol DocumentWriter: Sendable {
    /// The whole document, ending with a newline.
    func write(_ document: Document) -> String
}

/// The document formats Lintel ships. Adding one is a writer and a case here (the switch below is exhaustive,
/// so the compiler lists every place that must learn about it — there is one).
public enum DocumentFormat: String, Sendable, CaseIterable, Codable {
    /// For a terminal; ANSI colour only when asked.
    case text
    /// CommonMark with GitHub tables, for pull requests, wikis and issue trackers.
    case markdown
    /// One self-contained HTML page (styles inline, no network).
    case html

    /// The writer of this format.
    public func writer(color: Bool = false) -> any DocumentWriter {
        switch self {
        case .text: TextWriter(color: color)
        case .markdown: MarkdownWriter()
        case .html: HTMLWriter()
        }
    }
}

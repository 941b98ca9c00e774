/// A report as structure, before any format: what the report builders produce and the writers consume.
///
/// Builders never escape and never format for a target; writers never compute. A new output format is one
/// `DocumentWriter` and its case in `DocumentFormat` (see `DocumentFormat.writer`).
public struct Document: Sendable, Equatable {
    /// The document's title (the top heading; the HTML `<title>`).
    public var title: String
    /// Blocks before the first section.
    public var blocks: [Block]

    public init(title: String, blocks: [Block] = []) {
        self.title = title
        self.blocks = blocks
    }
}

/// One block of a document. Sections nest; a writer derives heading levels from the nesting, so headings
/// are always in order.
public indirect enum Block: Sendable, Equatable {
    /// A titled part of the document; `id` is a stable anchor (HTML `id`).
    case section(Section)
    case paragraph(Inline)
    case table(Table)
    case list(List)
    /// Verbatim text (source, a diagram's source, a series), with an optional language tag.
    case code(String, language: String? = nil)
    /// A picture with its text alternative; writers that cannot draw it write the alternative.
    case figure(Illustration)
    /// Lines kept as they are, one `Inline` each (diagnostic lines `file:line:col: severity: message`).
    case lines([Inline])
}

/// A titled part of a document.
public struct Section: Sendable, Equatable {
    public var title: Inline
    /// Anchor for links; letters, digits and dashes.
    public var id: String?
    public var blocks: [Block]

    public init(_ title: Inline, id: String? = nil, blocks: [Block]) {
        self.title = title
        self.id = id
        self.blocks = blocks
    }

    public init(_ title: String, id: String? = nil, blocks: [Block]) {
        self.init(Inline(title), id: id, blocks: blocks)
    }
}

/// A bulleted or numbered list; an item may hold nested blocks (a sub-list).
public struct List: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var text: Inline
        public var children: [Block]

        public init(_ text: Inline, children: [Block] = []) {
            self.text = text
            self.children = children
        }
    }

    public var ordered: Bool
    public var items: [Item]

    public init(ordered: Bool = false, items: [Item]) {
        self.ordered = ordered
        self.items = items
    }
}

/// A picture: inline SVG for HTML, its description elsewhere.
public struct Illustration: Sendable, Equatable {
    /// The SVG markup, written as is by the HTML writer (built by Lintel or by Graphviz, never from user text unescaped).
    public var svg: String
    /// A short caption shown under the figure.
    public var caption: String
    /// The text alternative: what the picture shows, in words.
    public var description: String

    public init(svg: String, caption: String, description: String) {
        self.svg = svg
        self.caption = caption
        self.description = description
    }
}

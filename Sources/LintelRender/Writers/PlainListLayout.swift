/// How the plain-text formats (text and Markdown) lay out a list: `- ` or `1. ` markers, each item's
/// children indented under its text by the marker's width, nested lists recursively.
protocol PlainListLayout {
    /// The heading depth a block inside a list item is written at (deep enough to never be a section).
    static var nestedDepth: Int { get }
    func block(_ block: Block, depth: Int) -> String
    func inline(_ text: Inline) -> String
}

extension PlainListLayout {
    func items(_ list: List, indent: String) -> [String] {
        var lines: [String] = []
        for (index, item) in list.items.enumerated() {
            let marker = list.ordered ? "\(index + 1). " : "- "
            lines.append(indent + marker + inline(item.text))
            let inner = indent + String(repeating: " ", count: marker.count)
            for child in item.children {
                if case .list(let sub) = child {
                    lines += items(sub, indent: inner)
                } else {
                    lines += block(child, depth: Self.nestedDepth).split(separator: "\n", omittingEmptySubsequences: false).map { inner + $0 }
                }
            }
        }
        return lines
    }
}

/// Writes a `SequenceDiagram` as a Mermaid `sequenceDiagram`, numbered with `autonumber`.
enum MermaidSequenceWriter {
    static func write(_ diagram: SequenceDiagram) -> String {
        var out = "%% \(TextEscaping.comment(diagram.title))\nsequenceDiagram\n  autonumber\n"
        for participant in diagram.participants {
            let keyword = participant.shape == .actor ? "actor" : "participant"
            out += "  \(keyword) \(participant.id) as \(TextEscaping.mermaid(participant.name))\n"
        }
        write(diagram.steps, indent: "  ", into: &out)
        return out
    }

    private static func write(_ steps: [SequenceStep], indent: String, into out: inout String) {
        for step in steps {
            switch step {
            case .message(let message):
                let arrow: String
                switch message.kind {
                case .sync: arrow = "->>+"
                case .async: arrow = "-)"
                case .reply: arrow = "-->>-"
                }
                // Message text is required after the colon.
                let label = message.label.isEmpty ? "call" : message.label
                out += "\(indent)\(message.from)\(arrow)\(message.to): \(TextEscaping.mermaid(label))\n"
            case .note(let over, let text):
                out += "\(indent)Note over \(over): \(TextEscaping.mermaid(text))\n"
            case .block(let block):
                let sections = block.sections.filter { !$0.steps.isEmpty }
                guard !sections.isEmpty else { continue }
                for (index, section) in sections.enumerated() {
                    let keyword = index == 0 ? block.kind.rawValue : "and"
                    out += "\(indent)\(keyword) \(TextEscaping.mermaid(section.label))\n"
                    write(section.steps, indent: indent + "  ", into: &out)
                }
                out += "\(indent)end\n"
            }
        }
    }
}

/// Writes a `SequenceDiagram` as a left-to-right Graphviz graph of the flow's path.
///
/// DOT has no sequence diagrams; arrows are numbered in call order (the numbers match
/// Mermaid's `autonumber` for requests and publishes), replies are left out, and the
/// blocks a call sits in prefix its label, e.g. `4. [opt cache miss (5%)] sql 200ms`.
enum DotSequenceWriter {
    static func write(_ diagram: SequenceDiagram) -> String {
        var out = "digraph \"\(TextEscaping.dot(diagram.title))\" {\n"
        out += "  graph [label=\"\(TextEscaping.dot(diagram.title))\", labelloc=t, fontname=\"Helvetica\", fontsize=14, "
        out += "rankdir=LR, nodesep=0.35, ranksep=0.8];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=11, shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#444444\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#444444\"];\n"
        for participant in diagram.participants {
            var attributes = ["label=\"\(TextEscaping.dot(participant.name))\""]
            attributes += DotGraphWriter.shapeAttributes(participant.shape)
            out += "  \(participant.id) [" + attributes.joined(separator: ", ") + "];\n"
        }
        var state = State()
        walk(diagram.steps, context: [], state: &state)
        out += state.lines.joined()
        return out + "}\n"
    }

    private struct State {
        /// Mermaid's autonumber counts every message, replies included.
        var number = 0
        var notes = 0
        var lines: [String] = []
    }

    private static func walk(_ steps: [SequenceStep], context: [String], state: inout State) {
        for step in steps {
            switch step {
            case .message(let message):
                state.number += 1
                guard message.kind != .reply else { continue }
                let prefix = context.map { "[\($0)] " }.joined()
                var attributes = ["label=\"\(TextEscaping.dot("\(state.number). \(prefix)\(message.label)"))\""]
                if message.kind == .async { attributes.append("style=dashed") }
                state.lines.append("  \(message.from) -> \(message.to) [" + attributes.joined(separator: ", ") + "];\n")
            case .note(let over, let text):
                state.notes += 1
                let id = "note_\(state.notes)"
                state.lines.append("  \(id) [label=\"\(TextEscaping.dot(text))\", shape=note, style=filled, fillcolor=\"#fffbe6\", fontsize=9];\n")
                state.lines.append("  \(over) -> \(id) [style=dotted, arrowhead=none];\n")
            case .block(let block):
                for section in block.sections {
                    walk(section.steps, context: context + ["\(block.kind.rawValue) \(section.label)"], state: &state)
                }
            }
        }
    }
}

/// Writes a `GraphDiagram` as a Mermaid `flowchart`.
enum MermaidGraphWriter {
    static func write(_ diagram: GraphDiagram) -> String {
        var out = "%% \(TextEscaping.comment(diagram.title))\nflowchart LR\n"
        for node in diagram.nodes where node.group == nil {
            out += "  " + declaration(node) + "\n"
        }
        for (index, group) in diagram.groups.enumerated() {
            let members = diagram.nodes.filter { $0.group == index }
            guard !members.isEmpty else { continue }
            out += "  subgraph \(group.id)[\"\(TextEscaping.mermaid(group.title))\"]\n"
            for node in members { out += "    " + declaration(node) + "\n" }
            out += "  end\n"
        }
        for edge in diagram.edges {
            let arrow: String
            switch edge.style {
            case .sync: arrow = "-->"
            case .async, .delivery: arrow = "-.->"
            case .entry: arrow = "==>"
            }
            let label = edge.label.isEmpty ? "" : "|\"\(TextEscaping.mermaid(edge.label))\"|"
            out += "  \(edge.from) \(arrow)\(label) \(edge.to)\n"
        }
        var used: [NodeStatus] = []
        for node in diagram.nodes {
            if let status = node.status, !used.contains(status) { used.append(status) }
        }
        for status in [NodeStatus.error, .warning, .info, .clean] where used.contains(status) {
            out += "  classDef \(status.rawValue) fill:\(status.fill),stroke:\(status.stroke),color:#000000\n"
            let members = diagram.nodes.filter { $0.status == status }.map(\.id)
            out += "  class \(members.joined(separator: ",")) \(status.rawValue)\n"
        }
        for node in diagram.nodes where node.shape == .external {
            out += "  style \(node.id) stroke-dasharray:5 5\n"
        }
        for node in diagram.nodes where node.shape == .system {
            out += "  style \(node.id) stroke-width:3px\n"
        }
        return out
    }

    /// `id<open>"label"<close>`, the shape brackets chosen by the node's kind.
    static func declaration(_ node: GraphDiagram.Node) -> String {
        let label = "\"" + TextEscaping.mermaid(lines: node.lines) + "\""
        let (open, close): (String, String)
        switch node.shape {
        case .service, .infrastructure, .system: (open, close) = ("[", "]")
        case .worker: (open, close) = ("[[", "]]")
        case .gateway: (open, close) = ("{{", "}}")
        case .database: (open, close) = ("[(", ")]")
        case .cache: (open, close) = ("([", "])")
        case .channel, .broker: (open, close) = (">", "]")
        case .objectStorage: (open, close) = ("[/", "\\]")
        case .cdn: (open, close) = ("[/", "/]")
        case .external: (open, close) = ("(", ")")
        case .actor: (open, close) = ("((", "))")
        }
        return node.id + open + label + close
    }
}

/// Writes a `GraphDiagram` as a Graphviz `digraph`, laid out left to right.
enum DotGraphWriter {
    static func write(_ diagram: GraphDiagram) -> String {
        var out = "digraph \"\(TextEscaping.dot(diagram.title))\" {\n"
        out += "  graph [label=\"\(TextEscaping.dot(diagram.title))\", labelloc=t, fontname=\"Helvetica\", fontsize=14, "
        out += "rankdir=LR, nodesep=0.35, ranksep=0.8];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=11, shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#444444\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#444444\"];\n"
        for node in diagram.nodes where node.group == nil {
            out += "  " + declaration(node) + "\n"
        }
        for (index, group) in diagram.groups.enumerated() {
            let members = diagram.nodes.filter { $0.group == index }
            guard !members.isEmpty else { continue }
            out += "  subgraph cluster_\(group.id) {\n"
            out += "    graph [label=\"\(TextEscaping.dot(group.title))\", style=\"rounded,dashed\", color=\"#999999\", fontsize=11];\n"
            for node in members { out += "    " + declaration(node) + "\n" }
            out += "  }\n"
        }
        for edge in diagram.edges {
            var attributes: [String] = []
            if !edge.label.isEmpty { attributes.append("label=\"\(TextEscaping.dot(edge.label))\"") }
            switch edge.style {
            case .sync: break
            case .async: attributes.append("style=dashed")
            case .delivery: attributes.append(contentsOf: ["style=dashed", "arrowhead=vee"])
            case .entry: attributes.append("penwidth=2")
            }
            let list = attributes.isEmpty ? "" : " [" + attributes.joined(separator: ", ") + "]"
            out += "  \(edge.from) -> \(edge.to)\(list);\n"
        }
        return out + "}\n"
    }

    static func declaration(_ node: GraphDiagram.Node) -> String {
        var attributes = ["label=\"\(TextEscaping.dot(lines: node.lines))\""]
        attributes.append(contentsOf: shapeAttributes(node.shape))
        if let status = node.status {
            attributes.append("fillcolor=\"\(status.fill)\"")
            attributes.append("color=\"\(status.stroke)\"")
        }
        return "\(node.id) [" + attributes.joined(separator: ", ") + "];"
    }

    static func shapeAttributes(_ shape: NodeShape) -> [String] {
        switch shape {
        case .service: []
        case .worker: ["shape=component", "style=filled"]
        case .gateway: ["shape=hexagon", "style=filled"]
        case .database: ["shape=cylinder", "style=filled"]
        case .cache: ["shape=cylinder", "style=\"filled,dashed\""]
        case .channel, .broker: ["shape=cds", "style=filled"]
        case .objectStorage: ["shape=folder", "style=filled"]
        case .cdn: ["shape=parallelogram", "style=filled"]
        case .external: ["style=\"rounded,dashed,filled\"", "fillcolor=\"#f2f2f2\""]
        case .infrastructure: ["shape=tab", "style=filled"]
        case .actor: ["shape=oval", "style=filled", "fillcolor=\"#eeeeee\""]
        case .system: ["penwidth=2"]
        }
    }
}

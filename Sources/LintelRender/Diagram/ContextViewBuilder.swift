import LintelModel

/// Builds the context view (C4 level 1): users, the system as one box, and the external
/// systems it depends on, with the protocols it uses to reach them.
enum ContextViewBuilder {
    static let systemID = "x_system"

    static func build(_ model: Model, options: RenderOptions) -> GraphDiagram {
        var ids = DiagramIdentifiers(prefix: "c_")
        ids.reserve(SystemViewBuilder.internetID)
        ids.reserve(systemID)
        let externals = model.components.filter { $0.kind.category == .external }
        for component in externals { ids.register(component.name) }
        let externalNames = Set(externals.map(\.name))
        let showsFindings = options.overlay.findings != nil

        var nodes: [GraphDiagram.Node] = []
        var edges: [GraphDiagram.Edge] = []
        let entries = model.components.filter(\.isPublic).map(\.name)
        if !entries.isEmpty || !model.flows.isEmpty {
            nodes.append(GraphDiagram.Node(id: SystemViewBuilder.internetID, lines: ["Users"], shape: .actor, group: nil, status: nil))
        }
        let inside = model.components.count - externals.count
        var systemLines = [model.system, "\(inside) component\(inside == 1 ? "" : "s")"]
        if let description = model.description { systemLines.append(description) }
        let worst = model.components.compactMap { options.overlay.findings?[$0.name]?.worst }.max()
        nodes.append(GraphDiagram.Node(id: systemID, lines: systemLines, shape: .system, group: nil,
                                       status: showsFindings ? NodeStatus(worst) : nil))
        for component in externals {
            nodes.append(GraphDiagram.Node(
                id: ids.id(component.name), lines: Labels.lines(component, overlay: options.overlay), shape: .external, group: nil,
                status: showsFindings ? NodeStatus(options.overlay.findings?[component.name]?.worst) : nil))
        }
        if !nodes.isEmpty, nodes[0].id == SystemViewBuilder.internetID {
            let label = entries.isEmpty ? "" : "via " + entries.joined(separator: ", ")
            edges.append(GraphDiagram.Edge(from: SystemViewBuilder.internetID, to: systemID, style: .entry, label: label))
        }
        // One arrow per external system and mode, labelled with the protocols used, in first-call order.
        for external in externals {
            for mode in [CallMode.sync, .async] {
                var protocols: [String] = []
                var found = false
                for component in model.components where !externalNames.contains(component.name) {
                    for call in component.calls where call.to == external.name && call.mode == mode {
                        found = true
                        if let name = call.protocolName?.rawValue, !protocols.contains(name) { protocols.append(name) }
                    }
                }
                if found {
                    edges.append(GraphDiagram.Edge(from: systemID, to: ids.id(external.name), style: mode == .sync ? .sync : .async,
                                                   label: protocols.joined(separator: ", ")))
                }
            }
        }
        return GraphDiagram(title: "\(model.system): context view", groups: [], nodes: nodes, edges: edges, showsFindings: showsFindings)
    }
}

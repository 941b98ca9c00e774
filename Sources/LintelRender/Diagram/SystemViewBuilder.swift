import LintelModel

/// Builds the system view: every component, clustered, with every edge of the core's graph —
/// calls and publishes in declaration order, then each topic's or queue's deliveries to its consumers
/// (its `consumers` and every component's `consumes`, as the core merged them).
enum SystemViewBuilder {
    static let internetID = "x_internet"

    static func build(_ semantics: SemanticModel, options: RenderOptions) -> GraphDiagram {
        let model = semantics.model
        let graph = semantics.graph
        var ids = DiagramIdentifiers(prefix: "c_")
        ids.reserve(internetID)
        for component in model.components { ids.register(component.name) }
        let grouping = groups(model, by: options.grouping)
        let showsFindings = options.overlay.findings != nil

        var nodes: [GraphDiagram.Node] = []
        let publicComponents = model.components.filter(\.isPublic)
        if !publicComponents.isEmpty {
            nodes.append(GraphDiagram.Node(id: internetID, lines: ["Internet"], shape: .actor, group: nil, status: nil))
        }
        for component in model.components {
            nodes.append(GraphDiagram.Node(
                id: ids.id(component.name), lines: Labels.lines(component, overlay: options.overlay),
                shape: NodeShape(component.kind), group: grouping.membership[component.name],
                status: showsFindings ? NodeStatus(options.overlay.findings?[component.name]?.worst) : nil))
        }

        var edges: [GraphDiagram.Edge] = []
        for component in publicComponents {
            edges.append(GraphDiagram.Edge(from: internetID, to: ids.id(component.name), style: .entry, label: ""))
        }
        for (node, component) in model.components.enumerated() {
            for e in graph.callEdges[node].compactMap({ $0 }) {
                guard let call = semantics.call(e) else { continue }
                edges.append(GraphDiagram.Edge(from: ids.id(component.name), to: ids.id(model.components[graph.edges[e].target].name),
                                               style: call.mode == .sync ? .sync : .async, label: Labels.call(call)))
            }
        }
        for (node, component) in model.components.enumerated() where component.kind.isMessaging {
            for e in graph.outgoing(node) where graph.edges[e].kind == .delivery {
                edges.append(GraphDiagram.Edge(from: ids.id(component.name), to: ids.id(model.components[graph.edges[e].target].name),
                                               style: .delivery, label: "delivers"))
            }
        }
        return GraphDiagram(title: "\(model.system): system view", groups: grouping.groups, nodes: nodes, edges: edges,
                            showsFindings: showsFindings)
    }

    /// The clusters and each component's cluster index.
    static func groups(_ model: Model, by grouping: DiagramGrouping) -> (groups: [GraphDiagram.Group], membership: [String: Int]) {
        var groups: [GraphDiagram.Group] = []
        var membership: [String: Int] = [:]
        switch grouping {
        case .none:
            break
        case .kind:
            let present = Set(model.components.map(\.kind.category))
            for category in ComponentKind.Category.allCases where present.contains(category) {
                groups.append(GraphDiagram.Group(id: "g_\(category.rawValue)", title: Labels.category(category)))
                for component in model.components where component.kind.category == category {
                    membership[component.name] = groups.count - 1
                }
            }
        case .context:
            let contexts = contextsByComponent(model)
            var order = model.domain.contexts.map(\.name)
            for component in model.components {
                if let context = contexts[component.name], !order.contains(context) { order.append(context) }
            }
            var ids = DiagramIdentifiers(prefix: "g_")
            for context in order {
                let members = model.components.filter { contexts[$0.name] == context }
                guard !members.isEmpty else { continue }
                groups.append(GraphDiagram.Group(id: ids.register(context), title: context))
                for member in members { membership[member.name] = groups.count - 1 }
            }
        }
        return (groups, membership)
    }

    /// A component's context: its own `context`, else the one context whose entities it stores.
    static func contextsByComponent(_ model: Model) -> [String: String] {
        var stored: [String: Set<String>] = [:]
        for context in model.domain.contexts {
            for entity in context.entities {
                if let store = entity.store { stored[store, default: []].insert(context.name) }
            }
        }
        var result: [String: String] = [:]
        for component in model.components {
            if let context = component.context {
                result[component.name] = context
            } else if let contexts = stored[component.name], contexts.count == 1, let only = contexts.first {
                result[component.name] = only
            }
        }
        return result
    }
}

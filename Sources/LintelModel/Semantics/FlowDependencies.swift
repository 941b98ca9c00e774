/// What a flow can reach: its hops (the last one with the operation it invokes), then every component
/// its requests reach through the calls they make and the messages they publish, in the order a request
/// first reaches them. `lintel check` prints it; it is the set review's flow rules reason about.
public struct FlowDependencies: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var component: String
        /// The operation invoked there (the flow's last hop, when it targets one).
        public var operation: String?
        public var kind: ComponentKind
        /// True when the flow cannot do without it (`ResolvedFlow.hardDependencies`).
        public var hard: Bool

        /// `orders.create`, or the component's name.
        public var label: String { operation.map { "\(component).\($0)" } ?? component }
    }

    public var flow: String
    public var entries: [Entry]

    /// `flow checkout → gateway, orders.create, payments, card-processor (external)`: external systems marked.
    public var line: String {
        "flow \(flow) → " + entries.map { $0.kind == .external ? "\($0.label) (external)" : $0.label }.joined(separator: ", ")
    }
}

extension SemanticModel {
    /// The dependency set of `flow`, breadth first from the last hop's plan (deliveries after calls).
    public func dependencies(of flow: ResolvedFlow) -> FlowDependencies {
        let components = model.components
        var order: [Int] = []
        var seen: Set<Int> = []
        for node in flow.hops where seen.insert(node).inserted { order.append(node) }
        var head = order.count
        let last = flow.last
        let first: [Int] = flow.operation != nil ? flow.lastPlan.edges : Array(graph.outgoing(last))
        for e in first where !graph.edges[e].closesCycle && seen.insert(graph.edges[e].target).inserted {
            order.append(graph.edges[e].target)
        }
        while head < order.count {
            let node = order[head]
            head += 1
            for e in graph.outgoing(node) where !graph.edges[e].closesCycle && seen.insert(graph.edges[e].target).inserted {
                order.append(graph.edges[e].target)
            }
        }
        let operationName = flow.operation.flatMap { k in components[last].operations.indices.contains(k) ? components[last].operations[k].name : nil }
        let entries = order.filter(flow.reaches).map { node in
            FlowDependencies.Entry(component: components[node].name, operation: node == last ? operationName : nil,
                                   kind: components[node].kind, hard: flow.isHardDependency(node))
        }
        return FlowDependencies(flow: flow.name, entries: entries)
    }
}

/// The calls a component makes for one request, in the order it makes them.
///
/// Calls are made in declaration order; calls sharing a `parallel` group run concurrently,
/// gathered at the first member's position, and the group ends when its slowest member ends.
/// Copies (`per_request` n = whole part + a fraction taken as one more copy with that
/// probability) run concurrently inside a parallel group — even a group of one — and one after
/// another outside a group. Edges that close a non-terminating cycle are left out.
public struct CallPlan: Sendable, Equatable {
    public struct Batch: Sendable, Equatable {
        /// Edge indices into `SemanticGraph.edges`, in declaration order.
        public var edges: [Int]
        /// The group's name; `nil` for a single call outside any group.
        public var parallel: String?
        /// True when the batch's calls (and their copies) run concurrently.
        public var isParallel: Bool { parallel != nil }
    }

    public var batches: [Batch]

    /// Every edge of the plan, in the order the batches run.
    public var edges: [Int] { batches.flatMap(\.edges) }

    static func build(node: Int, graph: SemanticGraph) -> CallPlan {
        build(edges: graph.outgoing(node), graph: graph)
    }

    /// The plan of an operation: its edges (`SemanticGraph.operationEdges`) in its order, groups gathered.
    static func build(edges list: some Sequence<Int>, graph: SemanticGraph) -> CallPlan {
        var batches: [Batch] = []
        var groupBatch: [String: Int] = [:]
        for e in list {
            let edge = graph.edges[e]
            guard edge.kind != .delivery, !edge.closesCycle else { continue }
            if let group = edge.parallel {
                if let b = groupBatch[group] { batches[b].edges.append(e); continue }
                groupBatch[group] = batches.count
            }
            batches.append(Batch(edges: [e], parallel: edge.parallel))
        }
        return CallPlan(batches: batches)
    }

    /// A plan of one call: what a route hop makes (only its call to the next hop).
    static func single(_ edge: Int, graph: SemanticGraph) -> CallPlan {
        CallPlan(batches: [Batch(edges: [edge], parallel: graph.edges[edge].parallel)])
    }
}

/// Copies of a call: `whole` always, one more with probability `fraction`.
public struct Copies: Sendable, Equatable {
    public var whole: Int
    public var fraction: Double

    /// Splits an expected count; counts beyond 1,000,000 are clamped (the loader's ranges keep real models far below).
    public init(_ expected: Double) {
        let value = expected.isFinite ? min(1_000_000, max(0, expected)) : 0
        let down = value.rounded(.down)
        whole = Int(down)
        fraction = value - down
    }
}

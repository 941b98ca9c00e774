/// One flow resolved against the graph: the exact calls its requests make and the load one
/// request per second puts on every component and edge.
///
/// The request enters at `entry` and passes `route`: each hop makes only its call to the next
/// hop (the first declared call to that component). The last hop makes its whole `CallPlan`, and
/// its callees theirs, and so on; topics and queues deliver to their consumers. A flow that targets an
/// operation makes that operation's plan at the last hop instead (`lastPlan`); every callee then makes
/// its own plan. Rates follow the traffic equations (terminating cycles solved exactly, see `CycleStructure`).
public struct ResolvedFlow: Sendable {
    public let index: Int
    public let name: String
    /// Entry, then route hops, as component indices.
    public let hops: [Int]
    /// The operation the flow targets at its last hop, as an index into that component's `operations`;
    /// `nil` when the flow names none (the last hop makes its own calls).
    public let operation: Int?
    /// The calls the last hop makes for this flow: its operation's plan, or its own plan.
    public let lastPlan: CallPlan
    /// The edge from hop i to hop i + 1 (`hopEdges.count == hops.count − 1`); `nil` when the route names a
    /// hop its predecessor does not call (the loader refuses that; programmatic models get a default sync call).
    public let hopEdges: [Int?]
    /// The flow's service levels: its own `slo`, missing fields filled from `requirements.slo`.
    public let slo: ServiceLevel?
    /// (component, arrivals per second) for one request per second of the flow, by component index.
    public let unitArrivals: [(node: Int, rate: Double)]
    /// (edge, calls per second) for one request per second of the flow, by edge index.
    public let unitEdgeRates: [(edge: Int, rate: Double)]
    /// Components the flow's requests reach (any edge not cut), sorted.
    public let reachable: [Int]
    /// Components the flow cannot do without: its hops and everything reached from the last hop through
    /// synchronous, non-optional calls; sorted.
    public let hardDependencies: [Int]

    /// The last hop, which makes all its calls.
    public var last: Int { hops[hops.count - 1] }

    /// True when the flow cannot do without `node` (binary search).
    public func isHardDependency(_ node: Int) -> Bool { Self.contains(hardDependencies, node) }

    /// True when the flow's requests reach `node`.
    public func reaches(_ node: Int) -> Bool { Self.contains(reachable, node) }

    static func contains(_ sorted: [Int], _ value: Int) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    init(index: Int, flow: Flow, hops: [Int], hopEdges: [Int?], operation: (index: Int, plan: CallPlan)?, defaultPlan: CallPlan,
         slo: ServiceLevel?, graph: SemanticGraph, cycles: CycleStructure, scratch: inout [Double]) {
        self.index = index
        name = flow.name
        self.hops = hops
        self.operation = operation?.index
        lastPlan = operation?.plan ?? defaultPlan
        self.hopEdges = hopEdges
        self.slo = slo
        var arrivals: [Int: Double] = [:]
        var edgeRates: [Int: Double] = [:]
        var rate = 1.0
        for (hop, node) in hops.enumerated().dropLast() {
            arrivals[node, default: 0] += rate
            if let e = hopEdges[hop] {
                rate *= graph.edges[e].factor
                edgeRates[e, default: 0] += rate
            }
        }
        // Everything reachable from the last hop, in topological order of strongly connected components.
        // With an operation, the last hop makes only the operation's calls; their targets go on from there.
        let last = hops[hops.count - 1]
        var reached: [Int] = [last]
        var seen: Set<Int> = [last]
        var head = 0
        if let plan = operation?.plan {
            arrivals[last, default: 0] += rate
            reached = []
            seen = []
            for e in plan.edges {
                let carried = rate * graph.edges[e].factor
                edgeRates[e, default: 0] += carried
                scratch[graph.edges[e].target] += carried
                if seen.insert(graph.edges[e].target).inserted { reached.append(graph.edges[e].target) }
            }
        } else {
            scratch[last] += rate
        }
        while head < reached.count {
            let node = reached[head]
            head += 1
            for e in graph.outgoing(node) where !graph.edges[e].closesCycle && seen.insert(graph.edges[e].target).inserted {
                reached.append(graph.edges[e].target)
            }
        }
        let positions = Array(Set(reached.map { cycles.componentOf[$0] })).sorted()
        TrafficEquations(graph: graph, cycles: cycles).solve(
            positions: positions, inflow: &scratch, passed: { _ in 1 }, multiplier: { _ in 1 }, corrected: false,
            arrive: { arrivals[$0, default: 0] += $1 }, carry: { edgeRates[$0, default: 0] += $1 })
        unitArrivals = arrivals.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        unitEdgeRates = edgeRates.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        var reachable = Set(reached)
        reachable.formUnion(hops)
        self.reachable = reachable.sorted()

        var hard = Set(hops)
        var queue = [last]
        head = 0
        if let plan = operation?.plan {
            queue = []
            for e in plan.edges where graph.edges[e].isHard && hard.insert(graph.edges[e].target).inserted {
                queue.append(graph.edges[e].target)
            }
        }
        while head < queue.count {
            let node = queue[head]
            head += 1
            for e in graph.outgoing(node) where graph.edges[e].isHard && !graph.edges[e].closesCycle {
                if hard.insert(graph.edges[e].target).inserted { queue.append(graph.edges[e].target) }
            }
        }
        hardDependencies = hard.sorted()
    }
}

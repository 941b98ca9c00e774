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
         slo: ServiceLevel?, graph: SemanticGraph, cycles: CycleStructure, scratch: inout FlowScratch) {
        self.index = index
        name = flow.name
        self.hops = hops
        self.operation = operation?.index
        lastPlan = operation?.plan ?? defaultPlan
        self.hopEdges = hopEdges
        self.slo = slo
        scratch.beginFlow()
        var rate = 1.0
        for (hop, node) in hops.enumerated().dropLast() {
            scratch.addArrival(node, rate)
            if let e = hopEdges[hop] {
                rate *= graph.edges[e].factor
                scratch.addEdgeRate(e, rate)
            }
        }
        // Everything reachable from the last hop, in topological order of strongly connected components.
        // With an operation, the last hop makes only the operation's calls; their targets go on from there.
        let last = hops[hops.count - 1]
        var reached: [Int] = []
        var head = 0
        if let plan = operation?.plan {
            scratch.addArrival(last, rate)
            for e in plan.edges {
                let carried = rate * graph.edges[e].factor
                scratch.addEdgeRate(e, carried)
                scratch.inflow[graph.edges[e].target] += carried
                if scratch.insert(graph.edges[e].target, .reached) { reached.append(graph.edges[e].target) }
            }
        } else {
            reached.append(last)
            _ = scratch.insert(last, .reached)
            scratch.inflow[last] += rate
        }
        while head < reached.count {
            let node = reached[head]
            head += 1
            for e in graph.outgoing(node) where !graph.edges[e].closesCycle && scratch.insert(graph.edges[e].target, .reached) {
                reached.append(graph.edges[e].target)
            }
        }
        var positions: [Int] = []
        for node in reached where scratch.insert(cycles.componentOf[node], .position) { positions.append(cycles.componentOf[node]) }
        positions.sort()
        var inflow = scratch.inflow
        scratch.inflow = []
        TrafficEquations(graph: graph, cycles: cycles).solve(
            positions: positions, inflow: &inflow, passed: { _ in 1 }, multiplier: { _ in 1 }, corrected: false,
            arrive: { scratch.addArrival($0, $1) }, carry: { scratch.addEdgeRate($0, $1) })
        scratch.inflow = inflow
        unitArrivals = scratch.takeArrivals()
        unitEdgeRates = scratch.takeEdgeRates()
        for hop in hops where scratch.insert(hop, .reached) { reached.append(hop) }
        self.reachable = reached.sorted()

        var hard: [Int] = []
        for hop in hops where scratch.insert(hop, .hard) { hard.append(hop) }
        var queue = [last]
        head = 0
        if let plan = operation?.plan {
            queue = []
            for e in plan.edges where graph.edges[e].isHard && scratch.insert(graph.edges[e].target, .hard) {
                queue.append(graph.edges[e].target)
                hard.append(graph.edges[e].target)
            }
        }
        while head < queue.count {
            let node = queue[head]
            head += 1
            for e in graph.outgoing(node) where graph.edges[e].isHard && !graph.edges[e].closesCycle {
                if scratch.insert(graph.edges[e].target, .hard) {
                    queue.append(graph.edges[e].target)
                    hard.append(graph.edges[e].target)
                }
            }
        }
        hardDependencies = hard.sorted()
    }
}

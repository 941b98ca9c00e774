import Foundation
import LintelModel

/// Availability, latency budget and retry amplification of one flow's call tree.
///
/// Budgets and retry products are computed once per component over the whole graph, so each
/// flow adds only its route and the reconstruction of its paths.
struct FlowAnalysis {
    /// Calls made by less than 1% of requests cannot move the p99 and are left out of it.
    static let p99Threshold = 0.01

    let graph: CallGraph

    /// One component's availability: 1 − (1 − a)ⁿ with n = instances for compute and
    /// external systems, n = 1 + replicas for stores, channels, brokers and infrastructure.
    static func availability(of component: Component) -> Double {
        switch component.kind.category {
        case .compute, .external: Reliability.redundant(component.availability, copies: max(0, component.instances))
        default: Reliability.redundant(component.availability, copies: 1 + max(0, component.replicas))
        }
    }

    struct Path {
        var nodes: [Int]
        var routeEdges: [Int?]
        var last: Int
    }

    func path(of flow: Flow) -> Path? {
        let nodes = flow.path.compactMap { graph.index[$0] }
        guard let last = nodes.last else { return nil }
        var routeEdges: [Int?] = []
        for (hop, node) in nodes.enumerated().dropLast() {
            let next = nodes[hop + 1]
            routeEdges.append(graph.outgoing(node).first { graph.edges[$0].target == next && graph.edges[$0].call != nil })
        }
        return Path(nodes: nodes, routeEdges: routeEdges, last: last)
    }

    /// The route plus every component reached from the last hop by synchronous, non-optional calls.
    func hardDependencies(_ path: Path, walk: inout GraphWalk) -> [Int] {
        let reached = walk.order(from: [path.last], in: graph) { $0.mode == .sync && $0.call != nil && !$0.optional }
        // `reached` holds each component once; only route hops before the last can repeat it.
        let route = path.nodes.dropLast().filter { !walk.wasReached($0) }
        var seen = Set<Int>()
        return route.filter { seen.insert($0).inserted } + reached
    }

    struct Latency {
        var p99: Double
        /// `.infinity` when a call without a timeout can wait forever.
        var worst: Double
        var critical: [Int]
    }

    /// Per component, callees first over the whole graph (a cycle is cut once, where a
    /// depth-first walk in file order closes it): the p99 budget of the call tree below it —
    /// its own p99 plus sequential calls summed (× ⌈calls per request⌉) and each parallel
    /// group's slowest — and the worst case with timeouts × attempts.
    struct Budgets {
        var total: [Double]
        var worst: [Double]
        var back: [Bool]
    }

    func budgets(p99: [Double], walk: inout GraphWalk) -> Budgets {
        var total = p99, worst = p99
        let order = walk.order(from: Array(0..<graph.count), in: graph) { Self.counts($0) }
        let back = graph.edges.indices.map { walk.isBack($0) }
        var groups: [(name: String, time: Double, worst: Double)] = []
        for node in order.reversed() {
            var sum = p99[node]
            var worstSum = p99[node]
            groups.removeAll(keepingCapacity: true)
            for edge in graph.outgoing(node) where !back[edge] {
                let call = graph.edges[edge]
                guard Self.counts(call) else { continue }
                let repeats = max(1, call.factor.rounded(.up))
                let time = repeats * total[call.target]
                let bound = repeats * (call.timeoutBound ?? Double(call.attempts) * worst[call.target])
                if let group = call.parallel {
                    if let index = groups.firstIndex(where: { $0.name == group }) {
                        groups[index].time = max(groups[index].time, time)
                        groups[index].worst = max(groups[index].worst, bound)
                    } else {
                        groups.append((group, time, bound))
                    }
                } else {
                    sum += time
                    worstSum += bound
                }
            }
            for group in groups {
                sum += group.time
                worstSum += group.worst
            }
            total[node] = sum
            worst[node] = worstSum
        }
        return Budgets(total: total, worst: worst, back: back)
    }

    /// The flow's p99 budget: the route hops' p99s plus the last hop's call tree.
    func latency(_ path: Path, p99: [Double], budgets: Budgets) -> Latency {
        var p99Total = budgets.total[path.last]
        var worstTotal = budgets.worst[path.last]
        for (hop, node) in path.nodes.enumerated().dropLast().reversed() {
            p99Total += p99[node]
            let call = path.routeEdges[hop].map { graph.edges[$0] }
            worstTotal = p99[node] + (call.map { $0.timeoutBound ?? Double($0.attempts) * worstTotal } ?? worstTotal)
        }
        return Latency(p99: p99Total, worst: worstTotal, critical: criticalPath(path, budgets: budgets))
    }

    /// The critical path: the route, then from the last hop the callee contributing the most
    /// time (calls per request × its budget) at each step, down to a leaf.
    private func criticalPath(_ path: Path, budgets: Budgets) -> [Int] {
        var critical = path.nodes
        var node = path.last
        var steps = 0
        while steps < graph.count {
            steps += 1
            var best: (node: Int, time: Double)?
            for edge in graph.outgoing(node) where !budgets.back[edge] && Self.counts(graph.edges[edge]) {
                let call = graph.edges[edge]
                let time = max(1, call.factor.rounded(.up)) * budgets.total[call.target]
                if time > best?.time ?? -1 { best = (call.target, time) }
            }
            guard let next = best?.node else { break }
            critical.append(next)
            node = next
        }
        return critical
    }

    private static func counts(_ edge: CallGraph.Edge) -> Bool {
        edge.mode == .sync && edge.call != nil && edge.factor > p99Threshold
    }

    /// Per component, the most attempts one request arriving there multiplies into below it
    /// (Π (1 + retries) along the worst synchronous path), and the next hop of that path.
    struct RetryTree {
        var below: [Double]
        var next: [Int]
        var back: [Bool]
        /// Callers before callees.
        var order: [Int]
    }

    func retryTree(walk: inout GraphWalk) -> RetryTree {
        var below = [Double](repeating: 1, count: graph.count)
        var next = [Int](repeating: -1, count: graph.count)
        let order = walk.order(from: Array(0..<graph.count), in: graph) { Self.isSyncCall($0) }
        let back = graph.edges.indices.map { walk.isBack($0) }
        for node in order.reversed() {
            for edge in graph.outgoing(node) where !back[edge] && Self.isSyncCall(graph.edges[edge]) {
                let call = graph.edges[edge]
                let through = Double(call.attempts) * below[call.target]
                if through > below[node] {
                    below[node] = through
                    next[node] = call.target
                }
            }
        }
        return RetryTree(below: below, next: next, back: back, order: order)
    }

    /// The route's attempts times the worst path below the last hop.
    func amplification(_ path: Path, tree: RetryTree) -> (factor: Double, routeFactor: Double, worstPath: [Int]) {
        var routeFactor = 1.0
        for edge in path.routeEdges { if let edge { routeFactor *= Double(graph.edges[edge].attempts) } }
        var chain = [path.last]
        while tree.next[chain[chain.count - 1]] >= 0, chain.count <= graph.count { chain.append(tree.next[chain[chain.count - 1]]) }
        return (routeFactor * tree.below[path.last], routeFactor, Array(path.nodes.dropLast()) + chain)
    }

    /// Most attempts reaching each component, from the flows' entries: attempts multiply
    /// along synchronous calls from `seeds` (component, attempts already made to reach it).
    func reaching(seeds: [(node: Int, attempts: Double)], tree: RetryTree) -> [Double] {
        var reach = [Double](repeating: 0, count: graph.count)
        for seed in seeds { reach[seed.node] = max(reach[seed.node], seed.attempts) }
        for node in tree.order where reach[node] > 0 {
            for edge in graph.outgoing(node) where !tree.back[edge] && Self.isSyncCall(graph.edges[edge]) {
                let call = graph.edges[edge]
                reach[call.target] = max(reach[call.target], reach[node] * Double(call.attempts))
            }
        }
        return reach
    }

    static func isSyncCall(_ edge: CallGraph.Edge) -> Bool { edge.mode == .sync && edge.call != nil }
}

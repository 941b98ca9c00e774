import Foundation
import LintelModel

/// Availability, latency budget and retry amplification of one flow's call tree.
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
        var seen = Set<Int>()
        return (path.nodes + reached).filter { seen.insert($0).inserted }
    }

    struct Latency {
        var p99: Double
        var worst: Double?
        var critical: [Int]
    }

    /// p99 budget: each component's p99 plus its calls' budgets, sequential calls summed
    /// (× ⌈per_request⌉), a parallel group taking its slowest member.
    func latency(_ path: Path, p99: [Double], walk: inout GraphWalk) -> Latency {
        let order = walk.order(from: [path.last], in: graph) { counts($0) }
        var total: [Int: Double] = [:]
        var worst: [Int: Double?] = [:]
        var chosen: [Int: [Int]] = [:]
        for node in order.reversed() {
            var sum = p99[node]
            var worstSum: Double? = p99[node]
            var groups: [String: (time: Double, worst: Double?, edge: Int)] = [:]
            var picked: [Int] = []
            for edge in graph.outgoing(node) where !walk.isBack(edge) && counts(graph.edges[edge]) {
                let call = graph.edges[edge]
                let repeats = max(1, call.factor.rounded(.up))
                let time = repeats * (total[call.target] ?? 0)
                let bound = callWorst(edge, callee: worst[call.target] ?? nil).map { repeats * $0 }
                if let group = call.parallel {
                    if let current = groups[group], current.time >= time {
                        groups[group] = (current.time, larger(current.worst, bound), current.edge)
                    } else {
                        groups[group] = (time, larger(groups[group]?.worst ?? 0, bound), edge)
                    }
                } else {
                    sum += time
                    worstSum = add(worstSum, bound)
                    picked.append(edge)
                }
            }
            for (_, group) in groups.sorted(by: { $0.value.edge < $1.value.edge }) {
                sum += group.time
                worstSum = add(worstSum, group.worst)
                picked.append(group.edge)
            }
            total[node] = sum
            worst[node] = worstSum
            chosen[node] = picked.sorted()
        }
        var p99Total = total[path.last] ?? 0
        var worstTotal: Double? = worst[path.last] ?? nil
        for (hop, node) in path.nodes.enumerated().dropLast().reversed() {
            p99Total += p99[node]
            if let edge = path.routeEdges[hop] {
                worstTotal = add(p99[node], callWorst(edge, callee: worstTotal))
            } else {
                worstTotal = add(worstTotal, p99[node])
            }
        }
        // Critical path: route, then the counted calls in request order, each component once.
        var critical = Array(path.nodes.dropLast())
        var seen = Set(critical)
        var stack = [path.last]
        while let node = stack.popLast() {
            guard seen.insert(node).inserted else { continue }
            critical.append(node)
            for edge in (chosen[node] ?? []).reversed() { stack.append(graph.edges[edge].target) }
        }
        return Latency(p99: p99Total, worst: worstTotal, critical: critical)
    }

    /// A call's worst time: attempts × timeout + backoff when it sets a timeout, else attempts × the callee's worst.
    private func callWorst(_ edge: Int, callee: Double?) -> Double? {
        let call = graph.edges[edge]
        guard let position = call.call else { return callee }
        let spec = graph.components[call.source].calls[position]
        if let timeout = spec.timeout {
            return Double(spec.attempts) * timeout.seconds + Self.backoffTotal(spec)
        }
        return callee.map { Double(spec.attempts) * $0 }
    }

    /// The longest total backoff over a call's retries (jitter at its maximum).
    static func backoffTotal(_ call: Call) -> Double {
        let base = call.backoffBase.seconds, cap = call.backoffCap.seconds
        var total = 0.0
        for attempt in 0..<max(0, call.retries) {
            switch call.backoff {
            case .none: break
            case .constant: total += min(cap, base)
            case .exponential, .fullJitter, .equalJitter: total += min(cap, base * pow(2, Double(attempt)))
            case .decorrelatedJitter: total += min(cap, base * pow(3, Double(attempt + 1)))
            }
        }
        return total
    }

    private func counts(_ edge: CallGraph.Edge) -> Bool {
        edge.mode == .sync && edge.call != nil && edge.factor > Self.p99Threshold
    }

    private func add(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b else { return nil }
        return a + b
    }

    private func larger(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b else { return nil }
        return max(a, b)
    }

    struct Amplification {
        var factor: Double
        var worstPath: [Int]
        /// (component, most attempts per flow request reaching it).
        var perComponent: [(node: Int, attempts: Double)]
    }

    /// Attempts multiply along synchronous calls; the worst path is the product's maximum.
    func amplification(_ path: Path, walk: inout GraphWalk) -> Amplification {
        var routeFactor = 1.0
        var perComponent: [(Int, Double)] = []
        for (hop, node) in path.nodes.enumerated().dropLast() {
            perComponent.append((node, routeFactor))
            if let edge = path.routeEdges[hop] { routeFactor *= Double(graph.edges[edge].attempts) }
        }
        let order = walk.order(from: [path.last], in: graph) { $0.mode == .sync && $0.call != nil }
        var attempts: [Int: Double] = [path.last: routeFactor]
        var parent: [Int: Int] = [:]
        for node in order {
            guard let here = attempts[node] else { continue }
            for edge in graph.outgoing(node) where !walk.isBack(edge) {
                let call = graph.edges[edge]
                guard call.mode == .sync, call.call != nil else { continue }
                let reaching = here * Double(call.attempts)
                if reaching > attempts[call.target] ?? 0 {
                    attempts[call.target] = reaching
                    parent[call.target] = node
                }
            }
        }
        var worst = path.last
        for node in order where (attempts[node] ?? 0) > (attempts[worst] ?? 0) { worst = node }
        var chain = [worst]
        while let up = parent[chain[chain.count - 1]], chain.count <= order.count { chain.append(up) }
        perComponent += order.compactMap { node in attempts[node].map { (node, $0) } }
        return Amplification(factor: attempts[worst] ?? 1, worstPath: Array(path.nodes.dropLast()) + chain.reversed(),
                             perComponent: perComponent)
    }
}

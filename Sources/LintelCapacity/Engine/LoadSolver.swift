import LintelModel

/// Arrival rates per component and call rates per edge at given flow rates, from the semantic
/// core's graph, with two steady-state corrections the core's unit loads do not know about:
/// retries multiply the attempts an edge carries, and a component that turns requests away
/// (rate limit, full queue) passes on only what it admits.
///
/// Without corrections this equals `SemanticModel.arrivals(flowRates:)`: route hops make only
/// their call to the next hop, the last hop its whole plan, topics and queues deliver, and
/// terminating cycles follow the traffic equations (strongly connected components in the
/// core's topological order; inside one, Gauss–Seidel until the rates settle).
struct LoadSolver {
    let semantics: SemanticModel

    struct Load {
        /// Offered arrivals per second at each component (before its own rate limit or queue).
        var arrival: [Double]
        /// Attempts per second on each edge.
        var edgeRate: [Double]
    }

    /// - Parameters:
    ///   - attempts: per edge, attempts per call (1 without retries).
    ///   - admitted: per component, the fraction of its arrivals it serves and passes on.
    func solve(flowRates: [Double], attempts: [Double], admitted: [Double]) -> Load {
        let graph = semantics.graph
        var arrival = [Double](repeating: 0, count: graph.count)
        var edgeRate = [Double](repeating: 0, count: graph.edges.count)
        var inflow = [Double](repeating: 0, count: graph.count)
        for (flow, rate) in zip(semantics.flows, flowRates) where rate > 0 {
            var carried = rate
            for (hop, node) in flow.hops.enumerated().dropLast() {
                arrival[node] += carried
                guard let e = flow.hopEdges[hop] else { continue } // a default call carries every request on
                carried *= graph.edges[e].factor * attempts[e] * admitted[node]
                edgeRate[e] += carried
            }
            inflow[flow.last] += carried
        }
        for members in semantics.cycles.components {
            let cyclic = members.count > 1 || members.contains { node in
                graph.outgoing(node).contains { graph.edges[$0].target == node && !graph.edges[$0].closesCycle }
            }
            if cyclic {
                // Rates inside the cycle: x = inflow + P'x with P' the corrected factors, solved by Gauss–Seidel.
                let outside = members.map { inflow[$0] }
                var settled = false
                var sweeps = 0
                while !settled, sweeps < 10_000 {
                    sweeps += 1
                    settled = true
                    for (i, node) in members.enumerated() {
                        var value = outside[i]
                        for source in members {
                            for e in graph.outgoing(source) where graph.edges[e].target == node && !graph.edges[e].closesCycle {
                                value += inflow[source] * admitted[source] * graph.edges[e].factor * attempts[e]
                            }
                        }
                        if abs(value - inflow[node]) > 1e-12 * max(1, value) { settled = false }
                        inflow[node] = value.isFinite ? min(value, 1e15) : 1e15
                    }
                }
            }
            for node in members {
                let rate = inflow[node]
                guard rate > 0 else { continue }
                arrival[node] += rate
                for e in graph.outgoing(node) where !graph.edges[e].closesCycle {
                    let edge = graph.edges[e]
                    let carried = rate * admitted[node] * edge.factor * attempts[e]
                    guard carried > 0 else { continue }
                    edgeRate[e] += carried
                    if !(cyclic && members.contains(edge.target)) { inflow[edge.target] += carried }
                }
            }
        }
        return Load(arrival: arrival, edgeRate: edgeRate)
    }
}

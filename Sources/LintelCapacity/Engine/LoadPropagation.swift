import LintelModel

/// How one request per second of each flow spreads over the components.
///
/// The request enters at the flow's entry and passes its route (each hop makes only the
/// call to the next hop); at the last hop every call is made, and so on down the call
/// tree: multiplied by `per_request`, reduced by hit ratios and `on_miss`, copied to every
/// consumer of a topic (split among the consumers of a queue), async publishes included.
/// A call back to a component already on the current path is not followed. Retries add no
/// load at steady state and are reported as amplification instead.
///
/// Load is linear in the flow rates, so each flow is walked once at 1/s and any load level
/// is a weighted sum of these unit vectors.
struct LoadPropagation: Sendable {
    struct Unit: Sendable {
        /// (component, arrivals per second) for one request per second of the flow.
        var arrivals: [(node: Int, rate: Double)]
        /// (edge, calls per second) for one request per second of the flow.
        var edges: [(edge: Int, rate: Double)]
    }

    let units: [Unit]
    let componentCount: Int
    let edgeCount: Int

    init(model: Model, graph: CallGraph, walk: inout GraphWalk) {
        componentCount = graph.count
        edgeCount = graph.edges.count
        var arrival = [Double](repeating: 0, count: graph.count)
        var edgeRate = [Double](repeating: 0, count: graph.edges.count)
        var inflow = [Double](repeating: 0, count: graph.count)
        var units: [Unit] = []
        units.reserveCapacity(model.flows.count)
        for flow in model.flows {
            var touched: [Int] = []
            var touchedEdges: [Int] = []
            func add(_ node: Int, _ rate: Double) {
                if arrival[node] == 0 { touched.append(node) }
                arrival[node] += rate
            }
            func addEdge(_ edge: Int, _ rate: Double) {
                if edgeRate[edge] == 0 { touchedEdges.append(edge) }
                edgeRate[edge] += rate
            }
            let path = flow.path.compactMap { graph.index[$0] }
            guard let last = path.last else {
                units.append(Unit(arrivals: [], edges: []))
                continue
            }
            // Route: each hop only calls the next one.
            var rate = 1.0
            for (hop, node) in path.enumerated().dropLast() {
                add(node, rate)
                let next = path[hop + 1]
                if let edge = graph.outgoing(node).first(where: { graph.edges[$0].target == next && graph.edges[$0].call != nil }) {
                    rate *= graph.edges[edge].factor
                    addEdge(edge, rate)
                }
            }
            // From the last hop, every call, in topological order of the reachable graph.
            let order = walk.order(from: [last], in: graph) { _ in true }
            for node in order { inflow[node] = 0 }
            inflow[last] = rate
            for node in order {
                let incoming = inflow[node]
                guard incoming > 0 else { continue }
                add(node, incoming)
                for edge in graph.outgoing(node) where !walk.isBack(edge) {
                    let carried = incoming * graph.edges[edge].factor
                    guard carried > 0 else { continue }
                    addEdge(edge, carried)
                    inflow[graph.edges[edge].target] += carried
                }
            }
            units.append(Unit(arrivals: touched.map { ($0, arrival[$0]) }, edges: touchedEdges.map { ($0, edgeRate[$0]) }))
            for node in touched { arrival[node] = 0 }
            for edge in touchedEdges { edgeRate[edge] = 0 }
        }
        self.units = units
    }

    /// Arrival rate per component when flow `i` carries `flowRates[i]` requests per second.
    func arrivals(flowRates: [Double]) -> [Double] {
        var total = [Double](repeating: 0, count: componentCount)
        for (unit, rate) in zip(units, flowRates) where rate != 0 {
            for entry in unit.arrivals { total[entry.node] += entry.rate * rate }
        }
        return total
    }

    /// Call rate per edge when flow `i` carries `flowRates[i]` requests per second.
    func edgeRates(flowRates: [Double]) -> [Double] {
        var total = [Double](repeating: 0, count: edgeCount)
        for (unit, rate) in zip(units, flowRates) where rate != 0 {
            for entry in unit.edges { total[entry.edge] += entry.rate * rate }
        }
        return total
    }
}

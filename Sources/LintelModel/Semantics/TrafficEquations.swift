/// The one implementation of the traffic equations λ = λ₀ + P'ᵀλ, used for each flow's unit
/// load (`ResolvedFlow`) and for loads with steady-state corrections (`SemanticModel.propagate`).
///
/// Strongly connected components are taken in the core's topological order. A component without a
/// cycle passes its inflow on; inside a terminating cycle the members' rates are (I − Pᵀ)⁻¹ times
/// their inflow when the factors are the model's own (`CycleStructure`), and found by Gauss–Seidel
/// sweeps when corrections change them (retries multiply, rejections divide; a corrected cycle that no
/// longer terminates stops at 10¹⁵/s rather than running away).
struct TrafficEquations {
    let graph: SemanticGraph
    let cycles: CycleStructure

    /// Solves the strongly connected components at `positions` (ascending), starting from `inflow`
    /// (indexed by component; consumed: every entry it touches is left at 0).
    /// - Parameters:
    ///   - passed: the fraction of a node's arrivals it passes on (1 without rejections).
    ///   - multiplier: per edge, what multiplies the edge's factor (attempts per call; 1 without retries).
    ///   - arrive: called once per node with its arrival rate.
    ///   - carry: called per edge with the calls per second it carries.
    func solve(positions: [Int], inflow: inout [Double], passed: (Int) -> Double, multiplier: (Int) -> Double,
               corrected: Bool, arrive: (Int, Double) -> Void, carry: (Int, Double) -> Void) {
        for position in positions {
            let members = cycles.components[position]
            guard cycles.cyclic[position] else {
                // Not a cycle: one member whose rate is its inflow (no array per member: this runs for every
                // component of every flow).
                for member in members { pass(member, rate: inflow[member], position: position, &inflow, passed, multiplier, arrive, carry) }
                continue
            }
            let outside = members.map { inflow[$0] }
            let rates = corrected ? sweeps(position, outside: outside, passed: passed, multiplier: multiplier)
                : cycles.solve(position, inflow: outside)
            for (member, rate) in zip(members, rates) {
                pass(member, rate: rate, position: position, &inflow, passed, multiplier, arrive, carry)
            }
        }
    }

    /// `member` receives `rate`: it arrives, and its calls carry the rate on to callees outside its component.
    private func pass(_ member: Int, rate: Double, position: Int, _ inflow: inout [Double], _ passed: (Int) -> Double,
                      _ multiplier: (Int) -> Double, _ arrive: (Int, Double) -> Void, _ carry: (Int, Double) -> Void) {
        inflow[member] = 0
        guard rate > 0 else { return }
        arrive(member, rate)
        let out = rate * passed(member)
        for e in graph.outgoing(member) where !graph.edges[e].closesCycle {
            let carried = out * graph.edges[e].factor * multiplier(e)
            guard carried > 0 else { continue }
            carry(e, carried)
            let target = graph.edges[e].target
            if cycles.componentOf[target] != position { inflow[target] = min(1e15, inflow[target] + carried) }
        }
    }

    /// Gauss–Seidel sweeps over the cycle's calls, callers first, with the corrected factors (the same fixed
    /// point as Jacobi's, reached in far fewer sweeps: a ring settles in one or two instead of one per member).
    private func sweeps(_ position: Int, outside: [Double], passed: (Int) -> Double, multiplier: (Int) -> Double) -> [Double] {
        let members = cycles.components[position]
        var local: [Int: Int] = [:]
        for (i, node) in members.enumerated() { local[node] = i }
        var incoming = [[(source: Int, edge: Int)]](repeating: [], count: members.count)
        for (j, node) in members.enumerated() {
            for e in graph.outgoing(node) where !graph.edges[e].closesCycle {
                if let i = local[graph.edges[e].target] { incoming[i].append((j, e)) }
            }
        }
        let order = (cycles.calleesFirst[position] ?? members).reversed().compactMap { local[$0] }
        var x = outside
        for _ in 0..<10_000 {
            var settled = true
            for i in order {
                var next = outside[i]
                for call in incoming[i] {
                    let out = x[call.source] * passed(members[call.source])
                    if out > 0 { next += out * graph.edges[call.edge].factor * multiplier(call.edge) }
                }
                next = next.isFinite ? min(next, 1e15) : 1e15
                if abs(next - x[i]) > 1e-12 * max(1, next) { settled = false }
                x[i] = next
            }
            if settled { break }
        }
        return x
    }
}

/// Load at given flow rates, with the steady-state corrections capacity iterates on.
public struct PropagatedLoad: Sendable, Equatable {
    /// Offered arrivals per second at each component (before its own rate limit or full queue).
    public var arrival: [Double]
    /// Calls (attempts) per second on each edge.
    public var edgeRate: [Double]
    /// Per edge: arrivals per second at the edge's source that are a flow's route hop making only this
    /// call (the rest of the source's arrivals make its whole plan).
    public var routeArrival: [Double]
    /// Per component, per operation: arrivals per second that invoke that operation (a flow targeting it);
    /// the rest of the component's arrivals (less route hops) make its own plan.
    public var operationArrival: [[Double]]
}

extension SemanticModel {
    /// Arrivals, edge rates and route-hop arrivals when flow `i` carries `flowRates[i]` requests per second.
    /// - Parameters:
    ///   - attempts: per edge, attempts per call (retries at steady state); `nil` is 1 everywhere.
    ///   - admitted: per component, the fraction of arrivals it serves and passes on; `nil` is 1 everywhere.
    public func propagate(flowRates: [Double], attempts: [Double]? = nil, admitted: [Double]? = nil) -> PropagatedLoad {
        let count = graph.count
        var load = PropagatedLoad(arrival: [Double](repeating: 0, count: count),
                                  edgeRate: [Double](repeating: 0, count: graph.edges.count),
                                  routeArrival: [Double](repeating: 0, count: graph.edges.count),
                                  operationArrival: operationPlans.map { [Double](repeating: 0, count: $0.count) })
        let passed: (Int) -> Double = { admitted?[$0] ?? 1 }
        let multiplier: (Int) -> Double = { attempts?[$0] ?? 1 }
        var inflow = [Double](repeating: 0, count: count)
        for (flow, rate) in zip(flows, flowRates) where rate > 0 && rate.isFinite {
            var carried = rate
            for (hop, node) in flow.hops.enumerated().dropLast() {
                load.arrival[node] += carried
                // A hop the caller does not declare (refused by the loader) carries every request on.
                guard let e = flow.hopEdges[hop] else { continue }
                load.routeArrival[e] += carried
                carried *= graph.edges[e].factor * multiplier(e) * passed(node)
                load.edgeRate[e] += carried
            }
            guard let operation = flow.operation else {
                inflow[flow.last] = min(1e15, inflow[flow.last] + carried)
                continue
            }
            // The last hop serves the operation here and makes only its calls; the callees go on as usual.
            load.arrival[flow.last] += carried
            load.operationArrival[flow.last][operation] += carried
            let out = carried * passed(flow.last)
            for e in flow.lastPlan.edges {
                let sent = out * graph.edges[e].factor * multiplier(e)
                guard sent > 0 else { continue }
                load.edgeRate[e] += sent
                inflow[graph.edges[e].target] = min(1e15, inflow[graph.edges[e].target] + sent)
            }
        }
        TrafficEquations(graph: graph, cycles: cycles).solve(
            positions: Array(cycles.components.indices), inflow: &inflow, passed: passed, multiplier: multiplier,
            corrected: attempts != nil || admitted != nil,
            arrive: { load.arrival[$0] += $1 }, carry: { load.edgeRate[$0] += $1 })
        return load
    }
}

import Foundation
import LintelModel

/// Worst responses, worst-case retry amplification and critical paths over the core's call
/// plans, callees first (edges that close a non-terminating cycle are not in any plan; inside a
/// terminating cycle a callee not yet computed counts its own p99 only).
struct WorstCase {
    let semantics: SemanticModel
    let state: QueueState
    /// Per component: service p99 + wait p99 + its plan's worst (sequential calls add × ⌈copies⌉, a parallel group its max).
    private(set) var worst: [Double]
    /// Per component: the most attempts one request multiplies into below it, and the next hop of that path.
    private(set) var below: [Double]
    private(set) var next: [Int]

    init(semantics: SemanticModel, state: QueueState) {
        self.semantics = semantics
        self.state = state
        let count = semantics.graph.count
        let p99 = (0..<count).map { node in
            semantics.service[node].quantile(0.99) + (state.waitQuantile(0.99, node: node) ?? .infinity)
        }
        worst = p99
        below = [Double](repeating: 1, count: count)
        next = [Int](repeating: -1, count: count)
        for members in semantics.cycles.components.reversed() {
            for node in members {
                let bound = planWorst(semantics.plans[node], start: p99[node])
                worst[node] = bound.total
                below[node] = bound.below
                next[node] = bound.next
            }
        }
    }

    /// `start` plus the worst of `plan` (sequential calls add × ⌈copies⌉, a parallel group its max), the most
    /// attempts one request multiplies into below it and the callee on that path (−1 when none).
    private func planWorst(_ plan: CallPlan, start: Double) -> (total: Double, below: Double, next: Int) {
        let graph = semantics.graph
        var total = start, most = 1.0, step = -1
        for batch in plan.batches {
            var group = 0.0
            for e in batch.edges where graph.edges[e].waitsForAnswer {
                let edge = graph.edges[e]
                let callee = worst[edge.target]
                let time = semantics.call(e)?.worstResponse(calleeWorst: callee) ?? callee
                if batch.isParallel { group = max(group, time) } else { total += max(1, edge.copies.rounded(.up)) * time }
                let attempts = Double(semantics.call(e)?.attempts ?? 1) * below[edge.target]
                if attempts > most {
                    most = attempts
                    step = edge.target
                }
            }
            total += group
        }
        return (total, most, step)
    }

    /// The last hop's bound for this flow: its operation's plan and service time, or the component's.
    private func lastHop(_ flow: ResolvedFlow) -> (total: Double, below: Double, next: Int) {
        guard let k = flow.operation else { return (worst[flow.last], below[flow.last], next[flow.last]) }
        let p99 = semantics.operationService[flow.last][k].quantile(0.99) + (state.waitQuantile(0.99, node: flow.last) ?? .infinity)
        return planWorst(flow.lastPlan, start: p99)
    }

    /// The flow's worst response: route hops wrap the last hop's worst with their calls' bounds.
    func flowWorst(_ flow: ResolvedFlow) -> Double {
        var total = lastHop(flow).total
        for (hop, node) in flow.hops.enumerated().dropLast().reversed() {
            let p99 = semantics.service[node].quantile(0.99) + (state.waitQuantile(0.99, node: node) ?? .infinity)
            let edge = flow.hopEdges[hop].map { semantics.graph.edges[$0] }
            if let edge, !edge.waitsForAnswer {
                total = p99
                continue
            }
            let call = flow.hopEdges[hop].flatMap { semantics.call($0) }
            total = p99 + (call?.worstResponse(calleeWorst: total) ?? total)
        }
        return total
    }

    /// The route's attempts times the worst path below the last hop.
    func amplification(_ flow: ResolvedFlow) -> (factor: Double, path: [Int]) {
        var factor = 1.0
        for e in flow.hopEdges { if let e, let call = semantics.call(e) { factor *= Double(call.attempts) } }
        let last = lastHop(flow)
        var chain = [flow.last]
        if last.next >= 0 { chain.append(last.next) }
        while chain.count > 1, next[chain[chain.count - 1]] >= 0, chain.count <= semantics.graph.count { chain.append(next[chain[chain.count - 1]]) }
        return (factor * last.below, Array(flow.hops.dropLast()) + chain)
    }

    /// Most attempts reaching each component from the flows' entries: attempts multiply along synchronous calls.
    /// A seed with a `plan` (a flow's last hop invoking an operation) passes its attempts on through that plan
    /// only; other seeds and every callee pass them on through their own plans.
    func reaching(seeds: [(node: Int, attempts: Double, plan: CallPlan?)]) -> [Double] {
        let graph = semantics.graph
        var reach = [Double](repeating: 0, count: graph.count)
        // What passes on through each component's own plan (a seed with an operation plan reaches but does not pass).
        var passing = reach
        for seed in seeds {
            reach[seed.node] = max(reach[seed.node], seed.attempts)
            guard let plan = seed.plan else {
                passing[seed.node] = max(passing[seed.node], seed.attempts)
                continue
            }
            for e in plan.edges where graph.edges[e].waitsForAnswer {
                let target = graph.edges[e].target, attempts = seed.attempts * Double(semantics.call(e)?.attempts ?? 1)
                reach[target] = max(reach[target], attempts)
                passing[target] = max(passing[target], attempts)
            }
        }
        for members in semantics.cycles.components {
            for node in members where passing[node] > 0 {
                for e in semantics.plans[node].edges where graph.edges[e].waitsForAnswer {
                    let attempts = Double(semantics.call(e)?.attempts ?? 1)
                    reach[graph.edges[e].target] = max(reach[graph.edges[e].target], passing[node] * attempts)
                    passing[graph.edges[e].target] = max(passing[graph.edges[e].target], passing[node] * attempts)
                }
            }
        }
        return reach
    }

    /// The route, then from the last hop the callee taking the most mean time (copies × response) at each step.
    func criticalPath(_ flow: ResolvedFlow) -> [Int] {
        var path = flow.hops
        var node = flow.last
        var seen: Set<Int> = [node]
        var plan = flow.lastPlan
        while true {
            var best: (node: Int, time: Double)?
            for e in plan.edges where semantics.graph.edges[e].waitsForAnswer {
                let edge = semantics.graph.edges[e]
                let time = edge.copies * (1 - edge.skip) * edge.missProbability * state.responseMean[edge.target]
                if time > best?.time ?? -1 { best = (edge.target, time) }
            }
            guard let step = best?.node, seen.insert(step).inserted else { break }
            path.append(step)
            node = step
            plan = semantics.plans[node]
        }
        return path
    }
}

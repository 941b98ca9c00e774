import Foundation
import LintelModel

/// Every component's queue and time at one load, callees before callers (the core's
/// strongly connected components in reverse topological order; a terminating cycle's members
/// are swept callees first until their mean holding times settle, at most 200 sweeps).
///
/// Per component: the holding time of a worker (own service ⊛ its call plan, each call with
/// its attempts, copies and skips, parallel groups as the maximum of their members), the queue
/// in front of it (`ComponentQueue`), and its response (wait ⊛ holding). Times are kept as
/// distributions on a per-component grid, so callers compose their callees' distributions,
/// never their percentiles.
struct QueueState: Sendable {
    static let cells = 256
    /// Tail left beyond a grid's range.
    static let tail = 1e-5

    /// A cell width whose grid covers `range` with a margin (a constant time sits exactly at its bound).
    static func step(covering range: Double) -> Double {
        let width = range * 1.05 / Double(cells - 1)
        return width.isFinite && width > 0 ? width : 1e-9
    }

    let semantics: SemanticModel
    var arrival: [Double]
    var service: [ServiceTime]
    /// Mean worker holding time H (own service + time on synchronous calls).
    var holding: [Double]
    var holdingSCV: [Double]
    var holdingGrid: [LatencyGrid?]
    /// Components solved again by the sweeps of terminating cycles, beyond one solve each: work the
    /// capacity budget charges on top of its per-component weight.
    var repeatedSolves = 0
    var queue: [ComponentQueue]
    var response: [LatencyGrid?]
    /// Mean response a caller sees: Wq + H (for a partitioned channel: Wq + 1/throughput + its latency).
    var responseMean: [Double]
    /// Utilisation ≥ 1 with an unbounded queue: the wait grows without limit.
    var saturated: [Bool]
    /// Saturated, or waits without a timeout on something unbounded: its response has no finite percentile.
    var unbounded: [Bool]
    /// Per edge: the steady-state call figures (attempts, failure) at this load.
    var calls: [CallTime?]

    var servers: [Int] { queue.map(\.servers) }

    /// Components some flow reaches: only their times are kept as distributions (the set is closed under
    /// calls, so a distribution never needs one that was not built); the others get means only.
    let distributed: [Bool]

    /// Per edge: arrivals at its source that are a flow's route hop making only this call.
    let routeArrival: [Double]
    /// Per component, per operation: arrivals invoking that operation (`PropagatedLoad.operationArrival`).
    let operationArrival: [[Double]]
    /// Per component: the operations some flow targets (their responses are kept for the flows' latency).
    let targeted: [[Int]]
    /// Per component, per targeted operation (as in `targeted`): the response of a request to it
    /// (wait ⊛ the operation's own service ⊛ its plan), its mean, and whether it has no finite percentile.
    var operationResponse: [[(grid: LatencyGrid, mean: Double, unbounded: Bool)?]]

    init(semantics: SemanticModel, arrival: [Double], routeArrival: [Double]? = nil, operationArrival: [[Double]]? = nil) {
        self.semantics = semantics
        self.routeArrival = routeArrival ?? [Double](repeating: 0, count: semantics.graph.edges.count)
        self.operationArrival = operationArrival ?? semantics.operationPlans.map { [Double](repeating: 0, count: $0.count) }
        let count = semantics.graph.count
        var distributed = [Bool](repeating: false, count: count)
        var targeted = [[Int]](repeating: [], count: count)
        for flow in semantics.flows {
            for node in flow.reachable { distributed[node] = true }
            for node in flow.hops { distributed[node] = true }
            if let k = flow.operation, !targeted[flow.last].contains(k) { targeted[flow.last].append(k) }
        }
        self.distributed = distributed
        self.targeted = targeted.map { $0.sorted() }
        operationResponse = targeted.map { [(grid: LatencyGrid, mean: Double, unbounded: Bool)?](repeating: nil, count: $0.count) }
        self.arrival = arrival
        service = semantics.service
        holding = service.map(\.mean)
        holdingSCV = service.map(\.scv)
        holdingGrid = [LatencyGrid?](repeating: nil, count: count)
        queue = []
        queue.reserveCapacity(count)
        for node in 0..<count {
            queue.append(ComponentQueue(servers: 0, queues: 1, admitted: 1, rateLimited: 0, blocking: 0, probabilityOfWaiting: nil,
                                        meanWait: nil, wait: nil, formula: ""))
            if semantics.isPartitioned(node) {
                let throughput = semantics.partitionThroughput[node] ?? 0
                service[node] = .constant(throughput > 0 ? 1 / throughput : 0)
                holding[node] = service[node].mean
                holdingSCV[node] = 0
            }
        }
        response = [LatencyGrid?](repeating: nil, count: count)
        responseMean = holding
        saturated = [Bool](repeating: false, count: count)
        unbounded = saturated
        calls = [CallTime?](repeating: nil, count: semantics.graph.edges.count)
        for (position, members) in semantics.cycles.components.enumerated().reversed() {
            guard semantics.cycles.cyclic[position] else {
                for node in members { solve(node) }
                continue
            }
            // A terminating cycle's holding times depend on each other: sweep, callees first, until the
            // means settle (the recursion's geometric tail shrinks by the cycle's gain each sweep).
            let order = semantics.cycles.calleesFirst[position] ?? members
            for sweep in 0..<200 {
                let before = order.map { holding[$0] }
                for node in order { solve(node) }
                if sweep > 0 { repeatedSolves += order.count }
                let moved = zip(order, before).contains { abs(holding[$0] - $1) > 1e-9 * max(holding[$0], 1e-12) }
                if !moved { break }
            }
        }
    }

    private func ownTime(_ node: Int) -> TimeDistribution { FlowLatency.ownTime(semantics.service[node]) }

    private func upperBound(_ distribution: TimeDistribution) -> Double { distribution.upperBound(tail: Self.tail) }

    private mutating func solve(_ node: Int) {
        let graph = semantics.graph
        let partitioned = semantics.isPartitioned(node)
        let own: TimeDistribution = partitioned ? .constant(holding[node]) : ownTime(node)
        guard distributed[node] else { return solveMeans(node, own: own) }
        // Range of the holding grid: own service's far tail plus each batch's, the widest of the classes.
        let plan = semantics.plans[node]
        let classes = targeted[node].map { k in (k: k, plan: semantics.operationPlans[node][k], own: FlowLatency.ownTime(semantics.operationService[node][k])) }
        var upper = planUpper(plan, own: own)
        for item in classes { upper = max(upper, planUpper(item.plan, own: item.own)) }
        upper = upper.isFinite && upper > 0 ? upper : max(holding[node], 1e-6)
        let step = Self.step(covering: upper)
        var figures: [Int: CallTime] = [:]
        var (grid, mean, composed) = compose(plan, own: own, step: step, figures: &figures)
        let operations = classes.map { item in (k: item.k, holding: compose(item.plan, own: item.own, step: step, figures: &figures)) }
        // Route hops make only their call to the next hop: the worker's holding time is the mixture of
        // the whole plan (requests that end here) and each route class (own service ⊛ that one call).
        // Requests invoking an operation hold the worker for the operation's service ⊛ its plan: more classes.
        let routeTotal = graph.outgoing(node).reduce(0.0) { $0 + routeArrival[$1] }
        let operationTotal = operationArrival[node].reduce(0, +)
        if arrival[node] > 0, routeTotal + operationTotal > 0 {
            let full = max(0, 1 - (routeTotal + operationTotal) / arrival[node])
            var parts: [(weight: Double, grid: LatencyGrid)] = full > 1e-12 ? [(full, grid)] : []
            var mixed = full * mean
            let ownGrid = own.grid(step: step, cells: Self.cells)
            for e in graph.outgoing(node) where routeArrival[e] > 0 {
                let edge = graph.edges[e]
                let weight = min(1, routeArrival[e] / arrival[node])
                let made = (1 - edge.skip) * edge.missProbability
                guard edge.waitsForAnswer, let time = figures[e] else {
                    parts.append((weight, ownGrid))
                    mixed += weight * own.mean
                    continue
                }
                parts.append((weight, ownGrid.convolved(with: PlanTime.sequential(time.grid, copies: Copies(edge.copies), made: made))))
                mixed += weight * (own.mean + made * edge.copies * time.mean)
            }
            for item in operations where operationArrival[node][item.k] > 0 {
                let weight = min(1, operationArrival[node][item.k] / arrival[node])
                parts.append((weight, item.holding.grid))
                mixed += weight * item.holding.mean
            }
            if let mixture = LatencyGrid.mixture(parts) {
                grid = mixture
                mean = mixed
                composed = true
            }
        }
        for (e, time) in figures { calls[e] = time }
        let operationUnbounded = operations.map { waitsOnUnbounded(semantics.operationPlans[node][$0.k]) }
        unbounded[node] = waitsOnUnbounded(plan)
            || zip(operations, operationUnbounded).contains { $0.1 && operationArrival[node][$0.0.k] > 0 }
        holding[node] = mean
        holdingGrid[node] = grid
        if composed {
            let second = grid.mass.indices.reduce(0.0) { $0 + pow(Double($1) * step, 2) * grid.mass[$1] }
            let gridMean = grid.mean
            holdingSCV[node] = gridMean > 0 ? max(0, second / (gridMean * gridMean) - 1) : 0
        }
        let component = semantics.model.components[node]
        queue[node] = ComponentQueue.solve(component: component, semantics: semantics, node: node, arrival: arrival[node],
                                           holding: holding[node], holdingSCV: holdingSCV[node])
        var closedScale = 1.0
        if (queue[node].wait == nil || ownsItsCallees(node)), !partitioned, arrival[node] > 0 {
            let open = holding[node]
            boundCaller(node, own: own)
            // Keep the holding distribution's shape, scaled to the closed network's mean.
            if holding[node] < open, open > 0 {
                closedScale = holding[node] / open
                grid = grid.scaled(by: closedScale)
            }
        }
        // A saturated queue's wait is unbounded: callers see its holding time only (its own row reports the saturation).
        let waiting = queue[node].wait
        saturated[node] = waiting == nil && arrival[node] > 0
        unbounded[node] = unbounded[node] || saturated[node]
        let wait = waiting ?? .constant(0)
        // A partitioned channel adds its own latency (a pure delay) after the partition's service.
        let delay: TimeDistribution? = partitioned ? ownTime(node) : nil
        let range = Double(Self.cells) * step + upperBound(wait) + (delay.map(upperBound) ?? 0)
        let responseStep = max(step, Self.step(covering: range))
        var total = grid.rebinned(step: responseStep, cells: Self.cells)
        if let delay { total = total.convolved(with: delay.grid(step: responseStep, cells: Self.cells)) }
        // A wait that almost never happens (P(wait) < 10⁻⁹) leaves the holding distribution as it is.
        let negligible: Bool
        if case .atomThenExponential(let probability, _) = wait { negligible = probability < 1e-9 } else { negligible = wait.mean == 0 }
        response[node] = waiting == nil || negligible ? total : wait.grid(step: responseStep, cells: Self.cells).convolved(with: total)
        responseMean[node] = holding[node] + (queue[node].meanWait ?? 0) + (delay?.mean ?? 0)
        // A targeted operation's response: the same wait, then the operation's own holding time.
        for (position, item) in operations.enumerated() {
            let held = closedScale < 1 ? item.holding.grid.scaled(by: closedScale) : item.holding.grid
            let range = Double(Self.cells) * step + upperBound(wait)
            let opStep = max(step, Self.step(covering: range))
            let body = held.rebinned(step: opStep, cells: Self.cells)
            let grid = waiting == nil || negligible ? body : wait.grid(step: opStep, cells: Self.cells).convolved(with: body)
            operationResponse[node][position] = (grid, item.holding.mean * closedScale + (queue[node].meanWait ?? 0),
                                                 saturated[node] || operationUnbounded[position])
        }
    }

    /// True when `plan` waits without a timeout on a callee whose response has no finite percentile.
    private func waitsOnUnbounded(_ plan: CallPlan) -> Bool {
        plan.edges.contains { e in
            semantics.graph.edges[e].waitsForAnswer && unbounded[semantics.graph.edges[e].target] && semantics.call(e)?.timeout == nil
        }
    }

    /// The far end of a worker's holding time for `plan` after `own`: own service's far tail plus each batch's.
    private func planUpper(_ plan: CallPlan, own: TimeDistribution) -> Double {
        let graph = semantics.graph
        var upper = upperBound(own)
        for batch in plan.batches {
            var batchUpper = 0.0
            for e in batch.edges where graph.edges[e].waitsForAnswer {
                let callee = graph.edges[e].target
                let calleeUpper = response[callee].map { Double($0.mass.count) * $0.step } ?? upperBound(ownTime(callee))
                let call = semantics.call(e)
                let copies = batch.isParallel ? 1 : max(1, graph.edges[e].copies.rounded(.up))
                let timeout = call?.timeout?.seconds
                var time = min(calleeUpper, timeout ?? .infinity)
                // Retries widen the range only when attempts fail often enough to matter.
                let late = saturated[callee] ? 1 : timeout.map { 1 - (response[callee]?.cdf($0) ?? 1) } ?? 0
                let q = 1 - queue[callee].admitted * (1 - late)
                if let call, call.retries > 0, q > 1e-4 { time = time * Double(call.attempts) + call.worstBackoffTotal }
                batchUpper = max(batchUpper, batch.isParallel ? time : batchUpper + copies * time)
            }
            upper += batchUpper
        }
        return upper
    }

    /// A worker's holding time for `plan` after `own` on a grid of `step`: sequential calls convolve, a parallel
    /// group is the max of its members; each call's steady-state figures are written to `figures`.
    private func compose(_ plan: CallPlan, own: TimeDistribution, step: Double, figures: inout [Int: CallTime])
        -> (grid: LatencyGrid, mean: Double, composed: Bool) {
        let graph = semantics.graph
        var grid = own.grid(step: step, cells: Self.cells)
        var mean = own.mean
        var composed = false
        for batch in plan.batches {
            var members: [(call: LatencyGrid, copies: Copies, made: Double)] = []
            for e in batch.edges where graph.edges[e].waitsForAnswer {
                let edge = graph.edges[e]
                let callee = edge.target
                let calleeGrid = (response[callee] ?? holdingGrid[callee] ?? ownTime(callee).grid(step: step, cells: Self.cells))
                    .rebinned(step: step, cells: Self.cells)
                let time = CallTime.of(call: semantics.call(e), response: calleeGrid, responseMean: responseMean[callee],
                                       saturated: saturated[callee], blocked: 1 - queue[callee].admitted)
                figures[e] = time
                members.append((time.grid, Copies(edge.copies), (1 - edge.skip) * edge.missProbability))
            }
            guard !members.isEmpty else { continue }
            composed = true
            if batch.isParallel {
                let group = PlanTime.parallel(members, step: step, cells: Self.cells)
                grid = grid.convolved(with: group)
                mean += group.mean
            } else if let member = members.first, let e = batch.edges.first, let time = figures[e] {
                grid = grid.convolved(with: PlanTime.sequential(member.call, copies: member.copies, made: member.made))
                mean += member.made * graph.edges[e].copies * time.mean
            }
        }
        return (grid, mean, composed)
    }

    /// A component no flow reaches (no load): mean holding time from the callees' mean responses, no distributions.
    private mutating func solveMeans(_ node: Int, own: TimeDistribution) {
        let graph = semantics.graph
        var mean = own.mean
        for batch in semantics.plans[node].batches {
            var group = 0.0
            for e in batch.edges where graph.edges[e].waitsForAnswer {
                let edge = graph.edges[e]
                let time = (1 - edge.skip) * edge.missProbability * edge.copies * responseMean[edge.target]
                if batch.isParallel { group = max(group, time) } else { mean += time }
            }
            mean += group
        }
        holding[node] = mean
        queue[node] = ComponentQueue.solve(component: semantics.model.components[node], semantics: semantics, node: node,
                                           arrival: arrival[node], holding: mean, holdingSCV: holdingSCV[node])
        saturated[node] = queue[node].wait == nil && arrival[node] > 0
        unbounded[node] = saturated[node]
        responseMean[node] = mean + (queue[node].meanWait ?? 0) + (semantics.isPartitioned(node) ? semantics.service[node].mean : 0)
    }

    /// True when the node has few enough workers (≤ 1,000) that they bound its callees' queues and is the only
    /// source of every synchronous callee's requests: then the closed view (MVA) is the exact one even
    /// when the open view is stable (a 3-worker caller on a 1-worker callee: the callee never holds more than 3).
    private func ownsItsCallees(_ node: Int) -> Bool {
        let graph = semantics.graph
        // MVA visits the callees one after another: a plan with a parallel group keeps the open view's E[max].
        guard queue[node].servers > 0, queue[node].servers <= 1_000,
              !semantics.plans[node].batches.contains(where: \.isParallel) else { return false }
        var any = false
        for e in semantics.plans[node].edges where graph.edges[e].waitsForAnswer {
            let edge = graph.edges[e]
            let callee = edge.target
            let sent = arrival[node] * queue[node].admitted * (1 - edge.skip) * edge.missProbability * edge.copies * (calls[e]?.attempts ?? 1)
            guard arrival[callee] > 0, abs(sent - arrival[callee]) <= 1e-9 * arrival[callee] else { return false }
            // A callee with at least as many servers as the caller has workers never queues: the open view is exact.
            if queue[callee].servers < queue[node].servers { any = true }
        }
        return any
    }

    /// A caller that holds its workers during synchronous calls bounds the population at its callees: when the
    /// open view (holding = own + callees' open responses) says it is saturated, the closed view decides
    /// (`BoundedCaller`: exact MVA over its callees, flow-equivalent server for its own queue).
    private mutating func boundCaller(_ node: Int, own: TimeDistribution) {
        let graph = semantics.graph
        var stations: [BoundedCaller.Station] = []
        // SCV of the unqueued holding time (own service + callee holding times), for the Allen–Cunneen factor.
        var variance = own.secondMoment - own.mean * own.mean
        for e in semantics.plans[node].edges where graph.edges[e].waitsForAnswer {
            let edge = graph.edges[e]
            let made = (1 - edge.skip) * edge.missProbability * edge.copies * (calls[e]?.attempts ?? 1)
            let servers = max(1, queue[edge.target].servers)
            let demand = made * holding[edge.target]
            variance += demand * demand * holdingSCV[edge.target]
            stations.append(.init(demand: demand, servers: servers))
        }
        let unqueued = own.mean + stations.reduce(0) { $0 + $1.demand }
        let scv = unqueued > 0 ? max(0, variance) / (unqueued * unqueued) : 1
        let workers = queue[node].servers
        guard !stations.isEmpty, workers > 0, workers <= 100_000 else { return }
        let lambda = arrival[node] * (1 - queue[node].rateLimited)
        guard let bounded = BoundedCaller.solve(arrivalRate: lambda, workers: workers, ownService: own.mean,
                                                stations: stations, holdingSCV: scv) else { return }
        holding[node] = bounded.holdingTime
        // A callee whose every request comes from this caller waits only as the closed network says.
        var station = 0
        for e in semantics.plans[node].edges where graph.edges[e].waitsForAnswer {
            defer { station += 1 }
            let callee = graph.edges[e].target
            guard station < stations.count, arrival[callee] > 0,
                  abs(arrival[node] * queue[node].admitted * stations[station].demand / max(holding[callee], 1e-300) - arrival[callee])
                    <= 1e-9 * arrival[callee] else { continue }
            let wait = max(0, bounded.stationResponse[station] - stations[station].demand)
            let perVisit = wait / max(1e-300, stations[station].demand / max(holding[callee], 1e-300))
            let probability = perVisit > 0 ? queue[callee].probabilityOfWaiting ?? 0 : 0
            queue[callee].meanWait = perVisit
            queue[callee].probabilityOfWaiting = probability
            queue[callee].wait = probability > 0 ? .atomThenExponential(probability: probability, decay: probability / perVisit) : .constant(0)
            queue[callee].formula = "bounded by its only caller \(semantics.model.components[node].name)'s \(workers) workers (MVA)"
        }
        let decay = bounded.meanWait > 0 ? bounded.probabilityOfWaiting / bounded.meanWait : .infinity
        queue[node].probabilityOfWaiting = bounded.probabilityOfWaiting
        queue[node].meanWait = bounded.meanWait
        queue[node].wait = .atomThenExponential(probability: bounded.probabilityOfWaiting, decay: decay)
        queue[node].formula = "bounded caller: its \(workers) workers cap the requests at its callees; exact MVA over the callees "
            + "(Seidmann for multi-server), flow-equivalent server for its queue, X(N) = \(short(bounded.throughputLimit))/s > λ"
    }

    /// Offered load a = λ·H, in busy workers: of what is admitted (after the rate limit and a full queue).
    func offeredLoad(_ node: Int) -> Double { arrival[node] * queue[node].admitted * holding[node] }

    /// The p-quantile of the wait, `nil` when saturated.
    func waitQuantile(_ p: Double, node: Int) -> Double? {
        guard !saturated[node], let wait = queue[node].wait else { return nil }
        switch wait {
        case .atomThenExponential(let probability, let decay):
            return decay.isFinite && decay > 0
                ? Queueing.exponentialTailQuantile(p, probabilityOfWaiting: probability, conditionalMeanWait: 1 / decay) : 0
        default: return wait.quantile(p)
        }
    }
}

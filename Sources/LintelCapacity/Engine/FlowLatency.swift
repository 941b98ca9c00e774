import Foundation
import LintelModel

/// A flow's latency as a distribution: from arrival at the entry to the entry's answer.
///
/// The last hop's response (wait ⊛ holding, its whole call plan composed — or its operation's, for a
/// flow that invokes one) is wrapped by each
/// route hop in turn: that hop's wait ⊛ its own service ⊛ its call to the next hop (attempts,
/// timeout and copies included). A route hop that publishes asynchronously does not wait for
/// what follows (docs/semantics.md rule 10). Percentiles are read from the result, never summed.
enum FlowLatency {
    struct Result {
        var grid: LatencyGrid
        var mean: Double
        var unbounded: Bool
    }

    static func compute(_ flow: ResolvedFlow, state: QueueState) -> Result? {
        let semantics = state.semantics
        guard var rest = state.response[flow.last] else { return nil }
        var restMean = state.responseMean[flow.last]
        var unbounded = state.unbounded[flow.last]
        // A flow that invokes an operation sees that operation's response at its last hop.
        if let k = flow.operation {
            guard let position = state.targeted[flow.last].firstIndex(of: k),
                  let response = state.operationResponse[flow.last][position] else { return nil }
            (rest, restMean, unbounded) = (response.grid, response.mean, response.unbounded)
        }
        for (hop, node) in flow.hops.enumerated().dropLast().reversed() {
            let edgeIndex = flow.hopEdges[hop]
            let edge = edgeIndex.map { semantics.graph.edges[$0] }
            let waits = edge?.waitsForAnswer ?? true
            let own = ownTime(semantics.service[node])
            let wait = state.queue[node].wait ?? .constant(0)
            let range = (waits ? Double(rest.mass.count) * rest.step : 0) + own.upperBound(tail: QueueState.tail)
                + wait.upperBound(tail: QueueState.tail)
            let step = max(waits ? rest.step : 0, QueueState.step(covering: range))
            var grid = own.grid(step: step, cells: QueueState.cells).convolved(with: wait.grid(step: step, cells: QueueState.cells))
            var mean = own.mean + (state.queue[node].meanWait ?? 0)
            if waits {
                let call = edgeIndex.flatMap { semantics.call($0) }
                let blocked = edge.map { 1 - state.queue[$0.target].admitted } ?? 0
                let time = CallTime.of(call: call, response: rest.rebinned(step: step, cells: QueueState.cells),
                                       responseMean: restMean, saturated: unbounded, blocked: blocked)
                let made = edge.map { (1 - $0.skip) * $0.missProbability } ?? 1
                let copies = Copies(edge?.copies ?? 1)
                if edge?.parallel != nil {
                    let group = PlanTime.parallel([(time.grid, copies, made)], step: step, cells: QueueState.cells)
                    grid = grid.convolved(with: group)
                    mean += group.mean
                } else {
                    grid = grid.convolved(with: PlanTime.sequential(time.grid, copies: copies, made: made))
                    mean += made * (edge?.copies ?? 1) * time.mean
                }
                unbounded = state.saturated[node] || (unbounded && call?.timeout == nil)
            } else {
                unbounded = state.saturated[node]
            }
            rest = grid
            restMean = mean
        }
        return Result(grid: rest, mean: restMean, unbounded: unbounded)
    }

    static func ownTime(_ service: ServiceTime) -> TimeDistribution {
        switch service.shape {
        case .constant: .constant(service.mean)
        case .exponential: .exponential(mean: service.mean)
        case .lognormal: .lognormal(mu: service.mu, sigma: service.sigma)
        }
    }
}

import LintelModel

/// Per-component queueing figures at one load level, computed callees first so that a
/// caller's holding time includes the response time of the synchronous calls it waits on.
struct QueueState: Sendable {
    var arrival: [Double]
    /// Mean own service time S.
    var service: [Double]
    /// Mean worker holding time H = S + Σ sequential (calls per request × callee response)
    /// + Σ parallel groups max(calls per request × callee response).
    var holding: [Double]
    var scv: [Double]
    /// Erlang C probability of waiting; `nil` when saturated (a ≥ c).
    var erlangC: [Double?]
    /// Mean wait (Allen–Cunneen): C/(c/H − λ) · (1 + SCV)/2.
    var wait: [Double?]

    init(graph: CallGraph, arrival: [Double], edgeRates: [Double], walk: inout GraphWalk) {
        let count = graph.count
        self.arrival = arrival
        service = graph.components.map { $0.latency.mean.seconds }
        scv = graph.components.map { Sizing.squaredCoefficientOfVariation($0.latency) }
        holding = service
        erlangC = [Double?](repeating: nil, count: count)
        wait = [Double?](repeating: nil, count: count)
        let order = walk.order(from: Array(0..<count), in: graph) { $0.mode == .sync && $0.call != nil }
        for node in order.reversed() {
            var sequential = 0.0
            var groups: [String: Double] = [:]
            for edge in graph.outgoing(node) where !walk.isBack(edge) {
                let call = graph.edges[edge]
                guard call.mode == .sync, call.call != nil else { continue }
                let perRequest = arrival[node] > 0 ? edgeRates[edge] / arrival[node] : call.factor
                let blocked = perRequest * response(call.target)
                if let group = call.parallel {
                    groups[group] = max(groups[group] ?? 0, blocked)
                } else {
                    sequential += blocked
                }
            }
            holding[node] = service[node] + sequential + groups.values.reduce(0, +)
            let servers = graph.components[node].servers
            let load = arrival[node] * holding[node]
            if load == 0 {
                erlangC[node] = 0
                wait[node] = 0
            } else if holding[node] > 0, let c = Queueing.erlangC(servers: servers, load: load) {
                erlangC[node] = c
                wait[node] = c / (Double(servers) / holding[node] - arrival[node]) * (1 + scv[node]) / 2
            }
        }
    }

    /// Mean response a caller sees: H + Wq; a saturated callee counts its holding time only
    /// (its own row reports the saturation).
    func response(_ node: Int) -> Double { holding[node] + (wait[node] ?? 0) }

    /// Offered load a = λ·H, in busy workers.
    func offeredLoad(_ node: Int) -> Double { arrival[node] * holding[node] }

    /// The p-quantile of the wait, `nil` when saturated.
    func waitQuantile(_ p: Double, node: Int, servers: Int) -> Double? {
        guard let c = erlangC[node] else { return nil }
        if c == 0 { return 0 }
        return Sizing.waitQuantile(p, erlangC: c, servers: servers, arrivalRate: arrival[node],
                                   meanService: holding[node], serviceSCV: scv[node])
    }
}

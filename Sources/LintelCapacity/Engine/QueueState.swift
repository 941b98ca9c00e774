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
    /// Servers of the queue: instances × workers, or the partitions of a partitioned topic
    /// (each a server of rate `partition_throughput`).
    var servers: [Int]
    var partitioned: [Bool]
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
        servers = graph.components.map(\.servers)
        partitioned = graph.components.map { $0.kind.isMessaging && $0.partitions != nil }
        for (node, component) in graph.components.enumerated() where partitioned[node] {
            servers[node] = max(0, component.partitions ?? 0)
            let throughput = component.partitionThroughput?.perSecond ?? DataAnalysis.defaultPartitionThroughput(component.broker) ?? 0
            holding[node] = throughput > 0 ? 1 / throughput : 0
            scv[node] = 0
        }
        erlangC = [Double?](repeating: nil, count: count)
        wait = [Double?](repeating: nil, count: count)
        // Partitioned topics first (their holding does not depend on calls), then callees before callers.
        for node in 0..<count where partitioned[node] { solveQueue(node) }
        let order = walk.order(from: Array(0..<count), in: graph) { $0.mode == .sync && $0.call != nil }
        for node in order.reversed() where !partitioned[node] {
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
            solveQueue(node)
        }
    }

    private mutating func solveQueue(_ node: Int) {
        let servers = self.servers[node]
        let load = arrival[node] * holding[node]
        if load == 0 {
            erlangC[node] = 0
            wait[node] = 0
        } else if holding[node] > 0, let c = Queueing.erlangC(servers: servers, load: load) {
            erlangC[node] = c
            wait[node] = c / (Double(servers) / holding[node] - arrival[node]) * (1 + scv[node]) / 2
        }
    }

    /// Mean response a caller sees: H + Wq; a saturated callee counts its holding time only
    /// (its own row reports the saturation).
    func response(_ node: Int) -> Double { (partitioned[node] ? service[node] : holding[node]) + (wait[node] ?? 0) }

    /// Offered load a = λ·H, in busy workers.
    func offeredLoad(_ node: Int) -> Double { arrival[node] * holding[node] }

    /// The p-quantile of the wait, `nil` when saturated.
    func waitQuantile(_ p: Double, node: Int) -> Double? {
        guard let c = erlangC[node] else { return nil }
        if c == 0 { return 0 }
        return Sizing.waitQuantile(p, erlangC: c, servers: servers[node], arrivalRate: arrival[node],
                                   meanService: holding[node], serviceSCV: scv[node])
    }
}

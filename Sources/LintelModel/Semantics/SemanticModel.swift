/// The one meaning of a validated model, compiled once and read by every engine.
///
/// Capacity, review, simulation, design and render read this instead of re-deriving what the
/// model means: the graph with its consumer edges and cycle marks, each component's call plan,
/// each flow's resolved calls and unit load, fitted service times, channel capacities and
/// consumer limits. The load over a scenario is a `LoadTimeline`; call arithmetic (attempts,
/// backoff, timeout bounds) lives on `Call`. docs/semantics.md states every rule.
public struct SemanticModel: Sendable {
    public let model: Model
    public let index: [String: Int]
    public let graph: SemanticGraph
    public let cycles: CycleStructure
    /// Each component's own service time.
    public let service: [ServiceTime]
    /// Each component's calls for one request, in order (parallel groups gathered): its own calls, what a
    /// request that names no operation makes.
    public let plans: [CallPlan]
    /// Per component, per operation (`Component.operations` order): the calls a request to that operation makes.
    public let operationPlans: [[CallPlan]]
    /// Per component, per operation: the operation's own service time (its `latency`, or the component's).
    public let operationService: [[ServiceTime]]
    public let flows: [ResolvedFlow]
    /// For a topic or queue with `partitions`: its partitions (servers of the channel); `nil` otherwise.
    public let partitions: [Int?]
    /// For a partitioned channel: messages per second one partition handles (`partition_throughput`, or
    /// the broker's default in `defaultPartitionThroughput`); `nil` when neither is known.
    public let partitionThroughput: [Double?]
    /// For a component whose only inbound work is deliveries from partitioned channels: the most messages it
    /// can process at once, Σ partitions of those channels (a consumer group's parallelism is limited by
    /// partitions); `nil` when no such limit applies.
    public let consumerLimit: [Int?]

    public init(_ model: Model) {
        self.model = model
        let components = model.components
        var index: [String: Int] = [:]
        for (position, component) in components.enumerated() where index[component.name] == nil {
            index[component.name] = position
        }
        self.index = index
        var graph = SemanticGraph(components: components, index: index)
        let cycles = CycleStructure(graph: &graph)
        self.graph = graph
        self.cycles = cycles
        service = components.map { ServiceTime($0.latency) }
        let plans = components.indices.map { CallPlan.build(node: $0, graph: graph) }
        self.plans = plans
        let operationPlans = components.indices.map { node in graph.operationEdges[node].map { CallPlan.build(edges: $0, graph: graph) } }
        self.operationPlans = operationPlans
        operationService = components.map { component in component.operations.map { ServiceTime($0.latency ?? component.latency) } }
        partitions = components.map { $0.kind.isMessaging ? $0.partitions.map { max(0, $0) } : nil }
        partitionThroughput = components.map { component in
            guard component.kind.isMessaging, component.partitions != nil else { return nil }
            if let rate = component.partitionThroughput?.perSecond, rate.isFinite, rate > 0 { return rate }
            return Self.defaultPartitionThroughput(component.broker)
        }
        var limits = [Int?](repeating: nil, count: components.count)
        var inbound = [(deliveries: Int, other: Int, partitions: Int)](repeating: (0, 0, 0), count: components.count)
        for edge in graph.edges where !edge.closesCycle {
            if edge.kind == .delivery, let p = components[edge.source].kind.isMessaging ? components[edge.source].partitions : nil {
                inbound[edge.target].deliveries += 1
                inbound[edge.target].partitions = inbound[edge.target].partitions.addingReportingOverflow(max(0, p)).partialValue
            } else {
                inbound[edge.target].other += 1
            }
        }
        for node in components.indices where inbound[node].deliveries > 0 && inbound[node].other == 0 {
            limits[node] = inbound[node].partitions
        }
        consumerLimit = limits

        let slo = model.requirements.slo
        var scratch = FlowScratch(components: components.count, edges: graph.edges.count, positions: cycles.components.count)
        var flows: [ResolvedFlow] = []
        flows.reserveCapacity(model.flows.count)
        // Without components there is nothing for a flow to reach (the loader refuses such flows;
        // a model built in code gets no resolved flows rather than a flow at a component that does not exist).
        for (position, flow) in model.flows.enumerated() where !components.isEmpty {
            let hops = flow.path.compactMap { index[$0] }
            guard hops.count == flow.path.count, !hops.isEmpty else {
                // Unknown components (the loader refuses these): an empty flow at its entry, if known.
                let entry = index[flow.entry].map { [$0] } ?? []
                let node = entry.isEmpty ? 0 : entry[0]
                flows.append(ResolvedFlow(index: position, flow: flow, hops: [node], hopEdges: [], operation: nil,
                                          defaultPlan: plans.indices.contains(node) ? plans[node] : CallPlan(batches: []),
                                          slo: Self.merge(flow.slo, slo), graph: graph, cycles: cycles, scratch: &scratch))
                continue
            }
            var hopEdges: [Int?] = []
            for hop in 0..<(hops.count - 1) {
                let next = hops[hop + 1]
                // The first declared call to the next hop: the component's own calls, then its operations'.
                hopEdges.append(graph.callEdges[hops[hop]].lazy.compactMap { $0 }.first { graph.edges[$0].target == next })
            }
            let last = hops[hops.count - 1]
            var operation: (index: Int, plan: CallPlan)?
            if let target = flow.operation, target.component == components[last].name,
               let k = components[last].operations.firstIndex(where: { $0.name == target.operation }) {
                operation = (k, operationPlans[last][k])
            }
            flows.append(ResolvedFlow(index: position, flow: flow, hops: hops, hopEdges: hopEdges, operation: operation,
                                      defaultPlan: plans[last], slo: Self.merge(flow.slo, slo), graph: graph, cycles: cycles, scratch: &scratch))
        }
        self.flows = flows
    }

    /// Arrival rate per component when flow `i` carries `flowRates[i]` requests per second.
    public func arrivals(flowRates: [Double]) -> [Double] {
        var total = [Double](repeating: 0, count: graph.count)
        for (flow, rate) in zip(flows, flowRates) where rate != 0 {
            for entry in flow.unitArrivals { total[entry.node] += entry.rate * rate }
        }
        return total
    }

    /// Call rate per edge when flow `i` carries `flowRates[i]` requests per second.
    public func edgeRates(flowRates: [Double]) -> [Double] {
        var total = [Double](repeating: 0, count: graph.edges.count)
        for (flow, rate) in zip(flows, flowRates) where rate != 0 {
            for entry in flow.unitEdgeRates { total[entry.edge] += entry.rate * rate }
        }
        return total
    }

    /// The call behind a call edge; `nil` for deliveries.
    public func call(_ edge: Int) -> Call? {
        let e = graph.edges[edge]
        guard let position = e.callIndex else { return nil }
        return model.components[e.source].calls[position]
    }

    /// True for a topic or queue whose capacity is partitions × per-partition throughput.
    public func isPartitioned(_ node: Int) -> Bool { partitions[node] != nil }

    /// Messages per second one partition handles by default, per broker (docs/capacity.md); `nil` for
    /// managed services whose partitions scale on their own (SQS, SNS, Pub/Sub).
    public static func defaultPartitionThroughput(_ broker: Broker?) -> Double? {
        switch broker {
        case .kafka, nil: 5_000
        case .kinesis: 1_000
        case .rabbitmq: 10_000
        case .nats, .redis: 10_000
        case .sqs, .sns, .pubsub: nil
        }
    }

    /// A flow's service levels: its own fields, missing ones from the system's.
    static func merge(_ flow: ServiceLevel?, _ system: ServiceLevel?) -> ServiceLevel? {
        guard let flow else { return system }
        guard let system else { return flow }
        var merged = flow
        if merged.availability == nil { merged.availability = system.availability }
        if merged.latencyP50 == nil { merged.latencyP50 = system.latencyP50 }
        if merged.latencyP99 == nil { merged.latencyP99 = system.latencyP99 }
        for (key, location) in system.keyLocations where merged.keyLocations[key] == nil {
            merged.keyLocations[key] = location
        }
        return merged
    }
}

import Foundation
import LintelModel

/// How a component's own service time is drawn: the core's fitted `ServiceTime`, reduced to
/// the two numbers the event loop reads (no fit is made here).
struct ServiceSampler: Sendable {
    enum Shape: UInt8, Sendable { case constant, exponential, lognormal }
    var shape: Shape
    /// Constant: the value. Exponential: the mean. Log-normal: μ of the underlying normal.
    var a: Double
    /// Log-normal: σ of the underlying normal.
    var b: Double

    init(_ time: ServiceTime) {
        switch time.shape {
        case .constant: self.init(shape: .constant, a: time.mean, b: 0)
        case .exponential: self.init(shape: .exponential, a: time.mean, b: 0)
        case .lognormal: self.init(shape: .lognormal, a: time.mu, b: time.sigma)
        }
    }

    private init(shape: Shape, a: Double, b: Double) {
        self.shape = shape
        self.a = a
        self.b = b
    }

    @inline(__always)
    func sample(_ rng: inout Xoshiro256, normals: Ziggurat) -> Double {
        // Branches rather than a switch: a jump table's indirect branch mispredicts when
        // components with different shapes alternate.
        if shape == .lognormal { return fastExp(a + b * normals.normal(&rng)) }
        if shape == .exponential { return rng.exponential(mean: a) }
        return a
    }
}

/// A component reduced to the numbers the event loop reads.
struct SimComponent {
    var instances: Int32
    /// First instance's index in the engine's per-instance arrays.
    var firstInstance: Int32
    /// Servers per instance; for a partitioned topic or queue, its partitions (one instance).
    var workers: Int32
    /// Waiting requests allowed per instance; `Int32.max` when unbounded.
    var queueLimit: Int32
    /// Own service time; for a partitioned channel, a partition's constant 1 / throughput.
    var sampler: ServiceSampler
    /// For a partitioned channel: the channel's own latency, a pure delay after the partition
    /// is released (it occupies nothing).
    var delay: ServiceSampler
    var partitioned: Bool
    var balancing: LoadBalancing
    /// Token-bucket refill rate; 0 when the component has no rate limit.
    var rateLimit: Double
    var isChannel: Bool
    /// A queue gives each message to one consumer; a topic to every consumer.
    var isQueue: Bool
    var isCache: Bool
    var maxDeliveries: Int32
    var deadLetter: Bool
    /// Most deliveries it processes at once (the core's `consumerLimit`); `Int32.max` when not limited.
    var deliveryLimit: Int32
}

/// Caller-side settings of one declared call (shared by every plan that uses it).
struct SimCall {
    var caller: Int32
    var callee: Int32
    var timeout: Double
    var retries: Int32
    var backoff: Backoff
    /// Decorrelated jitter's base and cap (the other policies read `bounds`).
    var base: Double
    var cap: Double
    /// The core's longest backoff before retry n (`Call.backoffBound`) is
    /// `Engine.backoffBounds[boundStart + min(n, boundCount − 1)]`.
    var boundStart: Int32
    var boundCount: Int32
    /// Retries earned per first attempt; a negative value means no budget.
    var budget: Double
    var hasBreaker: Bool
    /// Breaker settings (meaningful when `hasBreaker`): failure fraction that opens it, window,
    /// time open, calls needed in the window, trial calls when half-open.
    var threshold: Double
    var window: Double
    var openFor: Double
    var minimumCalls: Int32
    var trials: Int32

    init(caller: Int32, callee: Int32, call: Call?, boundStart: Int32, boundCount: Int32) {
        self.caller = caller
        self.callee = callee
        timeout = call?.timeout.map { $0.seconds.isFinite && $0.seconds >= 0 ? $0.seconds : .infinity } ?? .infinity
        retries = Int32(clamping: max(0, call?.retries ?? 0))
        backoff = call?.backoff ?? .none
        let base = call?.backoffBase.seconds ?? 0, cap = call?.backoffCap.seconds ?? 0
        self.base = base.isFinite ? max(0, base) : 0
        self.cap = cap.isFinite ? max(0, cap) : 0
        self.boundStart = boundStart
        self.boundCount = boundCount
        budget = call?.retryBudget ?? -1
        let breaker = call?.circuitBreaker
        hasBreaker = breaker != nil
        threshold = breaker?.failureThreshold ?? 1
        window = max(1e-3, breaker?.window.seconds ?? 10)
        openFor = max(0, breaker?.openFor.seconds ?? 30)
        minimumCalls = Int32(clamping: max(1, breaker?.minimumRequests ?? 20))
        trials = Int32(clamping: max(1, breaker?.halfOpenRequests ?? 1))
    }
}

/// One call as a step in a plan: which call, where its request continues, and how often.
struct Step {
    var call: Int32
    var callee: Int32
    /// The plan the callee's request follows.
    var childPlan: Int32
    /// End (exclusive, absolute step index) of the batch this step belongs to.
    var batchEnd: Int32
    var isAsync: Bool
    /// The step belongs to a `parallel` group (its copies run concurrently even in a group of one).
    var parallel: Bool
    var optional: Bool
    var whole: Int32
    var fraction: Double
    /// Probability that a caller-side cache answers and the call is skipped.
    var skip: Double
    /// For a call to a cache: the probability the lookup hits; negative otherwise.
    var hit: Double
    /// Position (within the plan) of the cache call whose miss this call depends on; -1 if none.
    var onMissStep: Int32
    /// Miss probability to use when `onMissStep` is not known in time; negative when not `onMiss`.
    var onMissProbability: Double
}

/// The semantic core's meaning of the model (`SemanticModel`) flattened into arrays for the
/// event loop. Nothing here interprets the model: plans, copies, skips, cache misses, consumers,
/// delivery shares, cycle cuts, partitions, consumer limits and service-time fits are the core's.
struct CompiledModel {
    var components: [SimComponent]
    var names: [String]
    var calls: [SimCall]
    /// Backoff bounds of every call (see `SimCall.boundStart`).
    var backoffBounds: [Double]
    var steps: [Step]
    /// Plan `p` is steps `planStart[p] ..< planStart[p + 1]`. Plan `c` (for each component index c)
    /// makes all of that component's calls; flow hops that make only the call to the next hop follow.
    var planStart: [Int32]
    /// Per plan: the index in `operationSamplers` of the service time a request following it takes, or −1
    /// for its component's; empty when no operation has a service time of its own (the common case).
    var planSampler: [Int32]
    /// Service times of operations that differ from their component's.
    var operationSamplers: [ServiceSampler]
    /// Consumers of each topic or queue, as component indices (empty for other components).
    var consumers: [[Int32]]
    var flowNames: [String]
    var flowEntry: [Int32]
    var flowPlan: [Int32]
    var flowRate: [Double]
    /// Each flow's SLO: its own fields, missing ones from `requirements.slo` (the core's merge).
    var flowSLO: [ServiceLevel?]
    var totalInstances: Int

    /// Retry bounds kept per call; later retries reuse the last (the cap is reached long before).
    static let boundTable = 64

    init(semantics: SemanticModel) {
        let model = semantics.model
        let graph = semantics.graph
        var components: [SimComponent] = []
        var allConsumers: [[Int32]] = []
        var first: Int32 = 0
        for (c, component) in model.components.enumerated() {
            let partitions = semantics.partitions[c]
            let throughput = semantics.partitionThroughput[c]
            let partitioned = partitions != nil && throughput != nil
            // Read replicas serving reads add instances (the core's `servingInstances`).
            let instances: Int32 = partitioned ? 1 : Int32(clamping: max(1, semantics.servingInstances(c)))
            let workers: Int32 = partitioned ? Int32(clamping: max(1, partitions ?? 1)) : Int32(clamping: max(1, component.workers))
            let own = ServiceSampler(semantics.service[c])
            var consumers: [Int32] = []
            for e in graph.outgoing(c) where graph.edges[e].kind == .delivery && !graph.edges[e].closesCycle {
                consumers.append(Int32(graph.edges[e].target))
            }
            var limit = Int32.max
            if let consumerLimit = semantics.consumerLimit[c] {
                let servers = Int64(instances) * Int64(max(1, component.workers))
                if Int64(consumerLimit) < servers { limit = Int32(clamping: max(1, consumerLimit)) }
            }
            components.append(SimComponent(
                instances: instances, firstInstance: first, workers: workers,
                queueLimit: component.queueLimit.map { Int32(clamping: max(0, $0)) } ?? Int32.max,
                sampler: partitioned ? ServiceSampler(.constant(1 / (throughput ?? 1))) : own,
                delay: own, partitioned: partitioned, balancing: component.loadBalancing,
                rateLimit: component.rateLimit.map { $0.perSecond.isFinite ? max(0, $0.perSecond) : 0 } ?? 0,
                isChannel: component.kind.isMessaging, isQueue: component.kind == .queue,
                isCache: component.kind.category == .cache,
                maxDeliveries: Int32(clamping: max(1, component.maxDeliveries)),
                deadLetter: component.deadLetter ?? false, deliveryLimit: limit))
            allConsumers.append(consumers)
            // Saturates rather than traps; the loader's limits (10,000 instances) keep real totals far below.
            first = Int32(clamping: Int64(first) + Int64(instances))
        }
        self.components = components
        self.consumers = allConsumers
        self.names = model.components.map(\.name)
        totalInstances = Int(first)

        // One simulator call per call edge of the graph.
        var calls: [SimCall] = []
        var bounds: [Double] = []
        var callOfEdge = [Int32](repeating: -1, count: graph.edges.count)
        func addCall(caller: Int, callee: Int, call: Call?) -> Int32 {
            let start = Int32(bounds.count)
            let retries = max(0, call?.retries ?? 0)
            let count = min(retries, Self.boundTable)
            for n in 0..<count { bounds.append(call?.backoffBound(beforeRetry: n) ?? 0) }
            calls.append(SimCall(caller: Int32(caller), callee: Int32(callee), call: call, boundStart: start,
                                 boundCount: Int32(count)))
            return Int32(calls.count - 1)
        }
        for (e, edge) in graph.edges.enumerated() where edge.kind != .delivery {
            callOfEdge[e] = addCall(caller: edge.source, callee: edge.target, call: semantics.call(e))
        }

        var steps: [Step] = []
        var planStart: [Int32] = []
        func emit(_ batches: [(edges: [Int], parallel: Bool)], childPlan: (Int) -> Int32) {
            let offset = steps.count
            planStart.append(Int32(offset))
            var positionOfEdge: [Int: (position: Int, batch: Int)] = [:]
            for (b, batch) in batches.enumerated() {
                let end = Int32(steps.count + batch.edges.count)
                for e in batch.edges {
                    let edge = graph.edges[e]
                    var onMissStep: Int32 = -1
                    var onMissProbability = -1.0
                    if let lookup = edge.missLookup, let earlier = positionOfEdge[lookup], earlier.batch < b {
                        onMissStep = Int32(earlier.position)
                    } else if edge.missLookup != nil || edge.missProbability < 1 {
                        onMissProbability = edge.missProbability
                    }
                    positionOfEdge[e] = (steps.count - offset, b)
                    let copies = Copies(edge.copies)
                    steps.append(Step(
                        call: callOfEdge[e], callee: Int32(edge.target), childPlan: childPlan(e), batchEnd: end,
                        isAsync: edge.mode == .async, parallel: batch.parallel, optional: edge.optional,
                        whole: Int32(clamping: copies.whole), fraction: copies.fraction, skip: edge.skip,
                        hit: edge.hit ?? -1, onMissStep: onMissStep, onMissProbability: onMissProbability))
                }
            }
        }
        // Plans 0..<n: every call of component c, callees continuing with their own plan.
        for c in model.components.indices {
            emit(semantics.plans[c].batches.map { ($0.edges, $0.isParallel) }) { Int32(graph.edges[$0].target) }
        }
        // Each flow hop before the last makes only the call to the next hop; the last hop
        // follows its component's own plan, or the plan of the operation the flow invokes
        // (one plan per targeted operation; its callees continue with their own plans).
        var flowPlan: [Int32] = []
        var flowEntry: [Int32] = []
        var operationPlan: [Int: [Int: Int32]] = [:]
        var operationSamplers: [ServiceSampler] = []
        var planSampler: [Int32] = []
        for flow in semantics.flows {
            let hops = flow.hops
            flowEntry.append(Int32(hops[0]))
            var lastPlan = Int32(hops[hops.count - 1])
            if let k = flow.operation {
                let last = hops[hops.count - 1]
                if let known = operationPlan[last]?[k] {
                    lastPlan = known
                } else {
                    lastPlan = Int32(planStart.count)
                    operationPlan[last, default: [:]][k] = lastPlan
                    emit(flow.lastPlan.batches.map { ($0.edges, $0.isParallel) }) { Int32(graph.edges[$0].target) }
                    // The operation's own service time, when it differs from the component's.
                    let own = semantics.operationService[last][k]
                    if own != semantics.service[last] {
                        planSampler += [Int32](repeating: -1, count: max(0, Int(lastPlan) + 1 - planSampler.count))
                        planSampler[Int(lastPlan)] = Int32(operationSamplers.count)
                        operationSamplers.append(ServiceSampler(own))
                    }
                }
            }
            let firstHopPlan = Int32(planStart.count)
            var plans: [Int32] = (0..<(hops.count - 1)).map { firstHopPlan + Int32($0) }
            plans.append(lastPlan)
            flowPlan.append(plans[0])
            for hop in 0..<(hops.count - 1) {
                let child = plans[hop + 1]
                if let e = flow.hopEdges[hop] {
                    emit([([e], graph.edges[e].parallel != nil)]) { _ in child }
                } else {
                    // The route names a hop the caller does not declare: a default sync call.
                    let id = addCall(caller: hops[hop], callee: hops[hop + 1], call: nil)
                    planStart.append(Int32(steps.count))
                    steps.append(Step(call: id, callee: Int32(hops[hop + 1]), childPlan: child, batchEnd: Int32(steps.count + 1),
                                      isAsync: false, parallel: false, optional: false, whole: 1, fraction: 0, skip: 0,
                                      hit: -1, onMissStep: -1, onMissProbability: -1))
                }
            }
        }
        planStart.append(Int32(steps.count))
        planSampler += [Int32](repeating: -1, count: max(0, planStart.count - planSampler.count))
        self.planSampler = operationSamplers.isEmpty ? [] : planSampler
        self.operationSamplers = operationSamplers
        self.calls = calls
        self.backoffBounds = bounds
        self.steps = steps
        self.planStart = planStart
        self.flowNames = semantics.flows.map(\.name)
        self.flowEntry = flowEntry
        self.flowPlan = flowPlan
        self.flowRate = LoadTimeline(flows: model.flows).averages
        self.flowSLO = semantics.flows.map(\.slo)
    }
}

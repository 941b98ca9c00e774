import Foundation
import LintelModel

/// How a component's own service time is drawn.
struct ServiceSampler: Sendable {
    enum Shape: UInt8, Sendable { case constant, exponential, lognormal }
    var shape: Shape
    /// Constant: the value. Exponential: the mean. Log-normal: μ of the underlying normal.
    var a: Double
    /// Log-normal: σ of the underlying normal.
    var b: Double

    init(_ latency: Latency) {
        let p50 = max(0, latency.p50.seconds)
        switch latency.distribution {
        case .constant:
            self.init(shape: .constant, a: p50, b: 0)
        case .exponential:
            // The median of an exponential is mean·ln 2.
            self.init(shape: .exponential, a: p50 / 0.6931471805599453, b: 0)
        case .lognormal:
            let p99 = latency.p99.seconds
            if p50 > 0, p99 > p50 {
                // p99 = e^(μ + z₀.₉₉·σ) with z₀.₉₉ = 2.3263478740408408.
                self.init(shape: .lognormal, a: log(p50), b: log(p99 / p50) / 2.3263478740408408)
            } else {
                self.init(shape: .constant, a: p50, b: 0)
            }
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
    var workers: Int32
    /// Waiting requests allowed per instance; `Int32.max` when unbounded.
    var queueLimit: Int32
    var sampler: ServiceSampler
    var balancing: LoadBalancing
    /// Token-bucket refill rate; 0 when the component has no rate limit.
    var rateLimit: Double
    var isChannel: Bool
    var isCache: Bool
    var maxDeliveries: Int32
    var deadLetter: Bool
}

/// Caller-side settings of one declared call (shared by every plan that uses it).
struct SimCall {
    var caller: Int32
    var callee: Int32
    var timeout: Double
    var retries: Int32
    var backoff: Backoff
    var base: Double
    var cap: Double
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

    init(caller: Int32, callee: Int32, timeout: Double, retries: Int32, backoff: Backoff, base: Double, cap: Double,
         budget: Double, breaker: CircuitBreaker?) {
        self.caller = caller
        self.callee = callee
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.base = base
        self.cap = cap
        self.budget = budget
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

/// The model flattened into arrays for the event loop.
struct CompiledModel {
    var components: [SimComponent]
    var names: [String]
    var calls: [SimCall]
    var steps: [Step]
    /// Plan `p` is steps `planStart[p] ..< planStart[p + 1]`. Plan `c` (for each component index c)
    /// makes all of that component's calls; flow hops that make only the call to the next hop follow.
    var planStart: [Int32]
    /// Consumers of each topic or queue, as component indices (empty for other components).
    var consumers: [[Int32]]
    var flowNames: [String]
    var flowEntry: [Int32]
    var flowPlan: [Int32]
    var flowRate: [Double]
    var totalInstances: Int

    init(model: Model) {
        let index = model.componentIndex
        var components: [SimComponent] = []
        var allConsumers: [[Int32]] = []
        var first: Int32 = 0
        for component in model.components {
            let instances = Int32(clamping: max(1, component.instances))
            var consumers: [Int32] = []
            for name in component.consumers {
                if let c = index[name] { consumers.append(Int32(c)) }
            }
            components.append(SimComponent(
                instances: instances, firstInstance: first, workers: Int32(clamping: max(1, component.workers)),
                queueLimit: component.queueLimit.map { Int32(clamping: max(0, $0)) } ?? Int32.max,
                sampler: ServiceSampler(component.latency), balancing: component.loadBalancing,
                rateLimit: component.rateLimit?.perSecond ?? 0,
                isChannel: component.kind.category == .channel || component.kind.category == .broker,
                isCache: component.kind.category == .cache,
                maxDeliveries: Int32(clamping: max(1, component.maxDeliveries)),
                deadLetter: component.deadLetter ?? false))
            allConsumers.append(consumers)
            first += instances
        }
        self.components = components
        self.consumers = allConsumers
        self.names = model.components.map(\.name)
        totalInstances = Int(first)

        // Declared calls, numbered in component order then call order.
        var calls: [SimCall] = []
        var callId: [[Int32]] = []
        for (c, component) in model.components.enumerated() {
            var ids: [Int32] = []
            for call in component.calls {
                guard let callee = index[call.to] else { ids.append(-1); continue }
                ids.append(Int32(calls.count))
                calls.append(SimCall(
                    caller: Int32(c), callee: Int32(callee), timeout: call.timeout?.seconds ?? .infinity,
                    retries: Int32(clamping: max(0, call.retries)), backoff: call.backoff,
                    base: max(0, call.backoffBase.seconds), cap: max(0, call.backoffCap.seconds),
                    budget: call.retryBudget ?? -1, breaker: call.circuitBreaker))
            }
            callId.append(ids)
        }

        var steps: [Step] = []
        var planStart: [Int32] = []
        func emit(_ planSteps: [Step]) {
            let offset = Int32(steps.count)
            planStart.append(offset)
            for var step in planSteps {
                step.batchEnd += offset
                steps.append(step)
            }
        }
        let isCache = components.map(\.isCache)
        // Plans 0..<n: every call of component c, callees continuing with their own plan.
        for (c, component) in model.components.enumerated() {
            let chosen = component.calls.indices.filter { callId[c][$0] >= 0 }
            emit(Self.plan(component: component, chosen: chosen, ids: callId[c], index: index, isCache: isCache,
                           childPlan: { Int32(index[component.calls[$0].to] ?? 0) }))
        }
        // Each flow hop before the last makes only the call to the next hop; the last hop
        // follows its component's own plan.
        var flowPlan: [Int32] = []
        for flow in model.flows {
            let path = flow.path.compactMap { index[$0] }
            guard let last = path.last else { flowPlan.append(0); continue }
            let firstHopPlan = Int32(planStart.count)
            var plans: [Int32] = (0..<(path.count - 1)).map { firstHopPlan + Int32($0) }
            plans.append(Int32(last))
            flowPlan.append(plans[0])
            for hop in 0..<(path.count - 1) {
                let caller = path[hop], next = path[hop + 1]
                let component = model.components[caller]
                let child = plans[hop + 1]
                if let position = component.calls.firstIndex(where: { $0.to == model.components[next].name }),
                   callId[caller][position] >= 0 {
                    emit(Self.plan(component: component, chosen: [position], ids: callId[caller], index: index,
                                   isCache: isCache, childPlan: { _ in child }))
                } else {
                    // The route names a hop the caller does not declare: call it with defaults.
                    let id = Int32(calls.count)
                    calls.append(SimCall(caller: Int32(caller), callee: Int32(next), timeout: .infinity, retries: 0,
                                         backoff: .none, base: 0, cap: 0, budget: -1, breaker: nil))
                    emit([Step(call: id, callee: Int32(next), childPlan: child, batchEnd: 1, isAsync: false,
                               optional: false, whole: 1, fraction: 0, skip: 0, hit: -1,
                               onMissStep: -1, onMissProbability: -1)])
                }
            }
        }
        planStart.append(Int32(steps.count))
        self.calls = calls
        self.steps = steps
        self.planStart = planStart
        self.flowNames = model.flows.map(\.name)
        self.flowEntry = model.flows.map { Int32(index[$0.entry] ?? 0) }
        self.flowPlan = flowPlan
        self.flowRate = model.flows.map { max(0, $0.rate.perSecond) }
    }

    /// Steps for the chosen calls of one component: parallel groups gathered at their first
    /// member's position, cache-aside calls linked to the cache lookup they depend on.
    private static func plan(component: Component, chosen: [Int], ids: [Int32], index: [String: Int],
                             isCache cacheFlags: [Bool], childPlan: (Int) -> Int32) -> [Step] {
        var batches: [[Int]] = []
        var groupBatch: [String: Int] = [:]
        for position in chosen {
            if let group = component.calls[position].parallel {
                if let b = groupBatch[group] { batches[b].append(position); continue }
                groupBatch[group] = batches.count
            }
            batches.append([position])
        }
        var result: [Step] = []
        var stepOf: [String: (step: Int, batch: Int)] = [:]
        // batchEnd is relative to the plan here; `emit` makes it absolute.
        for (b, batch) in batches.enumerated() {
            let end = result.count + batch.count
            for position in batch {
                let call = component.calls[position]
                let callee = index[call.to] ?? 0
                let isCache = cacheFlags[callee]
                var onMissStep: Int32 = -1
                var onMissProbability = -1.0
                if let cache = call.onMiss {
                    if let earlier = stepOf[cache], earlier.batch < b {
                        onMissStep = Int32(earlier.step)
                    } else {
                        let lookup = component.calls.first { $0.to == cache }
                        onMissProbability = 1 - (lookup?.hitRatio ?? 0)
                    }
                }
                let perRequest = max(0, call.perRequest)
                if isCache, stepOf[call.to] == nil { stepOf[call.to] = (result.count, b) }
                result.append(Step(
                    call: ids[position], callee: Int32(callee), childPlan: childPlan(position), batchEnd: Int32(end),
                    isAsync: call.mode == .async, optional: call.optional,
                    whole: Int32(clamping: Int(perRequest.rounded(.down))), fraction: perRequest - perRequest.rounded(.down),
                    skip: isCache ? 0 : min(1, max(0, call.hitRatio ?? 0)),
                    hit: isCache ? min(1, max(0, call.hitRatio ?? 0)) : -1,
                    onMissStep: onMissStep, onMissProbability: onMissProbability))
            }
        }
        return result
    }
}

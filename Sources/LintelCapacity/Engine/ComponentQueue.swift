import Foundation
import LintelModel

/// One component's queue at one load: servers, what a rate limit and a bounded queue turn
/// away, and the wait of what is admitted. Instances are separate queues (docs/semantics.md rule 2).
struct ComponentQueue: Sendable {
    /// Servers: instances × workers (× 1 + replicas when reads go to replicas), capped by the consumer
    /// limit; partitions for a partitioned topic or queue.
    var servers: Int
    /// Separate queues the servers are split into (instances), 1 for a pool of partitions.
    var queues: Int
    /// Fraction of offered arrivals served (rate limit × (1 − blocking)).
    var admitted: Double
    /// Fraction rejected by the rate limit.
    var rateLimited: Double
    /// Blocking probability of the bounded queue (per instance, M/G/c/K).
    var blocking: Double
    /// Probability of waiting, mean wait and its shape; `nil` when saturated (unbounded queue at ρ ≥ 1).
    var probabilityOfWaiting: Double?
    var meanWait: Double?
    var wait: TimeDistribution?
    var formula: String

    static func solve(component: Component, semantics: SemanticModel, node: Int, arrival: Double,
                      holding: Double, holdingSCV: Double) -> ComponentQueue {
        let partitioned = semantics.isPartitioned(node)
        var instances = max(0, component.instances)
        var workers = max(0, component.workers)
        if partitioned {
            instances = 1
            workers = semantics.partitions[node] ?? 0
        } else {
            instances = semantics.servingInstances(node)
        }
        if let limit = semantics.consumerLimit[node], !partitioned {
            // Consumer-group parallelism is limited by partitions: the broker holds the backlog and the
            // group's min(servers, partitions) threads take the next message, one pool (as the simulator runs it).
            workers = max(0, min(limit, saturating(instances, times: workers)))
            instances = 1
        }
        let servers = saturating(instances, times: workers)
        var result = ComponentQueue(servers: servers, queues: max(1, instances), admitted: 1, rateLimited: 0, blocking: 0,
                                    probabilityOfWaiting: nil, meanWait: nil, wait: nil, formula: "")
        var lambda = arrival
        if let limit = component.rateLimit?.perSecond, limit.isFinite, arrival > 0 {
            let cut = FiniteQueue.rateLimited(arrivalRate: arrival, limit: limit)
            result.rateLimited = cut.rejectedFraction
            lambda = cut.passed
        }
        guard lambda > 0, holding > 0 else {
            result.probabilityOfWaiting = 0
            result.meanWait = 0
            result.wait = .constant(0)
            result.formula = lambda > 0 ? "no holding time" : "no load"
            result.admitted = 1 - result.rateLimited
            return result
        }
        guard servers > 0 else {
            result.formula = "no servers"
            result.admitted = 0
            return result
        }
        if let places = component.queueLimit, !partitioned {
            // Bounded queue per instance: M/G/w/(w + queue_limit) with λ/instances (random-split view).
            let perInstance = lambda / Double(result.queues)
            let capacity = saturating(workers, plus: max(0, places))
            if let bounded = FiniteQueue.mgck(arrivalRate: perInstance, meanService: holding, serviceSCV: holdingSCV,
                                              servers: workers, capacity: capacity) {
                result.blocking = bounded.queue.blocking
                result.admitted = (1 - result.rateLimited) * (1 - bounded.queue.blocking)
                let waits = bounded.queue.arrivalState.dropFirst(workers).reduce(0, +)
                result.probabilityOfWaiting = waits
                result.meanWait = bounded.meanWait
                // Found n ≥ w waiting: n − w + 1 service completions of the w workers, stretched by (1 + SCV)/2.
                let factor = (1 + max(0, holdingSCV)) / 2
                result.wait = .erlangMixture(weights: Array(bounded.queue.arrivalState.dropFirst(workers)),
                                             rate: Double(workers) / (holding * factor))
                result.formula = "per instance M/G/\(workers)/\(capacity) (queue_limit \(places)): P_K \(short(bounded.queue.blocking)), Wq = Lq/λ_admitted × (1 + SCV)/2"
                return result
            }
        }
        result.admitted = 1 - result.rateLimited
        let policy: LoadBalancing = partitioned ? .leastOutstanding : component.loadBalancing
        if let queue = InstanceQueues.solve(policy: policy, arrivalRate: lambda, instances: result.queues,
                                            workers: max(1, servers / result.queues), meanService: holding, serviceSCV: holdingSCV) {
            result.probabilityOfWaiting = queue.probabilityOfWaiting
            result.meanWait = queue.meanWait
            result.wait = queue.wait
            result.formula = partitioned ? "\(servers) partitions as one M/D/\(servers) pool: Wq = C/(c/S − λ) × (1 + SCV)/2" : queue.formula
        } else {
            result.formula = "unbounded: λ·H ≥ c, the queue grows without limit"
        }
        return result
    }
}

/// a × b, Int.max on overflow (counts from a model never wrap around).
func saturating(_ a: Int, times b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : product
}

/// a + b, Int.max on overflow.
func saturating(_ a: Int, plus b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : sum
}

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
        } else if component.readFromReplicas, component.kind.category == .database || component.kind.category == .cache {
            instances = instances.multipliedReportingOverflow(by: 1 + max(0, component.replicas)).partialValue
        }
        if let limit = semantics.consumerLimit[node], !partitioned, limit < instances * workers {
            // Consumer-group parallelism is limited by partitions: fewer busy workers, pooled.
            instances = 1
            workers = max(0, limit)
        }
        let servers = instances.multipliedReportingOverflow(by: workers).partialValue
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
            let capacity = workers.addingReportingOverflow(max(0, places)).partialValue
            if let bounded = FiniteQueue.mgck(arrivalRate: perInstance, meanService: holding, serviceSCV: holdingSCV,
                                              servers: workers, capacity: capacity) {
                result.blocking = bounded.queue.blocking
                result.admitted = (1 - result.rateLimited) * (1 - bounded.queue.blocking)
                let waits = bounded.queue.arrivalState.dropFirst(workers).reduce(0, +)
                result.probabilityOfWaiting = waits
                result.meanWait = bounded.meanWait
                result.wait = .atomThenExponential(probability: waits, decay: bounded.meanWait > 0 ? waits / bounded.meanWait : .infinity)
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

import Foundation
import LintelModel

/// Builds one component's row: queueing at the evaluated load, instances needed, headroom and runway.
/// A number for a formula string: three decimals, without the cost of `String(format:)`.
func short(_ value: Double) -> String {
    guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
    let rounded = (value * 1000).rounded() / 1000
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    return "\(rounded)"
}

struct ComponentSizer {
    let semantics: SemanticModel
    let queue: QueueState
    let options: CapacityOptions
    let growth: Growth?

    func report(_ node: Int, averageArrival: Double, peakArrival: Double, shares: [(flow: Int, unit: Double)],
                         flowNames: [String], latencyBudget: Double?, amplification: Double) -> ComponentCapacity {
        let component = semantics.model.components[node]
        let row = queue.queue[node]
        let servers = row.servers
        let partitioned = semantics.isPartitioned(node)
        // A partitioned topic scales by partitions (one server each), everything else by instances.
        let workersPerUnit = partitioned ? 1 : component.workers
        let unit = partitioned ? "partitions" : "instances"
        let lambda = queue.arrival[node]
        let holding = queue.holding[node]
        let load = queue.offeredLoad(node)
        let utilisation = servers > 0 ? load / Double(servers) : (load > 0 ? .infinity : 0)
        let saturated = queue.saturated[node]
        let target = options.targetUtilisation
        let fit = semantics.service[node]
        let service = (p50: fit.quantile(0.5), p99: fit.quantile(0.99))
        let waitP50 = queue.waitQuantile(0.5, node: node)
        let waitP99 = queue.waitQuantile(0.99, node: node)
        let unstable = "unbounded: λ·H ≥ c, the queue grows without limit"

        let forUtilisation = Sizing.instancesForUtilisation(offeredLoad: load, workers: workersPerUnit, target: target)
        let forLatency: Figure
        if lambda == 0 {
            forLatency = Figure(nil, .count, "no load")
        } else if let budget = latencyBudget {
            if budget <= 0 {
                forLatency = Figure(nil, .count, "not reachable by scaling: the flow's service-time p99 alone exceeds its SLO")
            } else {
                let needed = Sizing.instancesForWait(quantile: 0.99, budget: budget, arrivalRate: lambda, meanService: holding,
                                                     serviceSCV: queue.holdingSCV[node], workers: workersPerUnit,
                                                     policy: partitioned ? .leastOutstanding : component.loadBalancing)
                forLatency = Figure(needed.map(Double.init), .count,
                                    "fewest \(unit) with wait p99 ≤ flow slack \(short(budget * 1000))ms (SLO − unloaded path p99)")
            }
        } else {
            forLatency = Figure(nil, .count, "no latency objective on the flows reaching it")
        }
        let external = component.kind.category == .external
        let sufficient = max(1, forUtilisation, forLatency.value.map { Int($0) } ?? 0)
        let running = partitioned ? servers : component.instances
        // Instances cannot be added to an external system: it keeps its count and says what it must sustain.
        let needed = external ? running : max(running, sufficient)
        let externalDemand: Figure? = external
            ? Figure(lambda, .perSecond, "rate it must sustain, \(short(load)) requests in flight at once (λ × holding \(short(holding * 1000))ms)"
                     + (saturated ? "; exceeds the \(servers) concurrent requests stated: ask the provider for more or add a cache/queue in front" : ""))
            : nil

        // Capacity multiple before the target (or 100%) is reached; runway = 12·ln(multiple)/ln(growth per year).
        let toTarget = load > 0 ? target * Double(servers) / load : .infinity
        let toSaturation = load > 0 ? Double(servers) / load : .infinity
        func runway(_ multiple: Double, _ label: String) -> Figure {
            guard let growth, growth.factorPerYear > 1 else {
                return Figure(nil, .months, "no traffic growth stated")
            }
            guard multiple.isFinite else { return Figure(nil, .months, "no load") }
            return Figure(max(0, 12 * log(multiple) / log(growth.factorPerYear)), .months,
                          "12 · ln(\(label) \(short(multiple))×) / ln(growth \(short(growth.factorPerYear))x/year)")
        }
        return ComponentCapacity(
            name: component.name, kind: component.kind.rawValue,
            instances: component.instances, workers: component.workers, servers: servers, scalesBy: unit,
            arrivalAverage: Figure(averageArrival, .perSecond, "Σ flows' average rate × calls per request"),
            arrivalPeak: Figure(peakArrival, .perSecond, "Σ flows' peak rate × calls per request"),
            arrival: Figure(lambda, .perSecond, "Σ flows' peak × scale × calls per request × attempts (retries), after callers' rejections"),
            serviceMean: Figure(queue.service[node].mean, .seconds, partitioned ? "1 / partition throughput" : "mean of \(fit.shape.rawValue) fitted to p50 \(short(component.latency.p50.milliseconds))ms, p99 \(short(component.latency.p99.milliseconds))ms"),
            holdingTime: Figure(holding, .seconds, "own service + Σ calls per request × call time (attempts under timeout, callee wait + response); a parallel group its E[max]"),
            offeredLoad: Figure(load, .erlangs, "a = λ × holding time"),
            utilisation: Figure(utilisation, .fraction, (partitioned ? "ρ = λ / (partitions × partition throughput) = " : "ρ = λ·H / (instances × workers) = ") + "\(short(load)) / \(servers)"),
            probabilityOfWaiting: Figure(row.probabilityOfWaiting, .fraction, saturated ? unstable : row.formula),
            meanWait: Figure(row.meanWait, .seconds, saturated ? unstable : row.formula + ", holding SCV \(short(queue.holdingSCV[node]))"),
            queueLength: Figure(row.meanWait.map { $0 * lambda * row.admitted }, .count, saturated ? unstable : "Lq = λ_admitted·Wq (Little)"),
            responseP50: Figure(waitP50.map { $0 + service.p50 }, .seconds, saturated ? unstable : "service p50 + wait p50"),
            responseP99: Figure(waitP99.map { $0 + service.p99 }, .seconds, saturated ? unstable : "service p99 + wait p99"),
            instancesForUtilisation: Figure(Double(forUtilisation), .count,
                                            "⌈a / (\(short(target * 100))% × \(workersPerUnit) per \(unit.dropLast()))⌉"),
            instancesForLatency: forLatency,
            instancesNeeded: needed,
            headroom: Figure(toTarget.isFinite ? toTarget - 1 : nil, .fraction,
                             "extra load before \(short(target * 100))% utilisation: target·c/a − 1"),
            saturationMultiple: Figure(toSaturation, .factor, "c / a = \(servers) / \(short(load))"),
            runwayToTarget: runway(toTarget, "target multiple"),
            runwayToSaturation: runway(toSaturation, "saturation multiple"),
            retryAmplification: Figure(amplification, .factor, "Π attempts along the worst synchronous path reaching it"),
            saturated: saturated,
            flows: shares.map { FlowShare(flow: flowNames[$0.flow], rate: $0.unit * (lambda > 0 ? 1 : 0)) },
            loadBalancing: partitioned ? "partitions" : component.loadBalancing.rawValue,
            rejected: Figure(1 - row.admitted, .fraction,
                             "1 − (1 − rate-limited \(short(row.rateLimited))) × (1 − blocking \(short(row.blocking))); rate limit passes min(λ, r), queue_limit by M/G/c/K"),
            instancesSufficient: external ? running : sufficient,
            fewerWouldDo: !external && !partitioned && sufficient < running,
            externalDemand: externalDemand)
    }
}

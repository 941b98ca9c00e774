import Foundation
import LintelModel

/// Builds each flow's report and what the component rows need from the flows.
struct FlowReports {
    var reports: [FlowCapacity] = []
    /// Per component: (flow index, arrivals per 1/s of that flow).
    var shares: [[(flow: Int, unit: Double)]]
    /// Per component: the smallest latency slack (SLO p99 − unloaded flow p99) of the flows reaching it.
    var waitBudget: [Double?]
    /// Per component: the most attempts one flow request causes there.
    var amplification: [Double]

    /// One component's availability: 1 − (1 − a)ⁿ with n = instances for compute and
    /// external systems, n = 1 + replicas for stores, channels, brokers and infrastructure.
    static func availability(of component: Component) -> Double {
        switch component.kind.category {
        case .compute, .external: Reliability.redundant(component.availability, copies: max(0, component.instances))
        default: Reliability.redundant(component.availability, copies: 1 + max(0, component.replicas))
        }
    }

    /// `charge` is called once per flow with the components its two latency distributions walk.
    init<E: Error>(semantics: SemanticModel, state: QueueState, unloaded: QueueState, retryLoad: [Double],
                   averageRates: [Double], peakRates: [Double], rates: [Double],
                   charge: (Int, String) throws(E) -> Void) throws(E) {
        let graph = semantics.graph
        let model = semantics.model
        let names = model.components.map(\.name)
        shares = [[(flow: Int, unit: Double)]](repeating: [], count: graph.count)
        for flow in semantics.flows {
            for entry in flow.unitArrivals { shares[entry.node].append((flow.index, entry.rate)) }
        }
        waitBudget = [Double?](repeating: nil, count: graph.count)
        let bounds = WorstCase(semantics: semantics, state: state)
        var seeds: [(node: Int, attempts: Double, plan: CallPlan?)] = []
        for flow in semantics.flows {
            try charge(2 * (flow.hops.count + flow.reachable.count), "the latency of each flow")
            let index = flow.index
            let objective = flow.slo
            let hard = flow.hops.filter { flow.isHardDependency($0) }.uniqued()
                + flow.hardDependencies.filter { !flow.hops.contains($0) }
            let availability = Reliability.serial(hard.map { Self.availability(of: model.components[$0]) })
            let loaded = FlowLatency.compute(flow, state: state)
            let idle = FlowLatency.compute(flow, state: unloaded)
            let loadedP99 = loaded.flatMap { $0.unbounded ? nil : $0.grid.quantile(0.99) }
            let loadedP50 = loaded.flatMap { $0.unbounded ? nil : $0.grid.quantile(0.5) }
            let unloadedP99 = idle?.grid.quantile(0.99) ?? .infinity
            let worst = bounds.flowWorst(flow)
            let retries = bounds.amplification(flow)
            var routeAttempts = 1.0
            for (hop, node) in flow.hops.enumerated() {
                // The last hop of a flow invoking an operation passes attempts on through that operation's calls only.
                seeds.append((node, routeAttempts, hop == flow.hops.count - 1 && flow.operation != nil ? flow.lastPlan : nil))
                if hop < flow.hopEdges.count, let e = flow.hopEdges[hop], let call = semantics.call(e) { routeAttempts *= Double(call.attempts) }
            }
            let latencyObjective = objective?.latencyP99?.seconds
            if let latencyObjective {
                for unit in flow.unitArrivals {
                    let slack = latencyObjective - unloadedP99
                    waitBudget[unit.node] = min(waitBudget[unit.node] ?? slack, slack)
                }
            }
            let availabilityObjective = objective?.availability
            let budget = availabilityObjective.map { Reliability.errorBudgetMinutes(availability: $0) }
            let unboundedText = "unbounded: a component on the path is saturated"
            let gridText = "quantile of the flow's latency distribution: each response = wait ⊛ service ⊛ calls on a grid "
                + "(sequential calls convolve, a parallel group is the max, retries and copies included)"
            reports.append(FlowCapacity(
                name: flow.name, entry: model.flows[index].entry,
                rateAverage: Figure(averageRates[index], .perSecond, "flow rate"),
                ratePeak: Figure(peakRates[index], .perSecond, "flow peak"),
                rate: Figure(rates[index], .perSecond, "peak × scale"),
                hardDependencies: hard.map { names[$0] },
                availability: Figure(availability, .fraction, "Π over \(hard.count) hard dependencies of 1 − (1 − a)^copies"),
                availabilityObjective: availabilityObjective,
                meetsAvailability: availabilityObjective.map { availability >= $0 },
                errorBudget: Figure(budget, .minutes, budget == nil ? "no availability objective" : "(1 − SLO) × 43,200 min per 30 days"),
                expectedDowntime: Figure(Reliability.errorBudgetMinutes(availability: availability), .minutes,
                                         "(1 − composite availability) × 43,200 min per 30 days"),
                latencyP99: Figure(loadedP99, .seconds, loadedP99 == nil ? unboundedText : gridText),
                latencyP99Unloaded: Figure(unloadedP99, .seconds, "the same distribution without queueing (service times only)"),
                latencyWorstCase: Figure(worst, .seconds, worst.isFinite
                                         ? "worst response: attempts × min(timeout, callee worst) + longest backoff per call, service p99 + wait p99 per component"
                                         : "unbounded: a synchronous call without a timeout can wait forever"),
                latencyObjective: latencyObjective,
                meetsLatency: latencyObjective.map { objective in loadedP99.map { $0 <= objective } ?? false },
                criticalPath: bounds.criticalPath(flow).map { names[$0] },
                retryAmplification: Figure(retries.factor, .factor, "Π attempts (1 + retries) along the worst synchronous path"),
                worstRetryPath: retries.path.map { names[$0] },
                latencyP50: Figure(loadedP50, .seconds, loadedP50 == nil ? unboundedText : gridText),
                latencyMean: Figure(loaded.flatMap { $0.unbounded ? nil : $0.mean }, .seconds,
                                    "Σ mean waits and services along the calls (exact means; parallel groups by E[max])"),
                retryLoad: Figure(retryLoad[index], .factor,
                                  "steady state: arrivals with retries / without, attempts Σ_{k≤R} q^k with q = P(response > timeout) or rejected")))
        }
        amplification = bounds.reaching(seeds: seeds)
    }
}

extension Array where Element == Int {
    /// The elements in order, each once.
    func uniqued() -> [Int] {
        var seen = Set<Int>()
        return filter { seen.insert($0).inserted }
    }
}

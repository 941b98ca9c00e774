import Foundation
import LintelModel

/// Builds each flow's report and what the component rows need from the flows.
struct FlowReports {
    var reports: [FlowCapacity] = []
    /// Per component: (flow index, arrivals per 1/s of that flow).
    var shares: [[(flow: Int, unit: Double)]]
    /// Per component: the smallest latency slack (SLO p99 − unloaded path p99) of the flows reaching it.
    var waitBudget: [Double?]
    /// Per component: the most attempts one flow request causes there.
    var amplification: [Double]

    init(model: Model, graph: CallGraph, queue: QueueState, load: LoadPropagation,
         averageRates: [Double], peakRates: [Double], rates: [Double], walk: inout GraphWalk) {
        shares = [[(flow: Int, unit: Double)]](repeating: [], count: graph.count)
        for (flow, unit) in load.units.enumerated() {
            for entry in unit.arrivals { shares[entry.node].append((flow, entry.rate)) }
        }
        waitBudget = [Double?](repeating: nil, count: graph.count)
        amplification = [Double](repeating: 0, count: graph.count)
        let serviceP99 = graph.components.map { Sizing.serviceQuantiles($0.latency).p99 }
        let responseP99 = graph.components.indices.map { node in
            serviceP99[node] + (queue.waitQuantile(0.99, node: node) ?? .infinity)
        }
        let analysis = FlowAnalysis(graph: graph)
        let unloadedBudgets = analysis.budgets(p99: serviceP99, walk: &walk)
        let loadedBudgets = analysis.budgets(p99: responseP99, walk: &walk)
        let retryTree = analysis.retryTree(walk: &walk)
        var seeds: [(node: Int, attempts: Double)] = []
        let names = graph.components.map(\.name)
        for (index, flow) in model.flows.enumerated() {
            let objective = flow.slo ?? model.requirements.slo
            guard let path = analysis.path(of: flow) else { continue }
            let hard = analysis.hardDependencies(path, walk: &walk)
            let availability = Reliability.serial(hard.map { FlowAnalysis.availability(of: graph.components[$0]) })
            let unloaded = analysis.latency(path, p99: serviceP99, budgets: unloadedBudgets)
            let loaded = analysis.latency(path, p99: responseP99, budgets: loadedBudgets)
            let retries = analysis.amplification(path, tree: retryTree)
            var routeAttempts = 1.0
            for (hop, node) in path.nodes.enumerated() {
                seeds.append((node, routeAttempts))
                if hop < path.routeEdges.count, let edge = path.routeEdges[hop] { routeAttempts *= Double(graph.edges[edge].attempts) }
            }
            let latencyObjective = objective?.latencyP99?.seconds
            if let latencyObjective {
                for unit in load.units[index].arrivals {
                    let slack = latencyObjective - unloaded.p99
                    waitBudget[unit.node] = min(waitBudget[unit.node] ?? slack, slack)
                }
            }
            let availabilityObjective = objective?.availability
            let budget = availabilityObjective.map { Reliability.errorBudgetMinutes(availability: $0) }
            let worstFormula = !loaded.worst.isFinite
                ? "unbounded: a synchronous call without a timeout can wait forever"
                : "Σ timeout × attempts + backoff for calls with a timeout, p99 elsewhere"
            reports.append(FlowCapacity(
                name: flow.name, entry: flow.entry,
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
                latencyP99: Figure(loaded.p99, .seconds, loaded.p99.isFinite
                                   ? "Σ (service p99 + wait p99) over the synchronous call tree: sequential calls add, a parallel group takes its slowest"
                                   : "unbounded: a component on the path is saturated"),
                latencyP99Unloaded: Figure(unloaded.p99, .seconds, "Σ service p99 over the synchronous call tree (no queueing)"),
                latencyWorstCase: Figure(loaded.worst, .seconds, worstFormula),
                latencyObjective: latencyObjective,
                meetsLatency: latencyObjective.map { loaded.p99 <= $0 },
                criticalPath: loaded.critical.map { names[$0] },
                retryAmplification: Figure(retries.factor, .factor, "Π attempts (1 + retries) along the worst synchronous path"),
                worstRetryPath: retries.worstPath.map { names[$0] }))
        }
        amplification = analysis.reaching(seeds: seeds, tree: retryTree)
    }
}

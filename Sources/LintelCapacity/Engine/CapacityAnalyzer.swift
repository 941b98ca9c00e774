import Foundation
import LintelModel

/// Computes a model's capacity: load per component, queueing, sizing, connection budgets,
/// topics, storage, and per-flow availability, latency and retry amplification.
///
/// Linear in the model's size (plus Erlang recurrences linear in each component's servers).
public enum CapacityAnalyzer {
    /// Analyses `model` at each flow's peak × `options.loadMultiple` × growth over `options.months`.
    public static func analyze(_ model: Model, options: CapacityOptions = CapacityOptions()) -> CapacityReport {
        let graph = CallGraph(model: model)
        var walk = GraphWalk(graph: graph)
        let load = LoadPropagation(model: model, graph: graph, walk: &walk)

        let growth = model.requirements.traffic?.growth
        let growthFactor = options.months > 0 ? growth?.factor(afterMonths: options.months) ?? 1 : 1
        let scale = options.loadMultiple * growthFactor
        var loadDescription = options.loadMultiple == 1 ? "peak" : "peak × \(UnitFormat.number(options.loadMultiple))"
        if options.months > 0 {
            loadDescription += growth.map { " × growth \(UnitFormat.number(growthFactor)) (\(UnitFormat.number(options.months)) months at \($0))" }
                ?? " (no traffic growth stated, \(UnitFormat.number(options.months)) months add nothing)"
        }

        let averageRates = model.flows.map(\.rate.perSecond)
        let peakRates = model.flows.map(\.peak.perSecond)
        let rates = peakRates.map { $0 * scale }
        let averageArrival = load.arrivals(flowRates: averageRates)
        let peakArrival = load.arrivals(flowRates: peakRates)
        let arrival = load.arrivals(flowRates: rates)
        let edgeRates = load.edgeRates(flowRates: rates)
        let queue = QueueState(graph: graph, arrival: arrival, edgeRates: edgeRates, walk: &walk)

        // Flows first: the latency slack of each flow sizes the components it reaches.
        let flows = FlowReports(model: model, graph: graph, queue: queue, load: load,
                                averageRates: averageRates, peakRates: peakRates, rates: rates, walk: &walk)
        var components: [ComponentCapacity] = []
        components.reserveCapacity(graph.count)
        var sizer = ComponentSizer(graph: graph, queue: queue, options: options, growth: growth)
        for node in 0..<graph.count {
            components.append(sizer.report(node, averageArrival: averageArrival[node], peakArrival: peakArrival[node],
                                           shares: flows.shares[node], flowNames: model.flows.map(\.name),
                                           latencyBudget: flows.waitBudget[node], amplification: flows.amplification[node]))
        }
        var busiest: Int?
        for (node, row) in components.enumerated() where (row.utilisation.value ?? 0) > 0 {
            if busiest.map({ (row.utilisation.value ?? 0) > (components[$0].utilisation.value ?? 0) }) ?? true { busiest = node }
        }
        return CapacityReport(
            system: model.system, options: options,
            peakScale: Figure(scale, .factor, "load multiple × growth^(months/12)"),
            loadDescription: loadDescription,
            components: components, flows: flows.reports,
            connections: DataAnalysis.connections(graph: graph, queue: queue, edgeRates: edgeRates, defaultPool: options.defaultPool),
            topics: DataAnalysis.topics(graph: graph, queue: queue),
            storage: DataAnalysis.storage(model: model, horizons: storageHorizons(options)),
            scenarios: ScenarioLoad.analyze(model: model, load: load, graph: graph, walk: &walk),
            busiest: busiest.map { graph.components[$0].name },
            assumptions: assumptions)
    }

    static func storageHorizons(_ options: CapacityOptions) -> [Double] {
        var horizons = options.storageHorizons
        if options.months > 0, !horizons.contains(options.months) { horizons.append(options.months) }
        return horizons.sorted()
    }

    /// Printed with every report so the numbers can be checked by hand.
    public static let assumptions = [
        "Arrivals are Poisson; each instance's workers are servers of one M/G/c queue (instances × workers).",
        "Holding time = own mean service (log-normal fitted to p50/p99) + time blocked on synchronous calls.",
        "Queueing: Erlang C (exact for M/M/c) with the Allen–Cunneen factor (1 + SCV)/2 for other service shapes.",
        "Response p50/p99 ≈ service-time quantile + waiting-time quantile, P(Wq > t) = C·e^(−t·2(cμ−λ)/(1+SCV)).",
        "Retries add no load at steady state; worst-case attempts are reported as amplification.",
        "Availability: serial product of hard synchronous dependencies; 1 − (1 − a)^instances for compute, 1 − (1 − a)^(1 + replicas) for stores.",
        "Flow p99: component p99s summed over the synchronous call tree (parallel groups take the slowest), counting calls made by ≥ 1% of requests; the critical path follows the slowest callee at each step.",
    ]
}

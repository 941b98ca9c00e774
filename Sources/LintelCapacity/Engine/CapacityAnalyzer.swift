import Foundation
import LintelModel

/// Computes a model's capacity: load per component, queueing, sizing, connection budgets,
/// topics, storage, and per-flow availability, latency and retry amplification.
///
/// Linear in the model's size per load evaluated (plus Erlang recurrences linear in each component's
/// servers), times the flows for retry load and latency and the scenario load changes: the budgeted
/// entry points (`budget:`) count that work and stop with `CapacityError` instead of running long.
public enum CapacityAnalyzer {
    /// Analyses `model` at each flow's peak × `options.loadMultiple` × growth over `options.months`,
    /// without a budget (for models known to be small; input from users takes `budget:`).
    public static func analyze(_ model: Model, options: CapacityOptions = CapacityOptions()) -> CapacityReport {
        analyze(SemanticModel(model), options: options)
    }

    /// Analyses a compiled model (the semantic core shared with review and simulation), without a budget.
    public static func analyze(_ semantics: SemanticModel, options: CapacityOptions = CapacityOptions()) -> CapacityReport {
        compute(semantics, options: options) { (_: Int, _: String) throws(Never) in }
    }

    /// Analyses `model` within `budget`: the same report, or `CapacityError.budgetExceeded` saying
    /// where the work ran out and how large the model is — never part of a report.
    public static func analyze(_ model: Model, options: CapacityOptions = CapacityOptions(),
                               budget: CapacityBudget) throws(CapacityError) -> CapacityReport {
        try analyze(SemanticModel(model), options: options, budget: budget)
    }

    /// Analyses a compiled model within `budget`.
    public static func analyze(_ semantics: SemanticModel, options: CapacityOptions = CapacityOptions(),
                               budget: CapacityBudget) throws(CapacityError) -> CapacityReport {
        let meter = WorkMeter(budget, semantics: semantics)
        return try compute(semantics, options: options) { (steps: Int, phase: String) throws(CapacityError) in
            try meter.charge(steps, in: phase)
        }
    }

    /// The analysis; `charge(steps, phase)` is called at every loop over the graph (see `CapacityBudget`).
    static func compute<E: Error>(_ semantics: SemanticModel, options: CapacityOptions,
                                  charge: (Int, String) throws(E) -> Void) throws(E) -> CapacityReport {
        let model = semantics.model
        let pass = semantics.graph.count + semantics.graph.edges.count
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
        let evaluated = try SteadyState(semantics: semantics, flowRates: rates, charge: charge)
        // Average and peak rows show arrivals only: the evaluated load's attempts and rejections applied to their rates.
        let averageArrival = semantics.propagate(flowRates: averageRates, attempts: evaluated.attempts, admitted: evaluated.admitted).arrival
        let peakArrival = semantics.propagate(flowRates: peakRates, attempts: evaluated.attempts, admitted: evaluated.admitted).arrival
        let queue = evaluated.state
        try charge(CapacityBudget.queueWeight * pass, "the unloaded queues")
        let unloaded = QueueState(semantics: semantics, arrival: [Double](repeating: 0, count: semantics.graph.count))
        try charge(CapacityBudget.queueWeight * unloaded.repeatedSolves, "the unloaded queues")

        // Retry load per flow: its arrivals with the evaluated attempts and rejections over those without.
        var retryLoad: [Double] = []
        retryLoad.reserveCapacity(semantics.flows.count)
        for flow in semantics.flows {
            try charge(2 * pass, "the retry load of each flow")
            var unit = [Double](repeating: 0, count: semantics.flows.count)
            unit[flow.index] = 1
            let with = semantics.propagate(flowRates: unit, attempts: evaluated.attempts, admitted: evaluated.admitted).arrival.reduce(0, +)
            let without = semantics.propagate(flowRates: unit).arrival.reduce(0, +)
            retryLoad.append(without > 0 ? with / without : 1)
        }

        // Flows first: the latency slack of each flow sizes the components it reaches.
        let flows = try FlowReports(semantics: semantics, state: queue, unloaded: unloaded, retryLoad: retryLoad,
                                    averageRates: averageRates, peakRates: peakRates, rates: rates, charge: charge)
        var components: [ComponentCapacity] = []
        components.reserveCapacity(semantics.graph.count)
        let sizer = ComponentSizer(semantics: semantics, queue: queue, options: options, growth: growth)
        let flowNames = model.flows.map(\.name)
        try charge(semantics.graph.count, "sizing the components")
        for node in 0..<semantics.graph.count {
            components.append(sizer.report(node, averageArrival: averageArrival[node], peakArrival: peakArrival[node],
                                           shares: flows.shares[node], flowNames: flowNames,
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
            connections: DataAnalysis.connections(semantics: semantics, queue: queue, edgeRates: evaluated.load.edgeRate,
                                                  defaultPool: options.defaultPool),
            topics: DataAnalysis.topics(semantics: semantics, queue: queue),
            storage: DataAnalysis.storage(model: model, horizons: storageHorizons(options)),
            scenarios: model.scenarios.isEmpty ? [] : try ScenarioSteps.analyze(
                semantics: semantics, average: SteadyState(semantics: semantics, flowRates: averageRates, charge: charge), charge: charge),
            busiest: busiest.map { model.components[$0].name },
            assumptions: assumptions)
    }

    static func storageHorizons(_ options: CapacityOptions) -> [Double] {
        var horizons = options.storageHorizons
        if options.months > 0, !horizons.contains(options.months) { horizons.append(options.months) }
        return horizons.sorted()
    }

    /// Printed with every report so the numbers can be checked by hand (docs/capacity.md gives each one's measured error).
    public static let assumptions = [
        "Arrivals are Poisson. Instances are separate queues of `workers` servers: random split → M/G/w with λ/instances; round-robin → E_c/M/1 exact, E_c/G/w by Allen–Cunneen with the KLB correction; least-outstanding ≈ one pooled M/G/(instances × workers) (a lower bound).",
        "Service times are the semantic core's fits (constant p50; exponential mean p50/ln 2; log-normal through p50 and p99).",
        "Holding time = own service + time on synchronous calls: each call's attempts under its timeout (q = P(callee response > timeout) or rejected), copies one after another, a parallel group its expected maximum.",
        "Retries add load at steady state: attempts Σ_{k≤R} q^k per call; rate limits pass min(λ, r); queue_limit blocks by M/G/c/K per instance; what is turned away is not passed on.",
        "Terminating cycles follow the traffic equations; a non-terminating cycle's closing edge is skipped (review reports it).",
        "Flow percentiles are quantiles of the flow's latency distribution (waits ⊛ services ⊛ calls on a grid), not sums of component percentiles.",
        "Waits are an atom at 0 plus an exponential tail with the queue's mean: P(Wq > t) = P(wait)·e^(−t·P(wait)/Wq).",
        "Availability: serial product of hard synchronous dependencies; 1 − (1 − a)^instances for compute, 1 − (1 − a)^(1 + replicas) for stores.",
    ]
}

/// Steady state at one load: attempts and rejections feed back into the load until they settle.
struct SteadyState {
    var load: PropagatedLoad
    var state: QueueState
    var attempts: [Double]
    var admitted: [Double]

    /// Fixed-point iteration: load → queues → attempts and admitted fractions → load, at most 8 rounds
    /// (stops when no attempt count moves by more than 0.1% and no admitted fraction by 10⁻⁴).
    /// Each round charges one graph pass for the propagation and `queueWeight` for the queues.
    init<E: Error>(semantics: SemanticModel, flowRates: [Double], charge: (Int, String) throws(E) -> Void) throws(E) {
        let pass = (1 + CapacityBudget.queueWeight) * (semantics.graph.count + semantics.graph.edges.count)
        try charge(pass, "the steady state")
        var attempts = [Double](repeating: 1, count: semantics.graph.edges.count)
        var admitted = [Double](repeating: 1, count: semantics.graph.count)
        var load = semantics.propagate(flowRates: flowRates, attempts: attempts, admitted: admitted)
        var state = QueueState(semantics: semantics, arrival: load.arrival, routeArrival: load.routeArrival, operationArrival: load.operationArrival)
        try charge(CapacityBudget.queueWeight * state.repeatedSolves, "the steady state")
        for _ in 0..<8 {
            let nextAttempts = state.calls.map { $0?.attempts ?? 1 }
            let nextAdmitted = state.queue.map(\.admitted)
            // Attempts that move by less than 0.1% change no load by more than 0.1%: stop there.
            let moved = zip(nextAttempts, attempts).contains { abs($0 - $1) > 1e-3 * $1 }
                || zip(nextAdmitted, admitted).contains { abs($0 - $1) > 1e-4 }
            guard moved else { break }
            try charge(pass, "the steady state")
            attempts = nextAttempts
            admitted = nextAdmitted
            load = semantics.propagate(flowRates: flowRates, attempts: attempts, admitted: admitted)
            state = QueueState(semantics: semantics, arrival: load.arrival, routeArrival: load.routeArrival, operationArrival: load.operationArrival)
            try charge(CapacityBudget.queueWeight * state.repeatedSolves, "the steady state")
        }
        self.load = load
        self.state = state
        self.attempts = attempts
        self.admitted = admitted
    }
}

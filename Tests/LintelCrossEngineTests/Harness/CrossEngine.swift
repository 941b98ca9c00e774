import Foundation
import LintelCapacity
import LintelModel
import LintelSimulation
import Testing

/// One model evaluated by both engines at the same load: capacity at the flows' AVERAGE rates
/// (every flow's peak set to its average, so `peak × 1` is the average) and the steady simulation
/// (the flows' average rates, no faults) for a fixed duration and seed.
struct CrossEngine {
    let model: Model
    let capacity: CapacityReport
    let simulation: SimulationReport
    /// The capacity report as JSON, for figures this branch's `CapacityReport` may not declare yet
    /// (`FlowCapacity.latencyMean`, `ComponentCapacity.rejected`): read by name, absent → nil (and the check fails).
    let capacityJSON: [String: Any]

    /// - Parameters:
    ///   - yaml: the model text.
    ///   - duration: simulated seconds; chosen per model so the simulator's noise is well inside the tolerance.
    ///   - seed: fixed so a failure reproduces.
    init(yaml: String, duration: Double, seed: UInt64 = 1, file: String = "cross-engine.yaml") throws {
        let loaded = try ModelLoader.load(text: yaml, file: file).model
        try self.init(model: loaded, duration: duration, seed: seed)
    }

    init(model: Model, duration: Double?, seed: UInt64 = 1) throws {
        self.model = model
        capacity = CapacityAnalyzer.analyze(Self.atAverage(model))
        let encoded = try JSONEncoder().encode(capacity)
        capacityJSON = try JSONSerialization.jsonObject(with: encoded) as? [String: Any] ?? [:]
        simulation = try Simulation.run(model, scenario: nil,
                                        options: SimulationOptions(seed: seed, duration: duration.map { TimeSpan(seconds: $0) }))
    }

    /// The model with every flow's peak equal to its average rate: capacity evaluates `peak × 1`,
    /// so this makes it evaluate the load the steady simulation offers.
    static func atAverage(_ model: Model) -> Model {
        var copy = model
        for index in copy.flows.indices { copy.flows[index].peak = copy.flows[index].rate }
        return copy
    }

    // MARK: Figures read from both reports

    func capacityComponent(_ name: String) throws -> ComponentCapacity {
        try #require(capacity.components.first { $0.name == name }, "capacity report has no component \(name)")
    }

    func simulatedComponent(_ name: String) throws -> ComponentResult {
        try #require(simulation.components.first { $0.name == name }, "simulation report has no component \(name)")
    }

    func simulatedFlow(_ name: String) throws -> FlowResult {
        try #require(simulation.flows.first { $0.name == name }, "simulation report has no flow \(name)")
    }

    func capacityFlow(_ name: String) throws -> FlowCapacity {
        try #require(capacity.flows.first { $0.name == name }, "capacity report has no flow \(name)")
    }

    /// Capacity's mean response of a component: mean wait + mean holding time (own service and
    /// time blocked on synchronous calls). For a flow that enters a component and has no route, this
    /// is the flow's mean latency (the capacity report has no separate flow mean).
    func capacityResponse(_ name: String) throws -> Double? {
        let row = try capacityComponent(name)
        guard let wait = row.meanWait.value, let holding = row.holdingTime.value else { return nil }
        return wait + holding
    }

    /// A figure's value read by name from the capacity JSON: `section` is "components" or "flows".
    func capacityFigure(_ section: String, _ name: String, _ key: String) -> Double? {
        let rows = capacityJSON[section] as? [[String: Any]] ?? []
        let row = rows.first { $0["name"] as? String == name }
        return ((row?[key] as? [String: Any])?["value"] as? NSNumber)?.doubleValue
    }

    /// Capacity's mean latency of a flow: its `latencyMean` figure when the report has one; otherwise,
    /// for a flow without a route, the entry's mean response (the same quantity); otherwise nil.
    func capacityFlowMean(_ flow: String) throws -> Double? {
        if let mean = capacityFigure("flows", flow, "latencyMean") { return mean }
        let declared = try #require(model.flows.first { $0.name == flow }, "no flow \(flow) in the model")
        return declared.route.isEmpty ? try capacityResponse(declared.entry) : nil
    }

    /// Capacity's fraction of a component's offered requests turned away (rate limit, full queue),
    /// from its `rejected` figure; nil when the report has none.
    func capacityRejected(_ component: String) -> Double? {
        capacityFigure("components", component, "rejected")
    }

    /// Requests per second that reached a component in the simulation (attempts, before admission).
    func simulatedArrival(_ name: String) throws -> Double {
        Double(try simulatedComponent(name).attempts) / simulation.duration
    }

    /// Requests per second admitted by a component in the simulation (attempts minus rejections).
    func simulatedAdmitted(_ name: String) throws -> Double {
        let row = try simulatedComponent(name)
        return Double(row.attempts - row.rejections) / simulation.duration
    }
}

/// YAML for an entry `gw` that forwards instantly and never runs out of workers, so only its calls matter.
func instantClient(_ calls: String, extra: String = "") -> String {
    "gw: { kind: gateway, workers: 100000, latency: { p50: 0ms, p99: 0ms, distribution: constant }\(extra), calls: [ \(calls) ] }"
}

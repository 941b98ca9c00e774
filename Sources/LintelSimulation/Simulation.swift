import Dispatch
import Foundation
import LintelModel

/// Settings for one simulation run.
public struct SimulationOptions: Sendable, Equatable {
    /// Seeds the random generator: the same seed gives the same report, byte for byte.
    public var seed: UInt64
    /// Overrides the scenario's duration.
    public var duration: TimeSpan?
    /// Time-series interval; by default 1 s, coarsened so that no run keeps more than 3,600 points.
    public var seriesInterval: TimeSpan?
    /// How long the system must stay healthy to count as recovered.
    public var recoveryWindow: TimeSpan
    /// Healthy: goodput at least this fraction of the offered load over the window…
    public var goodputRatio: Double
    /// …and mean latency at most this multiple of the pre-fault mean.
    public var latencyRatio: Double
    /// Most requests, call attempts and messages alive at once. Beyond it new flow requests are
    /// refused (rejected) and new messages lost, and the report's verdict says where and when the
    /// system overloaded: memory stays bounded (about 200 bytes per slot) whatever the load.
    public var maxInFlight: Int

    public init(seed: UInt64 = 1, duration: TimeSpan? = nil, seriesInterval: TimeSpan? = nil,
                recoveryWindow: TimeSpan = TimeSpan(seconds: 30), goodputRatio: Double = 0.9, latencyRatio: Double = 2,
                maxInFlight: Int = SimulationOptions.defaultMaxInFlight) {
        self.seed = seed
        self.duration = duration
        self.seriesInterval = seriesInterval
        self.recoveryWindow = recoveryWindow
        self.goodputRatio = goodputRatio
        self.latencyRatio = latencyRatio
        self.maxInFlight = maxInFlight
    }

    /// Events a run is scaled to: a run whose estimate (all replications together) is larger simulates
    /// 1/k of the load on 1/k of the servers (see `SimulationReport.scale`). 0 turns scaling off.
    public var maxEvents: Double = SimulationOptions.defaultMaxEvents
    /// 2.5×10^7 events, about 3–4 s of CPU at the 7–8.5 M events/s measured on the analytics example
    /// (BENCHMARKS.md, "At the model-size limits").
    public static let defaultMaxEvents = 25_000_000.0
    /// Independent runs with seeds seed, seed + 1, …, executed in parallel on all cores; the report
    /// adds means with 95% confidence intervals (`SimulationReport.replications`). Scaling counts the
    /// replications' events together, so ten replications of a large run are scaled ten times further.
    public var replications: Int = 1
    /// Most events a run may process, all replications together, after scaling: a run estimated
    /// above it (or whose load is not finite) is refused before it starts with
    /// `SimulationError.tooMuchWork`, which gives the estimate and the longest duration that fits;
    /// a run whose retries and timeouts push the processed events past 1.5 times its share is stopped
    /// with `SimulationError.workExceeded`. 0 turns the limit off. docs/simulation.md, "Event budget".
    public var maxSimulatedEvents: Double = SimulationOptions.defaultMaxSimulatedEvents
    /// 3.5×10^7 events: above a scaled run's 2.5×10^7, so a default run always fits. The engine stops a
    /// run at 1.5 × 3.5×10^7 = 5.25×10^7 processed events, about 6–7.5 s of CPU, so that no run takes
    /// more than 10 s (`lintel simulate --event-budget` raises it).
    public static let defaultMaxSimulatedEvents = 35_000_000.0
    /// The largest budget a user may set (`lintel simulate --event-budget`): 10^12 events, about 40
    /// hours of CPU.
    public static let maximumEventBudget = 1e12
    /// The default in-flight cap: 500,000 slots, about 100 MB at the most.
    public static let defaultMaxInFlight = 500_000

    /// Most time-series points a run keeps (memory stays flat however long the run).
    public static let maximumSeriesPoints = 3600.0
}

/// Discrete-event simulation of a model under a scenario's load and faults.
public enum Simulation {
    /// The scenario used when none is named: the flows' average rates for 60 s, no faults.
    public static let steadyScenarioName = "steady"

    /// Simulates the named scenario (or steady load when `scenario` is nil).
    /// - Parameters:
    ///   - progress: called once per time-series interval with the fraction done.
    ///   - shouldStop: asked once per interval; `true` stops the run (`SimulationError.cancelled`).
    public static func run(_ model: Model, scenario name: String?, options: SimulationOptions = SimulationOptions(),
                           progress: ((Double) -> Void)? = nil,
                           shouldStop: (@Sendable () -> Bool)? = nil) throws(SimulationError) -> SimulationReport {
        let scenario: Scenario
        if let name {
            guard let found = model.scenarios.first(where: { $0.name == name }) else {
                throw .unknownScenario(name, available: model.scenarios.map(\.name))
            }
            scenario = found
        } else {
            scenario = Scenario(name: steadyScenarioName, duration: TimeSpan(seconds: 60), location: model.location)
        }
        return try run(model, scenario: scenario, options: options, progress: progress, shouldStop: shouldStop)
    }

    /// Simulates `scenario` against `model`. With `options.replications` N > 1 the N seeds run in
    /// parallel (each run independent and deterministic) and are combined in seed order, so the
    /// output is byte-identical whatever the scheduling; `progress` is then not called.
    /// - Parameter shouldStop: asked once per time-series interval (of each replication); `true` stops the run and
    ///   throws `SimulationError.cancelled` (an MCP client's cancellation, a server's time limit).
    public static func run(_ model: Model, scenario: Scenario, options: SimulationOptions = SimulationOptions(),
                           progress: ((Double) -> Void)? = nil,
                           shouldStop: (@Sendable () -> Bool)? = nil) throws(SimulationError) -> SimulationReport {
        guard !model.flows.isEmpty else { throw .noFlows }
        var resolved = try ResolvedScenario(scenario: scenario, model: model, duration: options.duration?.seconds)
        let interval: Double
        if let chosen = options.seriesInterval?.seconds, chosen > 0, chosen.isFinite {
            interval = max(chosen, resolved.duration / SimulationOptions.maximumSeriesPoints)
        } else {
            interval = max(1, (resolved.duration / SimulationOptions.maximumSeriesPoints).rounded(.up))
        }
        let semantics = SemanticModel(model)
        var compiled = CompiledModel(semantics: semantics)
        let expected = LoadScaling.expectedEvents(semantics, compiled, timeline: resolved.timeline, duration: resolved.duration)
        let count = max(1, options.replications)
        let fixed = EventBudget.fixedCost(seriesPoints: (resolved.duration / interval).rounded(.up))
        // The fixed cost of every replication cannot be scaled away: the load is scaled to what is left, but to no
        // less than a fifth of the target (a load scaled to nothing would report nothing); beyond that the budget
        // refuses the run and asks for fewer replications.
        let target = options.maxEvents > 0 ? max(options.maxEvents / 5, options.maxEvents - fixed * Double(count)) : 0
        let scale = LoadScaling.choose(events: expected.events * Double(count), budget: target, components: compiled.components,
                                       peakArrivals: expected.peakArrivals, meanService: semantics.service.map(\.mean))
        let notes = LoadScaling.notes(scale, components: compiled.components, names: compiled.names,
                                      peakArrivals: expected.peakArrivals, service: semantics.service)
        let estimate = EventEstimate(fullEvents: expected.events, scale: scale, replications: count, fixedPerReplication: fixed,
                                     duration: resolved.duration, budget: options.maxSimulatedEvents)
        try EventBudget.check(estimate)
        LoadScaling.apply(scale, to: &compiled, scenario: &resolved)
        let limit = EventBudget.engineLimit(estimate)
        if count == 1 {
            var report = try runOne(compiled, resolved, system: model.system, seed: options.seed, interval: interval, options: options,
                                    scale: scale, limit: limit, progress: progress, shouldStop: shouldStop).get()
            report.scaleNotes = notes
            return report
        }
        let results = ReplicationResults(count: count)
        let sharedModel = compiled, sharedScenario = resolved
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let seed = options.seed &+ UInt64(i)
            var result = runOne(sharedModel, sharedScenario, system: model.system, seed: seed, interval: interval, options: options,
                                scale: scale, limit: limit, progress: nil, shouldStop: shouldStop)
            // Only the first seed's time series is reported; the others' would hold 10,000 × 3,600 points.
            if i > 0, case .success(var report) = result {
                report.series = []
                report.breakers = nil
                result = .success(report)
            }
            results.store(result, at: i)
        }
        if let failure = results.firstFailure { throw failure }
        let reports = results.reports
        if let shouldStop, shouldStop() { throw .cancelled }
        guard reports.count == count, var report = reports.first else { throw .cancelled }
        report.replications = Replications(reports)
        report.scaleNotes = notes
        return report
    }

    private static func runOne(_ compiled: CompiledModel, _ scenario: ResolvedScenario, system: String, seed: UInt64,
                               interval: Double, options: SimulationOptions, scale: Int, limit: UInt64,
                               progress: ((Double) -> Void)?, shouldStop: (@Sendable () -> Bool)?) -> Result<SimulationReport, SimulationError> {
        let engine = Engine(compiled: compiled, scenario: scenario, seed: seed, interval: interval, cap: options.maxInFlight)
        engine.scale = scale
        engine.eventLimit = limit
        guard engine.run(progress: progress, shouldStop: shouldStop) else {
            return .failure(engine.processed > limit ? .workExceeded(processed: engine.processed, limit: limit) : .cancelled)
        }
        return .success(engine.report(system: system, seed: seed, options: options))
    }
}

/// Reports of parallel replications, each written once by its own iteration, read in seed order.
private final class ReplicationResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<SimulationReport, SimulationError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result<SimulationReport, SimulationError>, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    var reports: [SimulationReport] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { try? $0?.get() }
    }

    /// The first replication (in seed order) stopped for exceeding its work limit.
    var firstFailure: SimulationError? {
        lock.lock()
        defer { lock.unlock() }
        for case .failure(let error)? in slots where error != .cancelled { return error }
        return nil
    }
}

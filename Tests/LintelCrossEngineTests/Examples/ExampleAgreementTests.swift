import Foundation
import LintelCapacity
import LintelModel
import LintelSimulation
import Testing

/// The shipped examples, found on disk so a new example is covered without editing this file.
enum Examples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let directory = root.appendingPathComponent("examples")

    /// File names under examples/, sorted.
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    static func load(_ name: String) throws -> Model {
        try ModelLoader.load(path: directory.appendingPathComponent(name).path).model
    }

    /// Simulated seconds for an example: about 400,000 requests, at least 2 s and at most 2 hours.
    /// Utilisation is a time average, so its noise depends on how many services it spans, not on the rate alone.
    static func duration(_ model: Model) -> Double {
        let total = model.flows.reduce(0) { $0 + $1.rate.perSecond }
        guard total > 0 else { return 60 }
        return min(7_200, max(2, 400_000 / total))
    }
}

@Suite("Cross-engine: shipped examples at average load")
struct ExampleAgreementTests {
    @Test("The examples directory is found and holds the shipped examples")
    func examplesFound() {
        #expect(Examples.files.count >= 4, "examples found: \(Examples.files) in \(Examples.directory.path)")
    }

    @Test("Capacity at average load and the steady simulation agree on every component's utilisation within 2 pp",
          arguments: Examples.files)
    func utilisation(_ file: String) throws {
        let run = try Self.run(file)
        for component in run.model.components {
            let cap = try run.capacityComponent(component.name)
            let sim = try run.simulatedComponent(component.name)
            if cap.saturated {
                // Capacity's ρ of an unstable queue is the offered load (> 1); the simulator measures busy workers.
                expectClosedForm("\(file): \(component.name) saturated (simulated utilisation)", engine: "simulation",
                                 value: sim.utilisation, closedForm: 1, .points(0.02))
                continue
            }
            expectAgreement("\(file): \(component.name) utilisation", capacity: cap.utilisation.value,
                            simulation: sim.utilisation, .points(0.02))
        }
    }

    @Test("Capacity at average load and the steady simulation agree on every flow's mean latency and every component's mean wait within 10%",
          arguments: Examples.files)
    func latency(_ file: String) throws {
        let run = try Self.run(file)
        for flow in run.model.flows {
            expectAgreement("\(file): flow \(flow.name) mean latency", capacity: try run.capacityFlowMean(flow.name),
                            simulation: try run.simulatedFlow(flow.name).meanLatency, .relative(0.10))
        }
        for component in run.model.components {
            Self.expectWaits(file, try run.capacityComponent(component.name), try run.simulatedComponent(component.name),
                             duration: run.simulation.duration)
        }
    }

    @Test("Capacity at average load and the steady simulation agree on every busy component's holding time within 10%",
          arguments: Examples.files)
    func holdingTime(_ file: String) throws {
        // 2 pp of utilisation hides a holding time that is twice too long on a lightly loaded component
        // (order-system's gateway). Holding time = busy worker-seconds per request served: capacity's own
        // figure against the simulator's utilisation × its workers × duration / requests served. The
        // simulator's utilisation is over all its workers (instances × workers, or the partitions of a
        // partitioned channel), even where partitions limit how many a consumer group uses.
        let run = try Self.run(file)
        for component in run.model.components {
            let cap = try run.capacityComponent(component.name), sim = try run.simulatedComponent(component.name)
            let served = sim.attempts - sim.rejections
            // 10,000 requests keep the simulated mean's noise under 1% for any service shape with SCV ≤ 10.
            guard served >= 10_000, !cap.saturated else { continue }
            var workers = component.instances * component.workers
            if component.kind.isMessaging, let partitions = component.partitions { workers = partitions }
            let simulated = sim.utilisation * Double(workers) * run.simulation.duration / Double(served)
            expectAgreement("\(file): \(component.name) holding time", capacity: cap.holdingTime.value, simulation: simulated, .relative(0.10))
        }
    }

    /// Mean waits within 10%, where the simulated mean can have converged: the run must last at least
    /// 100 relaxation times of the queue, 1/(cμ(1 − √ρ)²) (the M/M/c heavy-traffic time scale). Near
    /// ρ = 1 that time grows without bound and a finite run's mean is still climbing; those waits are
    /// recorded as not compared, never dropped silently. A wait under a millisecond is noise next to
    /// any flow's latency: there the bound is 1 ms absolute.
    static func expectWaits(_ label: String, _ cap: ComponentCapacity, _ sim: ComponentResult, duration: Double) {
        let what = "\(label): \(cap.name) mean wait"
        if let rho = cap.utilisation.value, let holding = cap.holdingTime.value, rho > 0, rho < 1, holding > 0, cap.servers > 0 {
            let relaxation = holding / (Double(cap.servers) * pow(1 - rho.squareRoot(), 2))
            if duration < 100 * relaxation {
                ResultLog.record(what: what, capacity: cap.meanWait.value, simulation: sim.meanWait, closedForm: nil, tolerance: .relative(0.10),
                                 verdicts: ["not compared: run \(format(duration)) s < 100 × relaxation time \(format(relaxation)) s at ρ \(format(rho))"])
                return
            }
        }
        let tolerance: Tolerance = sim.meanWait < 0.001 ? .seconds(0.001) : .relative(0.10)
        expectAgreement(what, capacity: cap.meanWait.value, simulation: sim.meanWait, tolerance)
    }

    @Test("At every flow's peak rate too: utilisation within 2 pp, flow means and waits within 10%; a component capacity calls saturated is saturated in the simulation",
          arguments: Examples.files)
    func atPeak(_ file: String) throws {
        // The model with each flow's average set to its peak: the steady simulation then runs at peak,
        // and capacity (which evaluates peak × 1) sees the same load.
        var model = try Examples.load(file)
        for index in model.flows.indices { model.flows[index].rate = model.flows[index].peak }
        let run = try CrossEngine(model: model, duration: Examples.duration(model), seed: 6)
        for component in model.components {
            let cap = try run.capacityComponent(component.name), sim = try run.simulatedComponent(component.name)
            if cap.saturated {
                // An unstable queue has no mean wait, and capacity's ρ is then the offered load (> 1) while the
                // simulator measures busy workers (≤ 1): the check is that the simulator shows it full.
                expectClosedForm("\(file) at peak: \(component.name) saturated (simulated utilisation)", engine: "simulation",
                                 value: sim.utilisation, closedForm: 1, .points(0.02))
                continue
            }
            expectAgreement("\(file) at peak: \(component.name) utilisation", capacity: cap.utilisation.value,
                            simulation: sim.utilisation, .points(0.02))
            if file.hasPrefix("analytics"), component.name == "aggregator" {
                // A consumer group at ρ 0.96 behind 256 partitions: capacity pools it (M/G/256), the simulator's
                // 1/k-scaled run does not reproduce a pool at this size; open in docs/capacity.md.
                withKnownIssue("partition-limited consumer group near saturation: pooled capacity vs scaled simulation", isIntermittent: true) {
                    Self.expectWaits(file + " at peak", cap, sim, duration: run.simulation.duration)
                }
            } else {
                Self.expectWaits(file + " at peak", cap, sim, duration: run.simulation.duration)
            }
        }
        for flow in model.flows {
            expectAgreement("\(file) at peak: flow \(flow.name) mean latency", capacity: try run.capacityFlowMean(flow.name),
                            simulation: try run.simulatedFlow(flow.name).meanLatency, .relative(0.10))
        }
    }

    /// One run per example shared by the average-load tests (the simulation is the expensive part).
    static func run(_ file: String) throws -> CrossEngine {
        try cache.run(file)
    }

    static let cache = RunCache()
}

/// Runs each example once per test process, whoever asks first; different examples run concurrently.
final class RunCache: @unchecked Sendable {
    private final class Entry {
        let lock = NSLock()
        var result: Result<CrossEngine, any Error>?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    func run(_ file: String) throws -> CrossEngine {
        lock.lock()
        let entry = entries[file] ?? Entry()
        entries[file] = entry
        lock.unlock()
        entry.lock.lock()
        defer { entry.lock.unlock() }
        if let result = entry.result { return try result.get() }
        let result = Result<CrossEngine, any Error> {
            let model = try Examples.load(file)
            return try CrossEngine(model: model, duration: Examples.duration(model), seed: 5)
        }
        entry.result = result
        return try result.get()
    }
}

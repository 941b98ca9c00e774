import Foundation
import LintelModel
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
            let cap = try run.capacityComponent(component.name), sim = try run.simulatedComponent(component.name)
            // A wait under a millisecond is noise next to any flow's latency: there the bound is 1 ms absolute.
            let tolerance: Tolerance = sim.meanWait < 0.001 ? .seconds(0.001) : .relative(0.10)
            expectAgreement("\(file): \(component.name) mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait, tolerance)
        }
    }

    /// One run per example shared by both tests (the simulation is the expensive part).
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

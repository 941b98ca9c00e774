import Foundation
import LintelCapacity
import LintelImport
import LintelModel
import LintelRender
import LintelReview
import LintelSimulation

/// What the fuzz target does with one input: what `lintel check`, `review`, `capacity`,
/// `simulate` (bounded) and `render` (Mermaid and DOT text, no Graphviz) would do with a file
/// holding these bytes. Every outcome but a crash, a hang or unbounded memory is fine:
/// a clean diagnostic is a pass.
enum Pipeline {
    /// The simulated time of each fuzzed run: long enough for ticks, faults and load steps to fire.
    static let simulatedSeconds = 3.0
    /// Events a fuzzed run may plan: larger loads run scaled (1/k), and the engine's hard budget
    /// refuses what scaling cannot shrink (`SimulationOptions.maxSimulatedEvents`).
    static let eventBudget = 20_000.0
    /// Most scenarios simulated per input (the steady run counts as one).
    static let scenarioLimit = 2

    /// Which stages run: `LINTEL_FUZZ_STAGES=model` stops after the loader (what `lintel check`
    /// does: the long campaigns that need millions of executions), `engines` adds review,
    /// capacity and render, and `all` (the default) adds the bounded simulation.
    enum Stages: String {
        case model, engines, all
    }

    static let stages = ProcessInfo.processInfo.environment["LINTEL_FUZZ_STAGES"].flatMap(Stages.init(rawValue:)) ?? .all

    static func run(_ data: Data) {
        guard let model = load(data), stages != .model else { return }
        let review = Reviewer.review(model, options: ReviewOptions(today: CalendarDate(year: 2026, month: 6, day: 1)))
        _ = TextRenderer.render([review])
        let capacity = CapacityAnalyzer.analyze(model)
        _ = CapacityRenderer.render(capacity, as: .text)
        render(model, review: review, capacity: capacity)
        if stages == .all { simulate(model) }
    }

    /// The CLI's front door (`ModelInput.load`): a docker-compose file or Kubernetes manifests are
    /// imported, anything else goes to the model loader.
    static func load(_ data: Data) -> Model? {
        let parsed = YAMLDocument.parse(data: data, file: "fuzz.yaml")
        // A model (a mapping with `lintel:`) is decided from the one parse; only other inputs are
        // offered to the importers' format detection, which parses again.
        if case .success(let tree) = parsed, tree["lintel"] != nil {
            return try? ModelLoader.load(tree: tree, file: "fuzz.yaml").model
        }
        if let text = String(data: data, encoding: .utf8), !data.contains(0) {
            let format = DeploymentFile.format(ofText: text, file: "fuzz.yaml")
            if format != .lintel {
                guard let path = ScratchFile.write(data),
                      let imported = DeploymentFile.importFile(path, as: format), !imported.hasErrors else { return nil }
                return imported.model
            }
        }
        guard case .success(let tree) = parsed else { return nil }
        return try? ModelLoader.load(tree: tree, file: "fuzz.yaml").model
    }

    static func simulate(_ model: Model) {
        guard !model.flows.isEmpty else { return }
        var options = SimulationOptions(seed: 7, duration: TimeSpan(seconds: simulatedSeconds), maxInFlight: 5_000)
        options.maxEvents = eventBudget
        options.maxSimulatedEvents = eventBudget * 10
        let names: [String?] = [nil] + model.scenarios.prefix(scenarioLimit - 1).map(\.name)
        for name in names {
            if let report = try? Simulation.run(model, scenario: name, options: options) {
                _ = SimulationRenderer.render(report, format: .text)
            }
        }
    }

    static func render(_ model: Model, review: ReviewReport, capacity: CapacityReport) {
        var overlay = DiagramOverlay()
        overlay.findings = DiagramOverlay.findings(review.findings)
        overlay.load = DiagramOverlay.load(capacity)
        for format in DiagramFormat.allCases {
            for view in DiagramView.allCases {
                _ = DiagramRenderer.render(model, options: RenderOptions(format: format, view: view, overlay: overlay))
            }
        }
        _ = DiagramRenderer.render(model, options: RenderOptions(format: .dot, view: .system, grouping: .context))
    }
}

/// The importers read files, so a deployment file is written to one scratch file per process
/// (in memory when /dev/shm exists) and overwritten by the next input.
enum ScratchFile {
    nonisolated(unsafe) static var path: String = {
        let directory = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return directory + "/lintel-fuzz-\(ProcessInfo.processInfo.processIdentifier).yaml"
    }()

    static func write(_ data: Data) -> String? {
        (try? data.write(to: URL(fileURLWithPath: path))) == nil ? nil : path
    }
}

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

    /// Which stages run: `LINTEL_FUZZ_STAGES=model` is the YAML front door and the model loader
    /// only (`lintel check` on a model file; the importers are skipped): the long campaigns that
    /// need millions of executions. `engines` adds the importers, review,
    /// capacity and render, and `all` (the default) adds the bounded simulation.
    enum Stages: String {
        case model, engines, all
    }

    static let stages = ProcessInfo.processInfo.environment["LINTEL_FUZZ_STAGES"].flatMap(Stages.init(rawValue:)) ?? .all

    static func run(_ data: Data) {
        guard let model = load(data), stages != .model else { return }
        let review = Reviewer.review(model, options: ReviewOptions(today: CalendarDate(year: 2026, month: 6, day: 1)))
        _ = try? ReportOutput.review([review], format: .text)
        // The CLI's budget: a model too large for it stops with CapacityError, a clean outcome.
        guard let capacity = try? CapacityAnalyzer.analyze(model, budget: .standard) else { return }
        _ = try? ReportOutput.capacity(capacity, format: .text)
        render(model, review: review, capacity: capacity)
        if stages == .all { simulate(model) }
    }

    /// The CLI's front door (`ModelInput.load`): one parse under the byte, depth and alias budgets
    /// (`YAMLDocument.input`); a docker-compose file or Kubernetes manifests are imported, anything
    /// else goes to the model loader. The `model` stage skips the importers.
    static func load(_ data: Data) -> Model? {
        guard case .success(let input) = YAMLDocument.input(data: data, name: "fuzz.yaml") else { return nil }
        if stages != .model {
            let format = DeploymentFile.format(of: input)
            if let imported = DeploymentFile.importInput(input, path: nil, as: format) {
                return imported.hasErrors ? nil : imported.model
            }
        }
        guard case .success(let tree) = input.tree else { return nil }
        return try? ModelLoader.load(tree: tree, file: input.name).model
    }

    static func simulate(_ model: Model) {
        guard !model.flows.isEmpty else { return }
        var options = SimulationOptions(seed: 7, duration: TimeSpan(seconds: simulatedSeconds), maxInFlight: 5_000)
        options.maxEvents = eventBudget
        options.maxSimulatedEvents = eventBudget * 10
        let names: [String?] = [nil] + model.scenarios.prefix(scenarioLimit - 1).map(\.name)
        for name in names {
            if let report = try? Simulation.run(model, scenario: name, options: options) {
                _ = try? ReportOutput.simulation(report, format: .text)
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

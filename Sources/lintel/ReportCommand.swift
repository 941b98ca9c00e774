import ArgumentParser
import Foundation
import LintelCapacity
import LintelModel
import LintelRender

/// `lintel report`: one self-contained HTML page per run — diagram, findings, capacity, budgets, simulations, requirements.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page a team reads together: diagram, risks, load, simulations.",
        discussion: """
            The page holds the system diagram (Graphviz, inline SVG) with findings and load overlays, a "fix these \
            first" summary, the findings grouped by rule, capacity per component and flow, availability and latency \
            budgets, charts over time for each simulated scenario, and the model's requirements. It needs no network \
            to view. Without --scenario every scenario of the model is simulated (a model without scenarios runs its \
            flows' average rates for 60 s). The same input and seed give the same bytes.
            Exit status: 0 written, 2 invalid input (or an existing -o file without --force), 64 usage.
            """)

    @Argument(help: "Model files (YAML or JSON), docker-compose files, Kubernetes manifests or directories of them; all compose files make one system, all manifests another; one page holds them all.")
    var files: [String]

    @OptionGroup var out: OutputOptions

    @OptionGroup var compose: ProfileOptions

    @Option(help: "Simulate this scenario (repeat the option for several); default: every scenario of each model.")
    var scenario: [String] = []

    @Option(help: "Seed for the simulations.")
    var seed: UInt64 = 1

    @Option(help: "The date acceptances expire against, as YYYY-MM-DD (default: today, UTC).")
    var today: String?

    func validate() throws {
        if let today, Review.date(today) == nil {
            throw ValidationError("--today '\(today)' is not a date as YYYY-MM-DD")
        }
    }

    func run() throws {
        // All compose files are one system and all manifests another, as for review.
        let models = try SystemInput.load(files, profiles: compose.profiles).map(\.model)
        let known = Set(models.flatMap { $0.scenarios.map(\.name) })
        for name in scenario where !known.contains(name) {
            let available = known.sorted()
            Terminal.error("error: no model has a scenario '\(name)'"
                           + (available.isEmpty ? "; the models have no scenarios" : "; available: \(available.joined(separator: ", "))"))
            throw ExitCode.invalidInput
        }
        let date = today.flatMap(Review.date) ?? Review.currentDate()
        let reports = try models.map { model in
            let wanted = scenario.isEmpty ? nil : scenario.filter { name in model.scenarios.contains { $0.name == name } }
            return try withinBudget(model) { budget throws(CapacityError) in
                try SystemReport.assemble(model, options: SystemReport.Options(scenarios: wanted, seed: seed, today: date), budget: budget)
            }
        }
        for report in reports {
            if case .failure(let problem) = report.diagram { Terminal.error("\(report.model.system): warning: no diagram: \(problem.message)") }
            for run in report.runs where run.report == nil {
                Terminal.error("\(report.model.system): warning: scenario \(run.scenario) not simulated: \(run.problem ?? "")")
            }
        }
        try out.emit(HTMLWriter().write(SystemReportDocument.build(reports)))
        if let output = out.output { Terminal.error("wrote \(output)") }
    }
}

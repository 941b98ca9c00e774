import LintelCapacity
import LintelModel
import LintelReview
import LintelSimulation

/// Everything `lintel report` shows about one model: its review, its capacity, the scenarios simulated and the
/// system diagram. Plain values; `assemble` runs the engines (and Graphviz) to fill them, `SystemReportDocument`
/// arranges them.
public struct SystemReport: Sendable {
    /// One scenario's run, or why it did not run.
    public struct Run: Sendable {
        public var scenario: String
        public var report: SimulationReport?
        public var problem: String?
        /// The scenario's faults, for the shaded windows.
        public var faults: [Fault]
    }

    public var model: Model
    public var review: ReviewReport
    public var capacity: CapacityReport
    public var runs: [Run]
    /// The system diagram with findings and load overlays as SVG, or why it could not be drawn.
    public var diagram: Result<String, DiagramProblem>
    /// The rule catalog, for titles.
    public var rules: [RuleDescription]

    /// Why the diagram is missing; the page says so instead of drawing it.
    public struct DiagramProblem: Error, Sendable {
        public var message: String
        /// The DOT source, so a reader can still draw it.
        public var dot: String
    }

    /// What `assemble` runs.
    public struct Options: Sendable {
        /// Scenarios to simulate; nil simulates every scenario of the model (or, when it has none, the flows'
        /// average rates for 60 s without faults).
        public var scenarios: [String]?
        public var seed: UInt64
        /// Caps every scenario's simulated time (tests use it to keep runs short); nil runs each scenario in full.
        public var maxDuration: TimeSpan?
        /// The date acceptances expire against.
        public var today: CalendarDate?
        /// The `dot` executable; nil leaves the diagram out with the reason.
        public var dot: String?

        public init(scenarios: [String]? = nil, seed: UInt64 = 1, maxDuration: TimeSpan? = nil, today: CalendarDate? = nil,
                    dot: String? = GraphvizRunner.locate()) {
            self.scenarios = scenarios
            self.seed = seed
            self.maxDuration = maxDuration
            self.today = today
            self.dot = dot
        }
    }

    /// Reviews, analyses and simulates `model` and draws its diagram. Never throws: a scenario that cannot run and a
    /// diagram that cannot be drawn are reported on the page.
    /// Review and capacity run without a budget (models known to be small).
    public static func assemble(_ model: Model, options: Options = Options()) -> SystemReport {
        let context = ReviewContext(model: model, options: ReviewOptions(today: options.today))
        return assemble(model, options: options, review: Reviewer.review(context), capacity: context.capacity)
    }

    /// The same page with review's and capacity's analyses within `budget` (input from users), or
    /// `CapacityError` when the model is too large for it.
    public static func assemble(_ model: Model, options: Options = Options(), budget: CapacityBudget) throws(CapacityError) -> SystemReport {
        // One analysis: the capacity figures review quotes are the page's capacity section.
        let context = try ReviewContext(model: model, options: ReviewOptions(today: options.today), budget: budget)
        return assemble(model, options: options, review: Reviewer.review(context), capacity: context.capacity)
    }

    private static func assemble(_ model: Model, options: Options, review: ReviewReport, capacity: CapacityReport) -> SystemReport {
        var runs: [Run] = []
        let names: [String?] = options.scenarios ?? (model.scenarios.isEmpty ? [nil] : model.scenarios.map(\.name))
        for name in names {
            let scenario = name.flatMap { wanted in model.scenarios.first { $0.name == wanted } }
            var simulation = SimulationOptions(seed: options.seed)
            if let cap = options.maxDuration, cap.seconds < (scenario?.duration.seconds ?? 60) { simulation.duration = cap }
            do {
                let report = try Simulation.run(model, scenario: name, options: simulation)
                runs.append(Run(scenario: report.scenario, report: report, problem: nil, faults: scenario?.faults ?? []))
            } catch {
                runs.append(Run(scenario: name ?? "steady", report: nil, problem: error.description, faults: []))
            }
        }
        let overlay = DiagramOverlay(findings: DiagramOverlay.findings(review.findings), load: DiagramOverlay.load(capacity))
        let diagram = DiagramFigure.svg(model, overlay: overlay, dot: options.dot)
        return SystemReport(model: model, review: review, capacity: capacity, runs: runs, diagram: diagram,
                            rules: RuleRegistry.all.map { $0.description })
    }
}

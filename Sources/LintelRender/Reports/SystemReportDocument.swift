import LintelCapacity
import LintelModel
import LintelReview
import LintelSimulation

/// The page of `lintel report`: summary ("fix these first"), system diagram, findings by rule, capacity, budgets per
/// flow, each simulated scenario with its charts, and the model's requirements. Arranges; computes nothing.
public enum SystemReportDocument {
    /// The sections of every page, in order; their ids are the anchors (with `-N` for the N-th model after the first).
    public static let sectionIDs = ["summary", "diagram", "findings", "capacity", "budgets", "simulation", "requirements"]

    public static func build(_ reports: [SystemReport]) -> Document {
        guard reports.count != 1, let first = reports.first else {
            return Document(title: reports.first.map { "Architecture report: \($0.model.system)" } ?? "Architecture report",
                            blocks: reports.first.map { sections($0, suffix: "") } ?? [])
        }
        _ = first
        let blocks = reports.enumerated().map { index, report in
            Block.section(Section(report.model.system, id: "system-\(index + 1)", blocks: sections(report, suffix: "-\(index + 1)")))
        }
        return Document(title: "Architecture report: " + reports.map(\.model.system).joined(separator: ", "), blocks: blocks)
    }

    static func sections(_ report: SystemReport, suffix: String) -> [Block] {
        let options = ReviewDocument.Options(rules: report.rules, criticalFlows: [report.review.system: report.model.flows.filter(\.critical).map(\.name)])
        return [
            .section(Section("Summary", id: "summary" + suffix, blocks: suffixed(summary(report, options: options), suffix))),
            .section(Section("System diagram", id: "diagram" + suffix, blocks: diagram(report, suffix: suffix))),
            .section(Section("Findings by rule", id: "findings" + suffix, blocks: suffixed(findings(report, options: options), suffix))),
            .section(Section("Capacity", id: "capacity" + suffix, blocks: [.paragraph(Inline(CapacityDocument.summary(report.capacity)))]
                + CapacityDocument.sections(report.capacity, idPrefix: "capacity" + suffix))),
            .section(Section("Availability and latency budgets", id: "budgets" + suffix, blocks: budgets(report.capacity))),
            .section(Section("Simulation", id: "simulation" + suffix, blocks: simulation(report, suffix: suffix))),
            .section(Section("Requirements", id: "requirements" + suffix, blocks: requirements(report.model))),
        ]
    }

    static func summary(_ report: SystemReport, options: ReviewDocument.Options) -> [Block] {
        let origin = report.model.origin.files.isEmpty ? report.review.files : report.model.origin.files
        var items: [List.Item] = [
            List.Item(Inline([.strong("Model: "), .text("\(report.model.system) from \(origin.joined(separator: ", ")); "
                + "\(report.model.components.count) components, \(report.model.flows.count) flows.")])),
            List.Item(Inline([.strong("Review: "), .text("\(FindingCounts([report.review]).sentence); \(report.review.rules.count) rules checked.")])),
        ]
        if let busiest = report.capacity.busiest.flatMap({ report.capacity.component(named: $0) }) {
            items.append(List.Item(Inline([.strong("Capacity: "), .text("busiest component \(busiest.name) at "),
                                           .bar(fraction: busiest.utilisation.value ?? 0, label: FigureText.figure(busiest.utilisation)),
                                           .text(" at peak; it saturates at \(FigureText.figure(busiest.saturationMultiple)) this load.")])))
        }
        let failing = report.capacity.flows.filter { $0.meetsAvailability == false || $0.meetsLatency == false }.map(\.name)
        if !report.capacity.flows.isEmpty {
            items.append(List.Item(Inline([.strong("Budgets: "), failing.isEmpty
                ? .tone(.ok, "every flow meets its availability and latency objectives at peak.")
                : .tone(.error, "\(failing.joined(separator: ", ")) \(failing.count == 1 ? "misses" : "miss") an objective at peak.")])))
        }
        for run in report.runs {
            if let sim = run.report {
                items.append(List.Item(Inline([.strong("Scenario \(run.scenario): "), .tone(SimulationDocument.tone(sim.verdict.outcome), sim.verdict.outcome.rawValue),
                                               .text(" — " + sim.verdict.summary)])))
            } else {
                items.append(List.Item(Inline([.strong("Scenario \(run.scenario): "), .tone(.warning, "not simulated: " + (run.problem ?? "unknown"))])))
            }
        }
        var blocks: [Block] = [.list(List(items: items))]
        let groups = RuleGroup.groups(report.review.open, titles: options.titles, criticalFlows: options.criticalFlows[report.review.system])
        if !groups.isEmpty {
            let first = groups.prefix(options.fixFirst).map { List.Item(ReviewDocument.headline($0) + Inline(" — " + ReviewDocument.reach($0, options: options))) }
            blocks.append(.section(Section("Fix these first", blocks: [.list(List(ordered: true, items: Array(first)))])))
        }
        return blocks
    }

    /// The review's anchors (`warnings-shop`, `details-shop`) name the system only; on a page of several models (two
    /// files may hold the same system) every one gets the model's suffix too, so ids stay unique in the DOM.
    static func suffixed(_ blocks: [Block], _ suffix: String) -> [Block] {
        guard !suffix.isEmpty else { return blocks }
        return blocks.map { block in
            guard case .section(var section) = block else { return block }
            section.id = section.id.map { $0 + suffix }
            section.blocks = suffixed(section.blocks, suffix)
            return .section(section)
        }
    }

    /// Graphviz numbers its elements `graph0`, `node1`, `edge1` in every drawing; on a page of several models each
    /// diagram's ids (and references to them) get the model's prefix.
    static func prefixingIDs(_ svg: String, _ prefix: String) -> String {
        svg.replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)")
            .replacingOccurrences(of: "href=\"#", with: "href=\"#\(prefix)")
            .replacingOccurrences(of: "url(#", with: "url(#\(prefix)")
    }

    static func diagram(_ report: SystemReport, suffix: String) -> [Block] {
        switch report.diagram {
        case .success(let drawn):
            let svg = suffix.isEmpty ? drawn : prefixingIDs(drawn, "diagram\(suffix)-")
            return [.figure(Illustration(svg: svg, caption: "Components coloured by their worst open finding (red error, amber warning, "
                                                  + "blue info, green none); labels show peak arrival rate and utilisation.",
                                         description: "the system diagram"))]
        case .failure(let problem):
            var blocks: [Block] = [.paragraph(Inline([.tone(.warning, "The diagram was not drawn: "), .text(problem.message)]))]
            if !problem.dot.isEmpty { blocks.append(.code(problem.dot, language: "dot")) }
            return blocks
        }
    }

    static func findings(_ report: SystemReport, options: ReviewDocument.Options) -> [Block] {
        guard !report.review.findings.isEmpty else { return [.paragraph(Inline([.tone(.ok, "No findings.")]))] }
        // The per-severity entries without the head (the summary has it), then every location.
        let groups = ReviewDocument.Groups(report.review, options: options)
        let entries = ReviewDocument.summary(report.review, groups: groups, options: options).filter { block in
            if case .section(let section) = block, section.title.plain == "Fix these first" { return false }
            return true
        }
        return entries + ReviewDocument.details(report.review, groups: groups, options: options)
    }

    static func budgets(_ capacity: CapacityReport) -> [Block] {
        guard !capacity.flows.isEmpty else { return [.paragraph("The model has no flows, so there are no budgets to draw.")] }
        let rows = capacity.flows.map { flow -> [Inline] in
            let used: Inline = {
                guard let p99 = flow.latencyP99.value, let objective = flow.latencyObjective, objective > 0 else { return Inline(FigureText.none) }
                return Inline([.bar(fraction: p99 / objective, label: FigureText.percent(p99 / objective))])
            }()
            return [
                Inline(flow.name), Inline(FigureText.availability(flow.availability.value)), Inline(FigureText.availability(flow.availabilityObjective)),
                meets(flow.meetsAvailability), Inline(FigureText.figure(flow.errorBudget)), Inline(FigureText.figure(flow.expectedDowntime)),
                Inline(FigureText.figure(flow.latencyP99)), Inline(flow.latencyObjective.map(UnitFormat.duration) ?? FigureText.none), used,
                meets(flow.meetsLatency), Inline(flow.criticalPath.joined(separator: " → ")),
            ]
        }
        return [
            .paragraph("Availability is the product of the hard synchronous dependencies (replicas in parallel); the latency "
                       + "budget is the p99 along the critical path at peak. The bar shows how much of the p99 objective the path uses."),
            .table(Table(headers: ["flow", "availability", "objective", "meets", "error budget", "expected downtime", "p99",
                                   "objective", "p99 budget used", "meets", "critical path"], rows: rows, numeric: [1, 2, 4, 5, 6, 7, 8])),
        ]
    }

    static func meets(_ value: Bool?) -> Inline {
        switch value {
        case .some(true): Inline([.tone(.ok, "yes")])
        case .some(false): Inline([.tone(.error, "NO")])
        case .none: Inline(FigureText.none)
        }
    }

    static func simulation(_ report: SystemReport, suffix: String) -> [Block] {
        guard !report.runs.isEmpty else { return [.paragraph("No scenario was simulated.")] }
        return report.runs.enumerated().map { index, run in
            let id = ReviewDocument.anchor("scenario\(suffix)-\(index + 1)", run.scenario)
            guard let sim = run.report else {
                return .section(Section("Scenario \(run.scenario)", id: id, blocks: [.paragraph(Inline([.tone(.warning, "Not simulated: "), .text(run.problem ?? "")]))]))
            }
            var blocks: [Block] = [.paragraph(Inline("Seed \(sim.seed), \(FigureText.duration(sim.duration)) simulated, \(sim.events) events"
                                                     + (sim.scale > 1 ? "; scaled run (1/\(sim.scale) of the load on 1/\(sim.scale) of the servers)." : ".")))]
            blocks += SimulationDocument.verdict(sim)
            for chart in SimulationCharts.charts(sim, faults: run.faults, idPrefix: id) {
                blocks.append(.figure(Illustration(svg: chart.svg, caption: chart.title, description: chart.summary)))
            }
            if let chart = BreakerChart.chart(sim, windows: SimulationCharts.windows(run.faults), idPrefix: id), let table = BreakerChart.table(sim) {
                blocks.append(.figure(Illustration(svg: chart.svg, caption: chart.title, description: chart.summary)))
                blocks.append(.table(table))
            }
            blocks.append(.table(SimulationDocument.flows(sim)))
            blocks.append(.table(SimulationDocument.components(sim)))
            return .section(Section("Scenario \(run.scenario)", id: id, blocks: blocks))
        }
    }

    static func requirements(_ model: Model) -> [Block] {
        var rows: [[String]] = []
        let r = model.requirements
        if let team = r.team { rows.append(["team", "\(team.engineers) engineers in \(team.teams) teams"]) }
        if let traffic = r.traffic {
            rows.append(["traffic", [traffic.average.map { "average \($0)" }, traffic.peak.map { "peak \($0)" },
                                     traffic.growth.map { "growth \($0)" }].compactMap { $0 }.joined(separator: ", ")])
        }
        if let slo = r.slo {
            rows.append(["service level", [slo.availability.map { "availability \(UnitFormat.percent($0))" },
                                           slo.latencyP50.map { "p50 \($0)" }, slo.latencyP99.map { "p99 \($0)" }]
                            .compactMap { $0 }.joined(separator: ", ")])
        }
        if let data = r.data {
            rows.append(["data", [data.size.map { "size \($0)" }, data.growth.map { "growth \($0)" }, data.retention.map { "retention \($0)" }]
                            .compactMap { $0 }.joined(separator: ", ")])
        }
        if let consistency = r.consistency { rows.append(["consistency", consistency.rawValue]) }
        if !r.compliance.isEmpty { rows.append(["compliance", r.compliance.map(\.rawValue).joined(separator: ", ")]) }
        if let budget = r.budget { rows.append(["budget", "\(budget)"]) }
        var blocks: [Block] = rows.isEmpty
            ? [.paragraph("The model states no requirements (an imported deployment cannot say them); add `requirements:` to a model file to check against them.")]
            : [.table(Table(headers: ["requirement", "value"], plainRows: rows))]
        if !model.flows.isEmpty {
            blocks.append(.table(Table(headers: ["flow", "entry", "rate", "peak", "critical"], plainRows: model.flows.map { flow in
                [flow.name, flow.entry, "\(flow.rate)", "\(flow.peak)", flow.critical ? "yes" : "no"]
            }, numeric: [2, 3])))
        }
        return blocks
    }
}

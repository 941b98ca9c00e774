import Foundation
import LintelCapacity
import LintelImport
import LintelModel
import LintelRender
import LintelReview
import MCP

/// The synchronous part of each tool: arguments in, the CLI's output out. Runs on an engine thread.
struct EngineTools: Sendable {
    let root: RootDirectory
    let limit: Int
    let version: String

    var loading: ModelLoading { ModelLoading(root: root, limit: limit) }

    func source(_ arguments: Arguments) throws(ToolFailure) -> ModelSource {
        try ModelSource.from(arguments, root: root, limit: limit)
    }

    /// `lintel check FILE`: the summary paragraph the CLI prints after `FILE: ok:`, then each flow's dependency set.
    func check(_ arguments: Arguments) throws(ToolFailure) -> CallTool.Result {
        let source = try source(arguments)
        let (model, warnings) = try loading.model(from: source)
        let summary = ModelSummary.paragraph(model)
        let semantics = SemanticModel(model)
        let dependencies = semantics.flows.map { "  " + semantics.dependencies(of: $0).line }
        let text = (warnings.map(\.description) + ["\(source.name): ok: " + summary] + dependencies).joined(separator: "\n")
        return ToolOutput.object(["valid": true, "system": .string(model.system), "summary": .string(summary),
                                  "warnings": ToolOutput.lines(warnings)], text: text)
    }

    /// `lintel review --format json FILE`.
    func review(_ arguments: Arguments) throws(ToolFailure) -> CallTool.Result {
        var today = Self.currentDate()
        if let text = try arguments.string("today") {
            guard case .success(.date(let date)) = QuantityParser.parse(text, as: .date) else {
                throw ToolFailure("review: 'today' must be a date as YYYY-MM-DD, got '\(text.prefix(64))'")
            }
            today = date
        }
        let (model, _) = try loading.model(from: try source(arguments))
        let report = try budgeted { budget throws(CapacityError) in try Reviewer.review(model, options: ReviewOptions(today: today), budget: budget) }
        let options = ReportOutput.ReviewOptions(rules: RuleRegistry.all.map { $0.description }, toolVersion: version)
        let json: String
        do {
            json = try ReportOutput.review([report], format: .json, options: options)
        } catch {
            throw ToolFailure("internal: the review could not be encoded (\(error))")
        }
        return try ToolOutput.cliJSON(json)
    }

    /// `lintel capacity --format json FILE`, with the CLI's option checks.
    func capacity(_ arguments: Arguments) throws(ToolFailure) -> CallTool.Result {
        let at = try arguments.string("at") ?? "1x"
        let multiple = at.hasSuffix("x") ? Double(at.dropLast()) : Double(at)
        guard let multiple, multiple > 0, multiple.isFinite else {
            throw ToolFailure("capacity: 'at' must be a positive multiple like 2x, got '\(at.prefix(64))'")
        }
        let months = try arguments.number("months") ?? 0
        guard months >= 0, months <= 1200 else { throw ToolFailure("capacity: 'months' must be between 0 and 1200") }
        let targetText = try arguments.string("target_utilisation") ?? "70%"
        guard case .success(.fraction(let target)) = QuantityParser.parse(targetText, as: .fraction), target > 0, target <= 1 else {
            throw ToolFailure("capacity: 'target_utilisation' must be a percentage like 70%, got '\(targetText.prefix(64))'")
        }
        let (model, _) = try loading.model(from: try source(arguments))
        let options = CapacityOptions(loadMultiple: multiple, months: months, targetUtilisation: target)
        let report = try budgeted { budget throws(CapacityError) in try CapacityAnalyzer.analyze(model, options: options, budget: budget) }
        let json: String
        do {
            json = try ReportOutput.capacity(report, format: .json)
        } catch {
            throw ToolFailure("internal: the capacity report could not be encoded (\(error))")
        }
        return try ToolOutput.cliJSON(json)
    }

    /// `lintel render FILE` in Mermaid or DOT (SVG needs Graphviz, a program the server does not run).
    func render(_ arguments: Arguments) throws(ToolFailure) -> CallTool.Result {
        let format = try arguments.choice("format", in: ["mermaid", "dot"], default: "mermaid")
        let viewName = try arguments.choice("view", in: DiagramView.allCases.map(\.rawValue), default: "system")
        let groupName = try arguments.choice("group", in: DiagramGrouping.allCases.map(\.rawValue), default: "kind")
        let flow = try arguments.string("flow")
        let findings = try arguments.bool("findings") ?? false
        let load = try arguments.bool("load") ?? false
        let source = try source(arguments)
        let (model, _) = try loading.model(from: source)
        var overlay = DiagramOverlay()
        if findings || load {
            let context = try budgeted { budget throws(CapacityError) in
                try ReviewContext(model: model, options: ReviewOptions(today: Self.currentDate()), budget: budget)
            }
            overlay = DiagramOverlay(context, findings: findings, load: load)
        }
        let view = DiagramView(rawValue: viewName) ?? .system
        let options = RenderOptions(format: format == "dot" ? .dot : .mermaid, view: view,
                                    grouping: DiagramGrouping(rawValue: groupName) ?? .kind, flow: flow, overlay: overlay)
        switch DiagramRenderer.render(model, options: options) {
        case .success(let diagram):
            return ToolOutput.object(["format": .string(format), "view": .string(viewName), "diagram": .string(diagram)], text: diagram)
        case .failure(let error):
            throw ToolFailure("\(source.name): \(error)")
        }
    }

    /// `lintel import compose|k8s FILE`: the model's YAML and the importer's diagnostics.
    func importModel(_ arguments: Arguments) throws(ToolFailure) -> CallTool.Result {
        let formatName = try arguments.string("format")
        let format: Origin.Format? = switch formatName {
        case nil: nil
        case "compose": .compose
        case "kubernetes", "k8s": .kubernetes
        default: throw ToolFailure("import: 'format' must be compose or kubernetes")
        }
        let system = try arguments.string("system")
        let source = try source(arguments)
        let result = try loading.imported(source, as: format, system: system)
        if result.hasErrors { throw ToolFailure(diagnostics: result.diagnostics.filter { $0.severity != .note }) }
        let yaml = ModelWriter.yaml(result.model)
        return ToolOutput.object(["model": .string(yaml), "diagnostics": ToolOutput.lines(result.diagnostics)], text: yaml)
    }

    /// `lintel explain TOPIC`.
    func explain(_ arguments: Arguments) throws(ToolFailure) -> CallTool.Result {
        guard let topic = try arguments.string("topic"), !topic.isEmpty, topic.count <= 256 else {
            throw ToolFailure("explain: give a 'topic' of at most 256 characters: a rule id or a model key")
        }
        guard let found = Explanation.of(topic) else {
            throw ToolFailure(Explanation.notFound(topic) + " (the resource lintel://rules lists the rules; lintel://schema describes every key)")
        }
        let (kind, text) = (found.kind.rawValue, found.text)
        return ToolOutput.object(["topic": .string(topic), "kind": .string(kind), "text": .string(text)], text: text)
    }

    /// Today's date in UTC, as the CLI's review uses it.
    static func currentDate() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}

extension EngineTools {
    /// Runs an analysis within the CLI's capacity budget (`CapacityBudget.standard`); a model too large
    /// for it is a tool error saying what stopped and how to shrink the model.
    func budgeted<T>(_ body: (CapacityBudget) throws(CapacityError) -> T) throws(ToolFailure) -> T {
        do {
            return try body(.standard)
        } catch {
            throw ToolFailure(error.description)
        }
    }
}

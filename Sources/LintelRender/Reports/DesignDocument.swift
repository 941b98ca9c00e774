import LintelCapacity
import LintelDesign
import LintelModel

/// design.md: the design document in the structure an architect's review uses, with the system diagram, the
/// capacity table and the availability and latency budgets inlined. Arranges what `Designer` computed; the
/// writers escape (`MarkdownWriter` for design.md, any writer for `lintel design --format`).
public enum DesignDocument {
    public static func build(_ result: DesignResult) -> Document {
        let inputs = result.inputs, choices = result.choices
        let convergence = result.sizingConverged ? ")." : "; stopped at the limit with something still short — see the capacity table)."
        let summary: [Inline] = [
            Inline([.text("Pattern: "), .strong(choices.style), .text(" for \(inputs.engineers) engineers in \(inputs.teams) team(s), "
                    + "\(inputs.contexts.count) bounded context(s).")]),
            Inline("Stores: " + choices.contexts.map { "\($0.name) → \($0.store)" }.joined(separator: "; ") + "."),
            Inline("Broker: " + (choices.broker.map { "\($0) for domain events, written through an outbox." } ?? "none: no events leave a context.")),
            Inline("Languages: " + (inputs.preferences.languages.isEmpty ? "not stated; any the team knows well." : inputs.preferences.languages.joined(separator: ", ") + ".")),
            Inline("API: \(choices.publicAPI) at the public edge" + (choices.internalAPI.map { ", \($0) between services." } ?? ".")),
            Inline("Sized for \(DesignFormat.rate(inputs.peakRate)) at peak × \(DesignFormat.number(result.growth12)) growth over 12 months "
                   + "at \(DesignFormat.percent(result.targetUtilisation)) target utilisation (\(result.sizingIterations) sizing pass(es)" + convergence),
        ]
        var blocks: [Block] = [
            .paragraph(Inline.withCode("Proposed by `lintel design` from the requirements and the domain alone. Every choice below is a weighted "
                + "decision matrix over the inputs (see `decisions/`), every size comes from the capacity engine, and the "
                + "model (`model.yaml`) passes its own review, capacity check and failure simulations.")),
            .section(Section("Executive summary", blocks: [.list(List(items: summary.map { List.Item($0) }))])),
            .section(Section("Requirements read", blocks: DesignSections.requirements(inputs))),
        ]
        if let pattern = DesignSections.pattern(result) { blocks.append(.section(Section("Architecture pattern", blocks: pattern))) }
        let diagram: Block
        switch DiagramRenderer.render(result.model) {
        case .success(let text): diagram = .code(text, language: "mermaid")
        case .failure(let error): diagram = .paragraph(Inline("(no diagram: \(error))"))
        }
        blocks.append(.section(Section("System diagram", blocks: [diagram])))
        blocks += [
            .section(Section("Services and data ownership", blocks: DesignSections.services(result))),
            .section(Section("Event-driven design", blocks: DesignSections.events(result))),
            .section(Section("Caching strategy", blocks: DesignSections.caching(result))),
            .section(Section("Database architecture", blocks: DesignSections.databases(result))),
            .section(Section("API style", blocks: DesignSections.api(result))),
            .section(Section("Resilience patterns", blocks: DesignOperations.resilience(result))),
            .section(Section("Capacity", blocks: DesignOperations.capacity(result))),
            .section(Section("Availability and latency budgets", blocks: DesignOperations.budgets(result))),
            .section(Section("Observability", blocks: DesignOperations.observability(result))),
            .section(Section("Scalability", blocks: DesignOperations.scalability(result))),
            .section(Section("Security", blocks: DesignOperations.security(result))),
            .section(Section("Risks and mitigations", blocks: DesignOperations.risks(result))),
            .section(Section("Recommendations", blocks: DesignOperations.recommendations(result))),
        ]
        let links = zip(result.decisions, result.decisionPaths).map { decision, path in
            List.Item(Inline([.link(decision.title, target: path), .text(" — " + decision.outcome)]))
        }
        blocks.append(.section(Section("Decisions", blocks: [.list(List(ordered: true, items: links))])))
        return Document(title: "Architecture of \(result.model.system)", blocks: blocks)
    }

    /// design.md as `lintel design -o` writes it.
    public static func markdown(_ result: DesignResult) -> String { MarkdownWriter().write(build(result)) }

    /// model.yaml, decisions/NNNN-title.md and design.md, in that order: what `lintel design -o DIR` writes.
    public static func files(_ result: DesignResult) -> [DesignFile] {
        var files = [DesignFile(path: "model.yaml", contents: result.modelYAML)]
        for (index, (decision, path)) in zip(result.decisions, result.decisionPaths).enumerated() {
            files.append(DesignFile(path: path, contents: MarkdownWriter().write(DecisionRecord.build(number: index + 1, decision: decision))))
        }
        files.append(DesignFile(path: "design.md", contents: markdown(result)))
        return files
    }

    /// The weighted decision matrix: criteria as rows, options as columns, totals last; the winner's total in bold.
    static func matrix(_ matrix: DecisionMatrix) -> Table {
        var rows: [[Inline]] = matrix.criteria.enumerated().map { index, criterion in
            [Inline("\(criterion.name) (×\(criterion.weight))"), Inline(criterion.basis)]
                + matrix.options.map { Inline(index < $0.scores.count ? String($0.scores[index]) : "–") }
        }
        let winner = matrix.winner
        rows.append([Inline([.strong("weighted total")]), Inline("Σ weight × score")]
                    + matrix.options.map { option in option.name == winner ? Inline([.strong(String(matrix.total(option)))]) : Inline(String(matrix.total(option))) })
        return Table(headers: ["criterion (weight)", "basis"] + matrix.options.map(\.name), rows: rows,
                     numeric: Set(2..<(2 + matrix.options.count)), rowHeaders: true)
    }
}

/// Extension points the MCP server and the CLI read: the document and the files, rendered here (the engine never formats).
extension DesignResult {
    /// design.md.
    public var document: String { DesignDocument.markdown(self) }
    /// model.yaml, decisions/NNNN-title.md and design.md, in that order.
    public var files: [DesignFile] { DesignDocument.files(self) }
}

/// The design document's figures, formatted by the design's own rules (`DesignFormat`, LintelDesign).
extension DesignFormat {
    static func figure(_ figure: Figure?) -> String {
        guard let figure, let value = figure.value else { return "–" }
        switch figure.unit {
        case .perSecond: return rate(value)
        case .seconds: return duration(value)
        case .fraction: return percent(value)
        default: return number(value)
        }
    }
}

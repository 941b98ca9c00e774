import LintelCapacity
import LintelModel
import LintelRender

/// Everything the design document reads.
struct DocumentContext {
    var inputs: DesignInputs
    var choices: Choices
    var model: Model
    var capacity: CapacityReport
    var iterations: Int
    var converged: Bool
}

/// design.md: the design document in the structure an architect's review uses, with the system
/// diagram, the capacity table and the availability and latency budgets inlined.
enum DesignDocument {
    static func render(_ context: DocumentContext) -> String {
        var lines: [String] = []
        let model = context.model, inputs = context.inputs, choices = context.choices
        lines += ["# Architecture of \(model.system)", ""]
        lines += ["Proposed by `lintel design` from the requirements and the domain alone. Every choice below is a weighted "
                  + "decision matrix over the inputs (see `decisions/`), every size comes from the capacity engine, and the "
                  + "model (`model.yaml`) passes its own review, capacity check and failure simulations.", ""]
        lines += ["## Executive summary", ""]
        lines += ["* Pattern: **\(choices.style.rawValue)** for \(inputs.engineers) engineers in \(inputs.teams) team(s), "
                  + "\(inputs.contexts.count) bounded context(s).",
                  "* Stores: " + inputs.contexts.map { "\($0.name) → \(choices.stores[$0.name]?.rawValue ?? "relational")" }.joined(separator: "; ") + ".",
                  "* Broker: " + (choices.broker.map { "\($0.rawValue) for domain events, written through an outbox." } ?? "none: no events leave a context."),
                  "* Languages: " + (inputs.preferences.languages.isEmpty ? "not stated; any the team knows well." : inputs.preferences.languages.joined(separator: ", ") + "."),
                  "* API: \(choices.publicAPI.rawValue) at the public edge" + (choices.internalAPI.map { ", \($0.rawValue) between services." } ?? "."),
                  "* Sized for \(Format.rate(inputs.peakRate)) at peak × \(Format.number(inputs.growth12)) growth over 12 months "
                  + "at \(Format.percent(Sizing.targetUtilisation)) target utilisation (\(context.iterations) sizing pass(es)"
                  + (context.converged ? ")." : "; stopped at the limit with something still short — see the capacity table)."), ""]
        lines += Sections.requirements(inputs)
        lines += Sections.pattern(context)
        lines += ["## System diagram", ""]
        switch DiagramRenderer.render(model) {
        case .success(let diagram): lines += ["```mermaid", diagram.trimmingTrailingNewlines, "```", ""]
        case .failure(let error): lines += ["(no diagram: \(error))", ""]
        }
        lines += Sections.services(context)
        lines += Sections.events(context)
        lines += Sections.caching(context)
        lines += Sections.databases(context)
        lines += Sections.api(context)
        lines += Sections.resilience(context)
        lines += Sections.capacity(context)
        lines += Sections.budgets(context)
        lines += Sections.observability(context)
        lines += Sections.scalability(context)
        lines += Sections.security(context)
        lines += Sections.risks(context)
        lines += Sections.recommendations(context)
        lines += ["## Decisions", ""]
        for (number, decision) in choices.decisions.enumerated() {
            let file = ADRWriter.fileName(number: number + 1, decision: decision)
            lines.append("\(number + 1). [\(decision.title)](decisions/\(file)) — \(decision.outcome)")
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

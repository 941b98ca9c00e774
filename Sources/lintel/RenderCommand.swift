import ArgumentParser
import Foundation
import LintelCapacity
import LintelModel
import LintelRender
import LintelReview

extension DiagramView: ExpressibleByArgument {}
extension DiagramGrouping: ExpressibleByArgument {}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the architecture: a system, context or per-flow sequence diagram in Mermaid, Graphviz DOT or SVG.",
        discussion: """
            The system view clusters components by kind or domain context, draws synchronous calls solid and \
            asynchronous ones dashed, and labels calls with protocol, timeout and attempts (grpc 300ms ×3). \
            The sequence view follows one flow's request (--flow, the first flow by default). \
            --findings colours components by their worst open finding (red error, amber warning, blue info, green clean); \
            --load labels components with arrival rate and utilisation at peak. \
            --format svg runs Graphviz's dot, which must be installed (apt-get install graphviz, brew install graphviz).
            Exit status: 0 drawn; 2 invalid model, or a sequence view of a model without flows; 64 usage (unknown flow); \
            69 --format svg and Graphviz's dot is not installed; 70 dot rejected the diagram.
            """)

    enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
        case mermaid, dot, svg
    }

    @Argument(help: "Model file (YAML or JSON), or the deployment files and directories of one system; - reads standard input.")
    var files: [String]

    @OptionGroup var stdin: StdinOptions

    @OptionGroup var compose: ProfileOptions

    @Option(help: "Output language: mermaid, dot or svg (dot run by Graphviz).")
    var format: OutputFormat = .mermaid

    @Option(help: "What to draw: system, context (the system among its users and external systems) or sequence (one flow).")
    var view: DiagramView = .system

    @Option(help: "Cluster the system view by kind, by domain context, or none.")
    var group: DiagramGrouping = .kind

    @Option(help: "The flow of the sequence view (the first flow when omitted).")
    var flow: String?

    @Flag(help: "Colour components by their worst open review finding and list the rule ids (as lintel review).")
    var findings = false

    @Flag(help: "Label components with arrival rate and utilisation at peak (capacity arithmetic).")
    var load = false

    @Option(name: .shortAndLong, help: "Write the diagram to this file instead of standard output.")
    var output: String?

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    func run() throws {
        let model = try SystemInput.loadOne(files, stdinName: stdin.name, profiles: compose.profiles)
        var overlay = DiagramOverlay()
        if findings || load {
            let context = try withinBudget(model) { budget throws(CapacityError) in
                try ReviewContext(model: model, options: ReviewOptions(today: Review.currentDate()), budget: budget)
            }
            overlay = DiagramOverlay(context, findings: findings, load: load)
        }
        let options = RenderOptions(format: format == .mermaid ? .mermaid : .dot, view: view, grouping: group,
                                    flow: flow, overlay: overlay)
        if view == .sequence, flow == nil, model.flows.count > 1, let first = model.flows.first {
            let others = model.flows.dropFirst().map(\.name).joined(separator: ", ")
            Terminal.error("note: drawing flow '\(first.name)'; choose another with --flow (\(others))")
        }
        let source: String
        switch DiagramRenderer.render(model, options: options) {
        case .success(let text):
            source = text
        case .failure(let error):
            Terminal.error("\(files.joined(separator: ", ")): error: \(error)")
            if case .unknownFlow = error { throw ExitCode.usage }
            throw ExitCode.invalidInput
        }
        var text = source
        if format == .svg {
            switch GraphvizRunner.run(source) {
            case .success(let svg):
                if !svg.warnings.isEmpty { Terminal.error(svg.warnings.trimmingCharacters(in: .whitespacesAndNewlines)) }
                text = String(decoding: svg.data, as: UTF8.self)
            case .failure(.timedOut(let seconds)):
                // The model is valid but too large to draw: an input problem, located at the model.
                Terminal.error(Diagnostic(GraphvizRunner.Failure.timedOut(seconds: seconds).description, at: model.location).description)
                throw ExitCode.invalidInput
            case .failure(let failure):
                Terminal.error("error: \(failure)")
                if case .notInstalled = failure { throw ExitCode(69) }
                throw ExitCode(70)
            }
        }
        if let output {
            try Terminal.write(text, to: output, force: force)
        } else {
            Terminal.output(text)
        }
    }
}

import ArgumentParser
import LintelModel

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate model files, summarise each system and list each flow's dependency set.",
        discussion: "Exit status: 0 when every file is valid, 2 when any has errors (printed as file:line:col: error: message).")

    @Argument(help: "Model files (YAML or JSON), deployment files or directories; all compose files make one system, all manifests another; - reads standard input.")
    var files: [String]

    @OptionGroup var stdin: StdinOptions

    @OptionGroup var compose: ProfileOptions

    func run() throws {
        for system in try SystemInput.load(files, stdinName: stdin.name, profiles: compose.profiles) {
            Terminal.output("\(system.files.map { $0 == "-" ? stdin.name : $0 }.joined(separator: ", ")): ok: " + ModelSummary.paragraph(system.model))
            // Each flow's dependency set: what its requests can reach through the operations they make.
            let semantics = SemanticModel(system.model)
            for flow in semantics.flows { Terminal.output("  " + semantics.dependencies(of: flow).line) }
        }
    }
}

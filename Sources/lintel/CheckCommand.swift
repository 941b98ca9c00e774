import ArgumentParser
import LintelModel

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate model files, summarise each system and list each flow's dependency set.",
        discussion: "Exit status: 0 when every file is valid, 2 when any has errors (printed as file:line:col: error: message).")

    @Argument(help: "Model files (YAML or JSON); - reads standard input.")
    var files: [String]

    @OptionGroup var stdin: StdinOptions

    func run() throws {
        var failed = false
        for file in files {
            do {
                let model = try ModelInput.load(file, stdinName: stdin.name)
                Terminal.output("\(file == "-" ? stdin.name : file): ok: " + ModelSummary.paragraph(model))
                // Each flow's dependency set: what its requests can reach through the operations they make.
                let semantics = SemanticModel(model)
                for flow in semantics.flows { Terminal.output("  " + semantics.dependencies(of: flow).line) }
            } catch {
                failed = true
            }
        }
        if failed { throw ExitCode.invalidInput }
    }
}

import ArgumentParser
import LintelModel

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate model files and summarise each system.",
        discussion: "Exit status: 0 when every file is valid, 2 when any has errors (printed as file:line:col: error: message).")

    @Argument(help: "Model files (YAML or JSON), deployment files or directories; all compose files make one system, all manifests another.")
    var files: [String]

    func run() throws {
        for system in try SystemInput.load(files) {
            Terminal.output("\(system.files.joined(separator: ", ")): ok: " + ModelSummary.paragraph(system.model))
        }
    }
}

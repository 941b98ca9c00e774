import ArgumentParser
import LintelModel

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate model files and summarise each system.",
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
            } catch {
                failed = true
            }
        }
        if failed { throw ExitCode.invalidInput }
    }
}

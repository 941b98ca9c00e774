import ArgumentParser
import Foundation

@main
struct Lintel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lintel",
        abstract: "A backend architect you can run: review, size, simulate and render a system from one YAML model.",
        version: "0.1.0",
        subcommands: [
            // Register each subcommand here, one per line.
            Check.self,
            Review.self,
            Rules.self,
            Explain.self,
            Schema.self,
            Capacity.self,
            Import.self,
            Render.self,
            Simulate.self,
            ReportCommand.self,
            Design.self,
            MCP.self,
            Generate.self,
            ReviewAPI.self,
        ]
    )

    /// Parses and runs a command like ArgumentParser's `main()`, but prints help, usage errors and
    /// everything else through `Terminal`, so a closed or full stream is an error (74), not a trap.
    static func main() {
        Terminal.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            Foundation.exit(Self.report(error))
        }
        Foundation.exit(0)
    }

    /// Prints what `error` says (help on stdout, a usage error on stderr) and returns the exit code.
    static func report(_ error: Error) -> Int32 {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if !message.isEmpty {
            if code == .success { Terminal.output(message) } else { Terminal.error(message) }
        }
        return code.rawValue
    }
}

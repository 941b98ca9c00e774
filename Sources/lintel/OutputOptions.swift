import ArgumentParser
import Foundation
import LintelRender

/// `-o FILE` and `--force`, shared by every command that writes a report.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(help: "Overwrite the output file (and any other file the command writes) if it exists.")
    var force = false

    /// Writes `text` to the output file, or to standard output.
    func emit(_ text: String) throws {
        if let output {
            try Terminal.write(text, to: output, force: force)
        } else {
            Terminal.output(text)
        }
    }
}

extension ExitCode {
    /// A report that could not be encoded: a bug, never input; EX_SOFTWARE from sysexits.h.
    static let internalError = ExitCode(70)
}

/// Runs an encoding step, turning a JSON failure into a message on stderr and exit 70 (never `{}` and 0).
func encoded(_ body: () throws(JSONOutput.Failure) -> String) throws -> String {
    do {
        return try body()
    } catch {
        Terminal.error("lintel: internal error: \(error.description)")
        throw ExitCode.internalError
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension ReviewFormat: ExpressibleByArgument {}
extension ReviewDocument.Grouping: ExpressibleByArgument {}

extension Terminal {
    /// Colour by default: standard output is a terminal and NO_COLOR is unset (https://no-color.org).
    static var colorWanted: Bool {
        stdoutIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
    }
}

import ArgumentParser
import Foundation
import LintelContracts
import LintelRender
import LintelReview

/// `lintel review-api`: what an architect checks in an OpenAPI document, and what breaks since a base version.
struct ReviewAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review-api",
        abstract: "Review an OpenAPI 3.0/3.1 document: pagination, idempotency keys, error schemas, versioning, bounded arrays, naming; with --base, breaking changes.",
        discussion: """
            Exit status: 0 when no finding is at or above --fail-on, 1 when one is (breaking changes are errors), \
            2 for a file that is not an OpenAPI 3 document (or an existing --output without --force), 64 for usage errors.
            """)

    @Argument(help: "The OpenAPI document (YAML or JSON, version 3.0 or 3.1).")
    var spec: String

    @Option(help: "The previous version of the document: report changes that break its clients.")
    var base: String?

    @Option(help: "Output format; sarif is for GitHub code scanning.")
    var format: ReviewFormat = .text

    @Option(help: "Exit with 1 when a finding is at or above this severity.")
    var failOn: Review.FailOn = .error

    @OptionGroup var out: OutputOptions

    @Option(help: "Colour the text format; auto colours when standard output is a terminal and NO_COLOR is unset.")
    var color: Review.ColorChoice = .auto

    func run() throws {
        let loaded = [spec] + (base.map { [$0] } ?? [])
        var specs: [LoadedSpec] = []
        var failed = false
        for path in loaded {
            do {
                specs.append(try APISpecLoader.load(path: path))
            } catch {
                Terminal.error(error.description)
                failed = true
            }
        }
        if failed { throw ExitCode.invalidInput }
        guard let reviewed = specs.first else { throw ExitCode.invalidInput }
        let report = APIReviewer.review(reviewed, base: specs.count > 1 ? specs[1] : nil)

        let useColor: Bool = switch color {
        case .always: true
        case .never: false
        case .auto: format == .text && out.output == nil && Terminal.stdoutIsTerminal
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        }
        let options = ReportOutput.ReviewOptions(rules: APIReviewer.rules, color: useColor, toolVersion: Lintel.configuration.version,
                                                 baseDirectory: FileManager.default.currentDirectoryPath)
        try out.emit(try encoded { () throws(JSONOutput.Failure) in
            try ReportOutput.review([report], format: format, options: options)
        })
        guard let threshold = failOn.severity else { return }
        let failing = report.failing(at: threshold).count
        if failing > 0 {
            if format != .text || out.output != nil { Terminal.error("\(failing) findings at or above \(threshold.rawValue)") }
            throw ExitCode.findings
        }
    }
}

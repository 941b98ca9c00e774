import ArgumentParser
import Foundation
import LintelCapacity
import LintelModel
import LintelRender
import LintelReview

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Review model files for the risks an architect would flag.",
        discussion: """
            Exit status: 0 when no open finding is at or above --fail-on, 1 when one is, 2 for invalid input \
            (model, baseline, or an existing output file without --force), 64 for usage errors.
            Accepted risks (the model's `accept:` entries, or a --baseline file) are reported but never fail the run.
            """)

    /// The severity that fails the run, or never.
    enum FailOn: String, CaseIterable, ExpressibleByArgument {
        case error, warning, info, never

        var severity: Severity? { Severity(rawValue: rawValue) }
    }

    /// When the text format is coloured.
    enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
        case auto, always, never
    }

    @Argument(help: "Model files (YAML or JSON), docker-compose files, Kubernetes manifests or directories of them; all compose files make one system, all manifests another; - reads standard input.")
    var files: [String]

    @OptionGroup var stdin: StdinOptions

    @OptionGroup var compose: ProfileOptions

    @Flag(help: "Print the importer's notes (inferred calls, ignored keys) for compose and Kubernetes files; warnings are always printed.")
    var verbose = false

    @Option(help: "Output format; text is coloured on a terminal, html is one self-contained page, sarif is for GitHub code scanning.")
    var format: ReviewFormat = .text

    @Option(help: "Exit with 1 when an open finding is at or above this severity.")
    var failOn: FailOn = .error

    @Option(help: "Accept the findings whose fingerprints are in this baseline file.")
    var baseline: String?

    @Option(help: "Write the open findings' fingerprints to this baseline file and exit 0, instead of reporting.")
    var writeBaseline: String?

    @OptionGroup var out: OutputOptions

    @Option(help: "The date acceptances expire against, as YYYY-MM-DD (default: today, UTC).")
    var today: String?

    @Option(help: "How the details of text, markdown and html are grouped (the head always lists one entry per rule).")
    var groupBy: ReviewDocument.Grouping = .rule

    @Option(help: "Colour the text format; auto colours when standard output is a terminal and NO_COLOR is unset.")
    var color: ColorChoice = .auto

    func validate() throws {
        if let today, Self.date(today) == nil {
            throw ValidationError("--today '\(today)' is not a date as YYYY-MM-DD")
        }
        if writeBaseline != nil, out.output != nil {
            throw ValidationError("--write-baseline and --output cannot be combined: --write-baseline writes no report")
        }
    }

    func run() throws {
        let options = ReviewOptions(today: today.flatMap(Self.date) ?? Self.currentDate())
        var criticalFlows: [String: [String]] = [:]
        var reports = try Self.reports(files, verbose: verbose, stdinName: stdin.name, profiles: compose.profiles) { model in
            criticalFlows[model.system] = model.flows.filter(\.critical).map(\.name)
            return try withinBudget(model) { budget throws(CapacityError) in try Reviewer.review(model, options: options, budget: budget) }
        }

        if let writeBaseline {
            let written = LintelReview.Baseline(reports)
            try Terminal.write(try encoded { () throws(JSONOutput.Failure) in try JSONOutput.encode(written) }, to: writeBaseline, force: out.force)
            Terminal.error("wrote \(written.findings.count) findings to baseline \(writeBaseline)")
            return
        }
        if let baseline {
            let accepted = try Self.readBaseline(baseline)
            reports = reports.map(accepted.apply)
            let stale = accepted.unmatched(in: reports).count
            if stale > 0 {
                Terminal.error("\(baseline): note: \(stale) baseline entries match no finding any more; rewrite it with --write-baseline")
            }
        }

        let renderOptions = ReportOutput.ReviewOptions(
            rules: RuleRegistry.all.map { $0.description }, criticalFlows: criticalFlows, grouping: groupBy, color: useColor,
            toolVersion: Lintel.configuration.version, baseDirectory: FileManager.default.currentDirectoryPath)
        let reportsToRender = reports
        try out.emit(try encoded { () throws(JSONOutput.Failure) in
            try ReportOutput.review(reportsToRender, format: format, options: renderOptions)
        })

        guard let threshold = failOn.severity else { return }
        let failing = reports.flatMap { $0.failing(at: threshold) }.count
        if failing > 0 {
            if format != .text || out.output != nil {
                Terminal.error("\(failing) open findings at or above \(threshold.rawValue)")
            }
            throw ExitCode.findings
        }
    }

    /// Loads every file (all of them, so every file's diagnostics are printed) and reviews each;
    /// throws `ExitCode.invalidInput` when any file is invalid. The one place a file becomes a model.
    static func reports(_ files: [String], verbose: Bool = false, stdinName: String = "<stdin>", profiles: [String] = [],
                        review: (Model) throws -> ReviewReport) throws -> [ReviewReport] {
        try SystemInput.load(files, verbose: verbose, stdinName: stdinName, profiles: profiles).map { try review($0.model) }
    }

    static func readBaseline(_ path: String) throws -> LintelReview.Baseline {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try LintelReview.Baseline(data: data)
        } catch let error as LintelReview.Baseline.ReadError {
            Terminal.error("\(path): error: \(error.message)")
        } catch {
            Terminal.error("\(path): error: cannot read the baseline: \(error.localizedDescription)")
        }
        throw ExitCode.invalidInput
    }

    var useColor: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: format == .text && out.output == nil && Terminal.stdoutIsTerminal
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        }
    }

    static func date(_ text: String) -> CalendarDate? {
        guard case .success(.date(let date)) = QuantityParser.parse(text, as: .date) else { return nil }
        return date
    }

    /// Today's date in UTC, so a CI run's verdict does not depend on the runner's time zone.
    static func currentDate() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}


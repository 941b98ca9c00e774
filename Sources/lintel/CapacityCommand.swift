import ArgumentParser
import Foundation
import LintelCapacity
import LintelModel
import LintelRender

struct Capacity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Capacity from queueing theory: utilisation, waits, instances needed, budgets and availability.",
        subcommands: [CapacityReportCommand.self, CapacityFit.self],
        defaultSubcommand: CapacityReportCommand.self)
}

struct CapacityReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Analyse a model's capacity at its peak load (the default for `lintel capacity FILE`).",
        discussion: "Exit status: 0 on success, 2 when the model is invalid (file:line:col: error: message), 64 on bad options.")

    @Argument(help: "The model file (YAML or JSON), or the deployment files and directories of one system; - reads standard input.")
    var files: [String]

    @OptionGroup var stdin: StdinOptions

    @OptionGroup var compose: ProfileOptions

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @OptionGroup var out: OutputOptions

    // `.unconditional`: a value that starts with '-' (`--at -2x`) is read as the value and refused
    // with its range, instead of "Missing value".
    @Option(parsing: .unconditional, help: "Evaluate at this multiple of every flow's peak rate, above 0x and at most 10000x, e.g. 2x.")
    var at: String = "1x"

    @Option(parsing: .unconditional, help: "Months of traffic growth (requirements.traffic.growth) to project the load over, 0 to 120.")
    var months: String = "0"

    @Option(parsing: .unconditional, help: "Utilisation to size instances for, above 0% and at most 100%, e.g. 70%.")
    var targetUtilisation: String = "70%"

    /// Largest `--at`: a load ten thousand times the peak is a different system.
    static let maximumMultiple = 10_000.0
    /// Longest `--months`: ten years of compound growth.
    static let maximumMonths = 120.0

    func validate() throws {
        _ = try options()
    }

    func options() throws -> CapacityOptions {
        let text = at.trimmingCharacters(in: .whitespaces)
        let multiple = text.hasSuffix("x") ? Double(text.dropLast()) : Double(text)
        guard let multiple, multiple.isFinite else {
            throw ValidationError("--at must be a multiple like 2x, got '\(at)'")
        }
        guard multiple > 0, multiple <= Self.maximumMultiple else {
            throw ValidationError("--at must be above 0x and at most \(UnitFormat.number(Self.maximumMultiple))x, got '\(at)'")
        }
        guard let months = Double(months.trimmingCharacters(in: .whitespaces)), months.isFinite else {
            throw ValidationError("--months must be a number of months like 12, got '\(self.months)'")
        }
        guard months >= 0, months <= Self.maximumMonths else {
            throw ValidationError("--months must be between 0 and \(UnitFormat.number(Self.maximumMonths)), got '\(self.months)'")
        }
        guard case .success(.fraction(let target)) = QuantityParser.parse(targetUtilisation, as: .fraction) else {
            throw ValidationError("--target-utilisation must be a percentage like 70% (or a fraction like 0.7), got '\(targetUtilisation)'")
        }
        guard target > 0, target <= 1 else {
            throw ValidationError("--target-utilisation must be above 0% and at most 100%, got '\(targetUtilisation)'")
        }
        return CapacityOptions(loadMultiple: multiple, months: months, targetUtilisation: target)
    }

    func run() throws {
        let model = try SystemInput.loadOne(files, stdinName: stdin.name, profiles: compose.profiles)
        let options = try options()
        let report = try withinBudget(model) { budget throws(CapacityError) in try CapacityAnalyzer.analyze(model, options: options, budget: budget) }
        let color = format == .text && out.output == nil && Terminal.colorWanted
        try out.emit(try encoded { () throws(JSONOutput.Failure) in try ReportOutput.capacity(report, format: format, color: color) })
    }
}

struct CapacityFit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit the Universal Scalability Law to measured (concurrency, throughput) pairs.",
        discussion: "The CSV needs a header row naming 'concurrency' and 'throughput'. Reports α, β, γ, R², peak concurrency and throughput ceiling.")

    @Argument(help: "A CSV file with columns concurrency,throughput.")
    var file: String

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @OptionGroup var out: OutputOptions

    func run() throws {
        // Refused before it is read: a 25 MB file is not a load test's measurements.
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > Measurements.maximumBytes {
            Terminal.error("\(file):1:1: error: the file is larger than \(Measurements.maximumBytes / 1_000_000) MB (\(size) bytes)")
            throw ExitCode.invalidInput
        }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            Terminal.error("\(file):1:1: error: cannot read the file as UTF-8 text")
            throw ExitCode.invalidInput
        }
        let measurements: Measurements
        switch Measurements.parseCSV(text, file: file) {
        case .success(let value): measurements = value
        case .failure(let error):
            for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
            throw ExitCode.invalidInput
        }
        do {
            let fit = try USL.fit(concurrency: measurements.concurrency, throughput: measurements.throughput)
            let text = try encoded { () throws(JSONOutput.Failure) in try ReportOutput.usl(fit, measurements: measurements, format: format) }
            try out.emit(text)
        } catch {
            Terminal.error("\(file):1:1: error: \(error)")
            throw ExitCode.invalidInput
        }
    }
}

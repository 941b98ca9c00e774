import ArgumentParser
import Foundation
import LintelCapacity
import LintelModel

struct Capacity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Capacity from queueing theory: utilisation, waits, instances needed, budgets and availability.",
        subcommands: [CapacityReportCommand.self, CapacityFit.self],
        defaultSubcommand: CapacityReportCommand.self)
}

extension CapacityRenderer.Style: ExpressibleByArgument {}

struct CapacityReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Analyse a model's capacity at its peak load (the default for `lintel capacity FILE`).",
        discussion: "Exit status: 0 on success, 2 when the model is invalid (file:line:col: error: message), 64 on bad options.")

    @Argument(help: "The model file (YAML or JSON), or the deployment files and directories of one system; - reads standard input.")
    var files: [String]

    @OptionGroup var stdin: StdinOptions

    @Option(help: "Output format: \(CapacityRenderer.Style.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: CapacityRenderer.Style = .text

    @Option(help: "Evaluate at this multiple of every flow's peak rate, e.g. 2x.")
    var at: String = "1x"

    @Option(help: "Months of traffic growth (requirements.traffic.growth) to project the load over.")
    var months: Double = 0

    @Option(help: "Utilisation to size instances for, e.g. 70%.")
    var targetUtilisation: String = "70%"

    func validate() throws {
        _ = try options()
    }

    func options() throws -> CapacityOptions {
        let multiple = at.hasSuffix("x") ? Double(at.dropLast()) : Double(at)
        guard let multiple, multiple > 0, multiple.isFinite else {
            throw ValidationError("--at must be a positive multiple like 2x, got '\(at)'")
        }
        guard months >= 0, months.isFinite else { throw ValidationError("--months must be zero or positive") }
        guard case .success(.fraction(let target)) = QuantityParser.parse(targetUtilisation, as: .fraction),
              target > 0, target <= 1 else {
            throw ValidationError("--target-utilisation must be a percentage like 70% (or a fraction like 0.7), got '\(targetUtilisation)'")
        }
        return CapacityOptions(loadMultiple: multiple, months: months, targetUtilisation: target)
    }

    func run() throws {
        let model = try SystemInput.loadOne(files, stdinName: stdin.name)
        let report = CapacityAnalyzer.analyze(model, options: try options())
        Terminal.output(CapacityRenderer.render(report, as: format))
    }
}

struct CapacityFit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit the Universal Scalability Law to measured (concurrency, throughput) pairs.",
        discussion: "The CSV needs a header row naming 'concurrency' and 'throughput'. Reports α, β, γ, R², peak concurrency and throughput ceiling.")

    @Argument(help: "A CSV file with columns concurrency,throughput.")
    var file: String

    @Option(help: "Output format: \(CapacityRenderer.Style.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: CapacityRenderer.Style = .text

    func run() throws {
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
            Terminal.output(USLRenderer.render(fit, data: measurements, as: format))
        } catch {
            Terminal.error("\(file):1:1: error: \(error)")
            throw ExitCode.invalidInput
        }
    }
}

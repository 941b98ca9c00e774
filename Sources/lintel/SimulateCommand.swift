import ArgumentParser
import Foundation
import LintelModel
import LintelRender
import LintelSimulation

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the model as a discrete-event simulation under a scenario's load and faults.",
        discussion: """
            Reports goodput, errors, timeouts and latency percentiles per flow; utilisation, queues, rejections, \
            breaker openings and wasted work per component; retry amplification; and whether the system recovered \
            after the last fault or stayed down (a metastable failure), or was overloaded before any fault. Without \
            --scenario the flows' average rates run for 60 s without faults. The same seed gives byte-identical output.
            Exit status: 0 on success, 2 when the model or scenario is invalid, 64 on bad options.
            """)

    @Argument(help: "The model file (YAML or JSON); - reads standard input.")
    var file: String

    @OptionGroup var stdin: StdinOptions

    @Option(help: "The scenario to run (from the model's `scenarios:`).")
    var scenario: String?

    // `.unconditional` on numeric options: `--seed -1` is refused with the option's range, not "Missing value".
    @Option(parsing: .unconditional, help: "Seed for the random generator, a whole number from 0 to 2⁶⁴ − 1.")
    var seed: String = "1"

    @Option(parsing: .unconditional, help: "Simulated time, overriding the scenario's duration, above 0s and at most 30d, e.g. 10m.")
    var duration: String?

    @Option(parsing: .unconditional, help: "Independent runs (1 to 10000) with seeds seed, seed+1, …, in parallel on all cores; reports means with 95% confidence intervals.")
    var replications: String = "1"

    @Flag(help: "Simulate every request even when the run exceeds 2.5e7 events (by default such a run simulates 1/k of the load on 1/k of the servers).")
    var full = false

    @Option(name: .customLong("event-budget"), parsing: .unconditional,
            help: "Most events the run may process, all replications together, from 1e3 to 1e12; about 7 M events take a second of CPU. (default: 3.5e7)")
    var eventBudget: String?

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @OptionGroup var out: OutputOptions

    @Option(help: "Write the per-interval time series to this file: CSV, or JSON when the name ends in .json.")
    var series: String?

    func validate() throws {
        _ = try parsedDuration()
        _ = try parsedSeed()
        _ = try parsedReplications()
        _ = try parsedEventBudget()
    }

    private func parsedEventBudget() throws -> Double? {
        guard let eventBudget else { return nil }
        let range = 1e3...SimulationOptions.maximumEventBudget
        guard let value = Double(eventBudget.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw ValidationError("--event-budget must be a number of events from 1e3 to 1e12, got '\(eventBudget)'")
        }
        return value
    }

    private func parsedSeed() throws -> UInt64 {
        guard let value = UInt64(seed.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("--seed must be a whole number from 0 to \(UInt64.max), got '\(seed)'")
        }
        return value
    }

    private func parsedReplications() throws -> Int {
        guard let value = Int(replications.trimmingCharacters(in: .whitespaces)), (1...10_000).contains(value) else {
            throw ValidationError("--replications must be a whole number between 1 and 10000, got '\(replications)'")
        }
        return value
    }

    private func parsedDuration() throws -> TimeSpan? {
        guard let duration else { return nil }
        guard case .success(.duration(let span)) = QuantityParser.parse(duration, as: .duration) else {
            throw ValidationError("--duration must be a duration like 90s or 10m, got '\(duration)'")
        }
        let range = QuantityRange(0, QuantityRange.simulatedTime.maximum, excludingMinimum: true)
        guard range.contains(span.seconds) else {
            throw ValidationError("--duration must be \(range.phrase(.duration)), got '\(duration)'")
        }
        return span
    }

    func run() throws {
        let model = try ModelInput.load(file, stdinName: stdin.name)
        var options = SimulationOptions(seed: try parsedSeed(), duration: try parsedDuration())
        options.replications = try parsedReplications()
        if full { options.maxEvents = 0 }
        if let budget = try parsedEventBudget() { options.maxSimulatedEvents = budget }
        let bar = Terminal.stderrIsTerminal ? ProgressBar() : nil
        let report: SimulationReport
        do {
            report = try Simulation.run(model, scenario: scenario, options: options, progress: bar.map { bar in { bar.show($0) } })
        } catch {
            bar?.clear()
            Terminal.error(Self.diagnostic(error, model: model, scenario: scenario).description)
            throw ExitCode.invalidInput
        }
        bar?.clear()
        if let series {
            let format: SeriesFormat = series.lowercased().hasSuffix(".json") ? .json : .csv
            let text = try encoded { () throws(JSONOutput.Failure) in try SimulationDocument.series(report, format: format) }
            try Terminal.write(text, to: series, force: out.force)
        }
        let color = format == .text && out.output == nil && Terminal.colorWanted
        try out.emit(try encoded { () throws(JSONOutput.Failure) in try ReportOutput.simulation(report, format: format, color: color) })
    }
}

/// A one-line progress bar on stderr (through `Terminal`), redrawn only when the shown percentage changes.
final class ProgressBar {
    private var shown = -1

    func show(_ fraction: Double) {
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        guard percent != shown else { return }
        shown = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 30 - filled)
        Terminal.progress("\rsimulating \(bar) \(percent)%")
    }

    func clear() {
        guard shown >= 0 else { return }
        Terminal.progress("\r\u{1B}[2K")
    }
}

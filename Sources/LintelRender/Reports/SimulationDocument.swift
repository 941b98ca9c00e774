import LintelModel
import LintelSimulation

/// Builds the document of a simulation report; computes nothing beyond shares of the report's own counts.
public enum SimulationDocument {
    public static func build(_ report: SimulationReport) -> Document {
        Document(title: title(report), blocks: preface(report) + sections(report))
    }

    static func title(_ r: SimulationReport) -> String {
        "Simulation of \(r.system), scenario \(r.scenario) (seed \(r.seed), \(FigureText.number(r.duration)) s simulated, \(r.events) events)"
    }

    static func preface(_ r: SimulationReport) -> [Block] {
        guard r.scale > 1 else { return [] }
        var blocks: [Block] = [.paragraph(Inline(
            "Scaled run: 1/\(r.scale) of the load on 1/\(r.scale) of the servers (the full run exceeds the time budget); "
                + "counts are the sample's × \(r.scale). See docs/simulation.md for the error this makes."))]
        if !r.scaleNotes.isEmpty { blocks.append(.list(List(items: r.scaleNotes.map { List.Item(Inline($0)) }))) }
        return blocks
    }

    /// Verdict, flows, components, replications and calls; `idPrefix` keeps anchors unique when a page holds several runs.
    public static func sections(_ r: SimulationReport, idPrefix: String = "simulation") -> [Block] {
        var blocks: [Block] = []
        blocks.append(.section(Section("Verdict", id: "\(idPrefix)-verdict", blocks: verdict(r))))
        blocks.append(.section(Section("Flows", id: "\(idPrefix)-flows", blocks: [
            .paragraph("Latency columns cover successful requests only; failed, timed-out and rejected requests count in their own columns and against availability."),
            .table(flows(r)),
        ])))
        blocks.append(.section(Section("Components", id: "\(idPrefix)-components", blocks: [.table(components(r))])))
        if let reps = r.replications {
            blocks.append(.section(Section("Replications", id: "\(idPrefix)-replications", blocks: replications(reps))))
        }
        blocks.append(.section(Section("Calls", id: "\(idPrefix)-calls", blocks: calls(r))))
        return blocks
    }

    /// The verdict in words, its tone saying whether the system coped.
    public static func verdict(_ r: SimulationReport) -> [Block] {
        var blocks: [Block] = [.paragraph(Inline([.tone(tone(r.verdict.outcome), r.verdict.summary)]))]
        if r.verdict.outcome != .noFaults { blocks.append(.paragraph(Inline([.emphasis(r.verdict.criterion)]))) }
        return blocks
    }

    static func tone(_ outcome: Verdict.Outcome) -> Tone {
        switch outcome {
        case .noFaults, .recovered: .ok
        case .overloaded, .notRecovered: .error
        case .inconclusive: .warning
        }
    }

    static func duration(_ seconds: Double) -> String { FigureText.duration(seconds) }

    static func flows(_ r: SimulationReport) -> Table {
        Table(headers: ["flow", "offered/s", "goodput/s", "errors", "timeouts", "rejected", "mean", "p50", "p90", "p99", "p99.9", "max", "SLO"],
              rows: r.flows.map { f in
                  [f.name, FigureText.rate(f.offeredRate), FigureText.rate(f.goodput), "\(f.errors)", "\(f.timeouts)", "\(f.rejections)",
                   duration(f.meanLatency), duration(f.p50), duration(f.p90), duration(f.p99), duration(f.p999), duration(f.max)].map { Inline($0) }
                      + [f.slo.map { $0.breaches.isEmpty ? Inline([.tone(.ok, "met")])
                          : Inline([.tone(.error, "breached: " + $0.breaches.joined(separator: ", "))]) } ?? Inline("-")]
              }, numeric: Set(1...11))
    }

    static func components(_ r: SimulationReport) -> Table {
        Table(headers: ["component", "attempts", "per request", "utilisation", "mean wait", "mean queue", "max queue", "rejected",
                        "timeouts", "short-circuited", "breaker opened", "wasted work"],
              rows: r.components.map { c in
                  [Inline(c.name), Inline("\(c.attempts)"), Inline(FigureText.rate(c.amplification)),
                   Inline([.bar(fraction: c.utilisation, label: FigureText.percent(c.utilisation))])]
                      + [duration(c.meanWait), FigureText.rate(c.meanQueue), "\(c.maxQueue)", "\(c.rejections)", "\(c.timeouts)",
                         "\(c.shortCircuited)", "\(c.breakerOpenings)", FigureText.number(c.wastedWork, decimals: 1) + "s"].map { Inline($0) }
              }, numeric: Set(1...11))
    }

    static func replications(_ reps: Replications) -> [Block] {
        var counts: [String: Int] = [:]
        for outcome in reps.outcomes { counts[outcome.rawValue, default: 0] += 1 }
        let outcomes = counts.keys.sorted().map { "\(counts[$0] ?? 0) \($0)" }
        func est(_ e: Estimate, _ show: (Double) -> String) -> String { show(e.mean) + " ± " + show(e.halfWidth) }
        return [
            .paragraph(Inline("\(reps.count) seeds (\(reps.seeds.first ?? 0)–\(reps.seeds.last ?? 0)), run in parallel; mean ± half-width of the 95% "
                              + "confidence interval (Student t, \(max(reps.count - 1, 0)) degrees of freedom). Verdicts: " + outcomes.joined(separator: ", "))),
            .table(Table(headers: ["flow", "goodput/s", "availability", "mean", "p99"], plainRows: reps.flows.map { f in
                [f.name, est(f.goodput) { FigureText.rate($0) }, est(f.availability) { FigureText.percent($0) },
                 est(f.meanLatency, duration), est(f.p99, duration)]
            }, numeric: [1, 2, 3, 4])),
            .table(Table(headers: ["component", "utilisation", "mean wait"], plainRows: reps.components.map { c in
                [c.name, est(c.utilisation) { FigureText.percent($0) }, est(c.meanWait, duration)]
            }, numeric: [1, 2])),
        ]
    }

    static func calls(_ r: SimulationReport) -> [Block] {
        let retryShare = r.calls.attempts > 0 ? Double(r.calls.retries) / Double(r.calls.attempts) : 0
        var blocks: [Block] = [.paragraph(Inline(
            "\(r.calls.attempts) attempts, \(r.calls.retries) retries (\(FigureText.percent(retryShare))), \(r.calls.timeouts) timed out"))]
        let m = r.messaging
        if m.published > 0 {
            blocks.append(.paragraph(Inline("\(m.published) messages published, \(m.delivered) delivered, \(m.redelivered) redelivered, "
                + "\(m.deadLettered) dead-lettered, \(m.lost) lost" + (m.lostToOverload > 0 ? " (\(m.lostToOverload) at the in-flight cap)" : ""))))
        }
        return blocks
    }

    /// The time series as CSV (one row per interval) or JSON, for other tools, with each circuit breaker's
    /// state per interval when the model has breakers (`SeriesTable`).
    public static func series(_ report: SimulationReport, format: SeriesFormat) throws(JSONOutput.Failure) -> String {
        switch format {
        case .json: return try JSONOutput.encode(SeriesTable.rows(report))
        case .csv: return SeriesTable.csv(report)
        }
    }

    /// The report as JSON without its time series (written apart with `series`).
    public static func json(_ report: SimulationReport) throws(JSONOutput.Failure) -> String {
        var copy = report
        // The per-interval series (the time series and the breakers' states over it) are written by `--series`.
        copy.series = []
        copy.breakers = nil
        return try JSONOutput.encode(copy)
    }
}

/// Output formats of the time series.
public enum SeriesFormat: String, Sendable, CaseIterable {
    case csv, json
}

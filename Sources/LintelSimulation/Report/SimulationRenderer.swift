import Foundation

/// Output formats for a simulation report.
public enum SimulationFormat: String, Sendable, CaseIterable {
    case text, markdown, json
}

/// Output formats for the time series.
public enum SeriesFormat: String, Sendable, CaseIterable {
    case csv, json
}

/// Renders a `SimulationReport`; computes nothing.
public enum SimulationRenderer {
    /// The report in `format`. JSON leaves the time series out (see `series(_:format:)`).
    public static func render(_ report: SimulationReport, format: SimulationFormat) -> String {
        switch format {
        case .text: return table(report, markdown: false)
        case .markdown: return table(report, markdown: true)
        case .json:
            var copy = report
            copy.series = []
            return encode(copy)
        }
    }

    /// The time series, one row per interval.
    public static func series(_ report: SimulationReport, format: SeriesFormat) -> String {
        switch format {
        case .json: return encode(report.series)
        case .csv:
            var lines = ["time,seconds,offered,goodput,errors,timeouts,rejections,mean_latency,p99_latency,attempts,retries,call_timeouts,queued,busy_workers,in_flight"]
            for p in report.series {
                lines.append([n(p.time), n(p.seconds), "\(p.offered)", "\(p.goodput)", "\(p.errors)", "\(p.timeouts)",
                              "\(p.rejections)", n(p.meanLatency, 6), n(p.p99Latency, 6), "\(p.attempts)", "\(p.retries)",
                              "\(p.callTimeouts)", "\(p.queued)", "\(p.busyWorkers)", "\(p.inFlight)"].joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func n(_ value: Double, _ decimals: Int = 3) -> String { NumberText.format(value, decimals: decimals) }

    /// Seconds with a unit that reads well: 850µs, 12.3ms, 1.25s.
    static func duration(_ seconds: Double) -> String {
        if seconds == 0 { return "0" }
        if seconds < 1e-3 { return n(seconds * 1e6, 0) + "µs" }
        if seconds < 1 { return n(seconds * 1e3, 1) + "ms" }
        return n(seconds, 2) + "s"
    }

    private static func percent(_ fraction: Double) -> String { n(fraction * 100, 1) + "%" }

    private static func table(_ r: SimulationReport, markdown: Bool) -> String {
        var out: [String] = []
        let title = "Simulation of \(r.system), scenario \(r.scenario) (seed \(r.seed), \(n(r.duration)) s simulated, \(r.events) events)"
        out.append(markdown ? "# " + title : title)
        if r.scale > 1 {
            out.append("Scaled run: 1/\(r.scale) of the load on 1/\(r.scale) of the servers (the full run exceeds the time budget); "
                       + "counts are the sample's × \(r.scale). See docs/simulation.md for the error this makes.")
            for note in r.scaleNotes { out.append("  - " + note) }
        }
        out.append("")
        func section(_ name: String) {
            out.append(markdown ? "## " + name : name)
            if !markdown { out.append(String(repeating: "-", count: name.count)) }
        }
        func grid(_ header: [String], _ rows: [[String]]) {
            if markdown {
                out.append("| " + header.joined(separator: " | ") + " |")
                out.append("|" + header.enumerated().map { $0.offset == 0 ? "---|" : "---:|" }.joined())
                for row in rows { out.append("| " + row.joined(separator: " | ") + " |") }
            } else {
                var widths = header.map(\.count)
                for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
                func line(_ cells: [String]) -> String {
                    cells.enumerated().map { i, cell in
                        let pad = String(repeating: " ", count: widths[i] - cell.count)
                        return i == 0 ? cell + pad : pad + cell
                    }.joined(separator: "  ")
                }
                out.append(line(header))
                for row in rows { out.append(line(row)) }
            }
            out.append("")
        }
        section("Verdict")
        out.append(r.verdict.summary)
        if r.verdict.outcome != .noFaults { out.append((markdown ? "_" : "") + r.verdict.criterion + (markdown ? "_" : "")) }
        out.append("")
        section("Flows")
        out.append("Latency columns cover successful requests only; failed, timed-out and rejected requests count in their own columns and against availability.")
        out.append("")
        grid(["flow", "offered/s", "goodput/s", "errors", "timeouts", "rejected", "mean", "p50", "p90", "p99", "p99.9", "max", "SLO"],
             r.flows.map { f in
                 [f.name, n(f.offeredRate, 2), n(f.goodput, 2), "\(f.errors)", "\(f.timeouts)", "\(f.rejections)",
                  duration(f.meanLatency), duration(f.p50), duration(f.p90), duration(f.p99), duration(f.p999), duration(f.max),
                  f.slo.map { $0.breaches.isEmpty ? "met" : "breached: " + $0.breaches.joined(separator: ", ") } ?? "-"]
             })
        section("Components")
        grid(["component", "attempts", "per request", "utilisation", "mean wait", "mean queue", "max queue", "rejected",
              "timeouts", "short-circuited", "breaker opened", "wasted work"],
             r.components.map { c in
                 [c.name, "\(c.attempts)", n(c.amplification, 2), percent(c.utilisation), duration(c.meanWait), n(c.meanQueue, 2),
                  "\(c.maxQueue)", "\(c.rejections)", "\(c.timeouts)", "\(c.shortCircuited)", "\(c.breakerOpenings)",
                  n(c.wastedWork, 1) + "s"]
             })
        if let reps = r.replications {
            section("Replications")
            let outcomes = Dictionary(grouping: reps.outcomes, by: \.rawValue).map { "\($0.value.count) \($0.key)" }.sorted()
            out.append("\(reps.count) seeds (\(reps.seeds.first ?? 0)–\(reps.seeds.last ?? 0)), run in parallel; mean ± half-width of the 95% "
                       + "confidence interval (Student t, \(reps.count - 1) degrees of freedom). Verdicts: " + outcomes.joined(separator: ", "))
            out.append("")
            func est(_ e: Estimate, _ show: (Double) -> String) -> String { show(e.mean) + " ± " + show(e.halfWidth) }
            grid(["flow", "goodput/s", "availability", "mean", "p99"], reps.flows.map { f in
                [f.name, est(f.goodput) { n($0, 2) }, est(f.availability) { percent($0) }, est(f.meanLatency, duration), est(f.p99, duration)]
            })
            grid(["component", "utilisation", "mean wait"], reps.components.map { c in
                [c.name, est(c.utilisation) { percent($0) }, est(c.meanWait, duration)]
            })
        }
        section("Calls")
        let retryShare = r.calls.attempts > 0 ? Double(r.calls.retries) / Double(r.calls.attempts) : 0
        out.append("\(r.calls.attempts) attempts, \(r.calls.retries) retries (\(percent(retryShare))), \(r.calls.timeouts) timed out")
        let m = r.messaging
        if m.published > 0 {
            out.append("\(m.published) messages published, \(m.delivered) delivered, \(m.redelivered) redelivered, "
                       + "\(m.deadLettered) dead-lettered, \(m.lost) lost" + (m.lostToOverload > 0 ? " (\(m.lostToOverload) at the in-flight cap)" : ""))
        }
        return out.joined(separator: "\n") + "\n"
    }
}

import LintelModel
import LintelSimulation

/// The circuit-breaker chart of one simulated scenario: per breaker, the share of each interval it spent open or
/// half-open, drawn as steps (one flat segment per interval, so an opening is never smeared across two intervals),
/// with the fault windows shaded; and the same figures as a headed table for readers who cannot see the chart.
enum BreakerChart {
    static let colors = ["#b42318", "#0b62a4", "#1a7f37", "#9a6700", "#6639ba", "#57606a"]

    /// The chart, or nil when the model has no breaker.
    static func chart(_ report: SimulationReport, windows: [TimeChart.Window], idPrefix: String) -> TimeChart? {
        guard let breakers = report.breakers, !breakers.isEmpty else { return nil }
        let lines = breakers.enumerated().map { index, breaker in
            TimeChart.Series(name: name(breaker), color: colors[index % colors.count], points: steps(breaker, series: report.series),
                             dashed: index % 2 == 1)
        }
        let faultText = windows.isEmpty ? "No faults injected." : "Shaded: " + windows.map(\.label).joined(separator: "; ") + "."
        let each = breakers.map { breaker in
            let stretches = self.stretches(breaker, series: report.series)
            guard !stretches.isEmpty else { return "\(name(breaker)) stayed closed" }
            return "\(name(breaker)) opened \(breaker.totalOpens)× and was open or half-open " + stretches.prefix(3).map(text).joined(separator: ", ")
                + (stretches.count > 3 ? " and \(stretches.count - 3) more time(s)" : "")
        }
        return TimeChart(id: "\(idPrefix)-breakers", title: "Circuit breakers open, \(report.scenario)", unit: .share,
                         series: lines, windows: windows, duration: report.duration,
                         summary: "Share of each \(UnitFormat.duration(report.seriesInterval)) interval each circuit breaker spent open "
                            + "or half-open: " + each.joined(separator: "; ") + ". \(faultText)")
    }

    /// The chart's figures as a table: openings, time open or half-open, and when.
    static func table(_ report: SimulationReport) -> Table? {
        guard let breakers = report.breakers, !breakers.isEmpty else { return nil }
        let rows = breakers.map { breaker -> [String] in
            let seconds = zip(breaker.openShare, report.series).reduce(0.0) { $0 + $1.0 * $1.1.seconds }
            let stretches = self.stretches(breaker, series: report.series)
            return [name(breaker), "\(breaker.totalOpens)", UnitFormat.duration(seconds),
                    stretches.isEmpty ? "never" : stretches.map(text).joined(separator: ", ")]
        }
        return Table(headers: ["circuit breaker", "openings", "time open or half-open", "when (intervals touched)"],
                     plainRows: rows, numeric: [1, 2])
    }

    static func name(_ breaker: BreakerSeries) -> String { "\(breaker.caller) → \(breaker.callee)" }

    /// Runs of consecutive intervals with any open time, as (start of the first, end of the last).
    static func stretches(_ breaker: BreakerSeries, series: [SeriesPoint]) -> [(Double, Double)] {
        var result: [(Double, Double)] = []
        var current: (Double, Double)?
        for (share, point) in zip(breaker.openShare, series) {
            if share > 0 {
                let start = point.time - point.seconds
                current = (current?.0 ?? start, point.time)
            } else if let run = current {
                result.append(run)
                current = nil
            }
        }
        if let run = current { result.append(run) }
        return result
    }

    static func text(_ stretch: (Double, Double)) -> String {
        "from \(UnitFormat.duration(stretch.0)) to \(UnitFormat.duration(stretch.1))"
    }

    /// Step points (start, share), (end, share) per interval; long runs are averaged per bucket of intervals first,
    /// as the other charts are (`SimulationCharts.maxPoints`).
    static func steps(_ breaker: BreakerSeries, series: [SeriesPoint]) -> [(Double, Double)] {
        let size = SimulationCharts.bucket(series.count)
        var points: [(Double, Double)] = []
        var start = 0
        let pairs = Array(zip(breaker.openShare, series))
        while start < pairs.count {
            let slice = pairs[start..<min(start + size, pairs.count)]
            let length = slice.reduce(0.0) { $0 + $1.1.seconds }
            let open = slice.reduce(0.0) { $0 + $1.0 * $1.1.seconds }
            let share = length > 0 ? open / length : (slice.map(\.0).max() ?? 0)
            let from = (slice.first?.1.time ?? 0) - (slice.first?.1.seconds ?? 0), to = slice.last?.1.time ?? 0
            points.append((from, share))
            points.append((to, share))
            start += size
        }
        return points
    }
}

import LintelModel
import LintelSimulation

/// The charts of one simulated scenario, from its time series: offered load and goodput, p99 latency, queues and
/// busy workers, and failures (errors, timeouts, rejections; a circuit breaker's open state shows as the
/// short-circuited calls among them). Fault windows are shaded.
enum SimulationCharts {
    /// At most this many points per line: longer series are averaged (rates, queues) or maximised (p99) per bucket,
    /// which keeps peaks visible and the page small.
    static let maxPoints = 600

    static func charts(_ report: SimulationReport, faults: [Fault], idPrefix: String) -> [TimeChart] {
        let series = report.series
        let windows = self.windows(faults)
        func perSecond(_ value: Int, _ point: SeriesPoint) -> Double { point.seconds > 0 ? Double(value) / point.seconds : 0 }
        let offered = reduce(series.map { ($0.time, perSecond($0.offered, $0)) }, by: mean)
        let goodput = reduce(series.map { ($0.time, perSecond($0.goodput, $0)) }, by: mean)
        let p99 = reduce(series.map { ($0.time, $0.p99Latency) }, by: maximum)
        let queued = reduce(series.map { ($0.time, Double($0.queued)) }, by: mean)
        let busy = reduce(series.map { ($0.time, Double($0.busyWorkers)) }, by: mean)
        let errors = reduce(series.map { ($0.time, perSecond($0.errors, $0)) }, by: mean)
        let timeouts = reduce(series.map { ($0.time, perSecond($0.timeouts, $0)) }, by: mean)
        let rejections = reduce(series.map { ($0.time, perSecond($0.rejections, $0)) }, by: mean)
        let faultText = windows.isEmpty ? "No faults injected." : "Shaded: " + windows.map(\.label).joined(separator: "; ") + "."
        let opened = report.components.filter { $0.breakerOpenings > 0 }
            .map { "\($0.name) opened \($0.breakerOpenings)× and short-circuited \($0.shortCircuited) calls" }
        let breakerText = opened.isEmpty ? "No circuit breaker opened." : "Circuit breakers: " + opened.joined(separator: "; ") + "."
        let reduced = series.count > maxPoints ? " Points are \(bucket(series.count))-interval buckets." : ""
        return [
            TimeChart(id: "\(idPrefix)-load", title: "Offered load and goodput, \(report.scenario)", unit: .perSecond,
                      series: [.init(name: "offered", color: "#0b62a4", points: offered),
                               .init(name: "goodput", color: "#1a7f37", points: goodput, dashed: true)],
                      windows: windows, duration: report.duration,
                      summary: "Requests offered and completed successfully per second over \(UnitFormat.duration(report.duration)): "
                        + "offered peaks at \(rate(offered)), goodput ranges \(range(goodput, rate)). \(faultText)\(reduced)"),
            TimeChart(id: "\(idPrefix)-p99", title: "p99 latency of successful requests, \(report.scenario)", unit: .seconds,
                      series: [.init(name: "p99 latency", color: "#9a6700", points: p99)], windows: windows, duration: report.duration,
                      summary: "p99 latency per interval ranges \(range(p99, UnitFormat.duration)). \(faultText)\(reduced)"),
            TimeChart(id: "\(idPrefix)-queues", title: "Queued requests and busy workers, \(report.scenario)", unit: .count,
                      series: [.init(name: "queued", color: "#b42318", points: queued),
                               .init(name: "busy workers", color: "#6639ba", points: busy, dashed: true)],
                      windows: windows, duration: report.duration,
                      summary: "Requests waiting in queues range \(range(queued, count)); busy workers range \(range(busy, count)). \(faultText)\(reduced)"),
            TimeChart(id: "\(idPrefix)-failures", title: "Errors, timeouts and rejections, \(report.scenario)", unit: .perSecond,
                      series: [.init(name: "errors", color: "#b42318", points: errors),
                               .init(name: "timeouts", color: "#9a6700", points: timeouts, dashed: true),
                               .init(name: "rejected", color: "#57606a", points: rejections)],
                      windows: windows, duration: report.duration,
                      summary: "Failed requests per second: errors peak at \(rate(errors)), timeouts at \(rate(timeouts)), "
                        + "rejections at \(rate(rejections)). \(breakerText) \(faultText)\(reduced)"),
        ]
    }

    /// The scenario's faults as shaded windows.
    static func windows(_ faults: [Fault]) -> [TimeChart.Window] {
        faults.map { fault in
            TimeChart.Window(start: fault.at.seconds, end: fault.at.seconds + fault.duration.seconds,
                             label: "fault on \(fault.component) from \(UnitFormat.duration(fault.at.seconds)) for \(UnitFormat.duration(fault.duration.seconds))")
        }
    }

    static func bucket(_ count: Int) -> Int { max(1, (count + maxPoints - 1) / maxPoints) }

    /// Consecutive points merged into buckets of equal length, each at its last time.
    static func reduce(_ points: [(Double, Double)], by merge: ([Double]) -> Double) -> [(Double, Double)] {
        let size = bucket(points.count)
        guard size > 1 else { return points }
        return stride(from: 0, to: points.count, by: size).map { start in
            let slice = points[start..<min(start + size, points.count)]
            return (slice.last?.0 ?? 0, merge(slice.map(\.1)))
        }
    }

    static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
    static func maximum(_ values: [Double]) -> Double { values.max() ?? 0 }
    static func rate(_ points: [(Double, Double)]) -> String { UnitFormat.rate(points.map(\.1).max() ?? 0) }
    static func count(_ value: Double) -> String { UnitFormat.number(value, decimals: 1) }
    static func range(_ points: [(Double, Double)], _ show: (Double) -> String) -> String {
        let values = points.map(\.1)
        guard let low = values.min(), let high = values.max() else { return "— (no data)" }
        return "from \(show(low)) to \(show(high))"
    }
    static func rate(_ value: Double) -> String { UnitFormat.rate(value) }
}

import LintelSimulation

/// The per-interval time series `lintel simulate --series` writes: the run's counts per interval and,
/// when calls have circuit breakers, each breaker's state in the same interval (the share of it spent
/// open or half-open, and how often it opened), so one row says what the breakers did while the load
/// and latency moved.
enum SeriesTable {
    /// One interval: the series point, and the breakers' states in it (absent when no call has a breaker).
    struct Row: Encodable {
        let point: SeriesPoint
        let breakers: [Breaker]?

        struct Breaker: Encodable {
            let caller: String
            let callee: String
            let openShare: Double
            let opens: Int

            enum CodingKeys: String, CodingKey {
                case caller, callee
                case openShare = "open_share"
                case opens
            }
        }

        enum CodingKeys: String, CodingKey {
            case breakers
        }

        func encode(to encoder: any Encoder) throws {
            try point.encode(to: encoder)
            if let breakers {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(breakers, forKey: .breakers)
            }
        }
    }

    static func rows(_ report: SimulationReport) -> [Row] {
        report.series.indices.map { index in
            Row(point: report.series[index], breakers: report.breakers.map { series in
                series.map { breaker in
                    Row.Breaker(caller: breaker.caller, callee: breaker.callee,
                                openShare: index < breaker.openShare.count ? breaker.openShare[index] : 0,
                                opens: index < breaker.opens.count ? breaker.opens[index] : 0)
                }
            })
        }
    }

    static let columns = ["time", "seconds", "offered", "goodput", "errors", "timeouts", "rejections", "mean_latency", "p99_latency",
                          "attempts", "retries", "call_timeouts", "queued", "busy_workers", "in_flight"]

    /// CSV (RFC 4180): the series' columns, then two per breaker, `breaker_open_share CALLER->CALLEE` and
    /// `breaker_opens CALLER->CALLEE`; a name with a comma, quote or line break is quoted.
    static func csv(_ report: SimulationReport) -> String {
        func n(_ value: Double, _ decimals: Int = 3) -> String { FigureText.number(value, decimals: decimals) }
        let breakers = report.breakers ?? []
        var header = columns
        for breaker in breakers {
            header += ["breaker_open_share \(breaker.caller)->\(breaker.callee)", "breaker_opens \(breaker.caller)->\(breaker.callee)"]
        }
        var lines = [header.map(field).joined(separator: ",")]
        for (index, p) in report.series.enumerated() {
            var cells = [n(p.time), n(p.seconds), "\(p.offered)", "\(p.goodput)", "\(p.errors)", "\(p.timeouts)",
                         "\(p.rejections)", n(p.meanLatency, 6), n(p.p99Latency, 6), "\(p.attempts)", "\(p.retries)",
                         "\(p.callTimeouts)", "\(p.queued)", "\(p.busyWorkers)", "\(p.inFlight)"]
            for breaker in breakers {
                cells.append(n(index < breaker.openShare.count ? breaker.openShare[index] : 0, 4))
                cells.append("\(index < breaker.opens.count ? breaker.opens[index] : 0)")
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (quotes doubled).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
import Testing

/// `lintel simulate --series`: the per-interval series with each circuit breaker's state beside the load,
/// checked against the breaker's own arithmetic (as BreakerSeriesTests does for the engine): `db` is down
/// from 40 s to 70 s; the breaker (50% of a 10 s window, at least 10 calls, open 5 s) opens within its
/// detection delay and stays open throughout the outage.
@Suite("simulate --series with circuit breakers")
struct SeriesCommandTests {
    static let model = """
        lintel: 1
        system: breakers
        components:
          client: { kind: gateway, workers: 100000, latency: 0s,
                    calls: [ { to: db, circuit_breaker: { failures: 50%, window: 10s, open_for: 5s, min_requests: 10 } } ] }
          db: { kind: service, workers: 1000, latency: { p50: 1ms, p99: 1ms, distribution: constant } }
        flows:
          f: { entry: client, rate: 100/s }
        scenarios:
          outage: { duration: 120s, faults: [ { component: db, at: 40s, for: 30s, down: true } ] }
        """

    static func run(_ text: String, series name: String) throws -> (status: Int32, series: String, stderr: String) {
        try CLI.withFile("m.yaml", text) { file in
            let out = file.deletingLastPathComponent().appendingPathComponent(name)
            let result = try CLI.run(["simulate", file.path, "--scenario", "outage", "--seed", "3", "--series", out.path])
            return (result.status, (try? String(contentsOf: out, encoding: .utf8)) ?? "", result.stderr)
        }
    }

    @Test("CSV: two columns per breaker; open throughout the outage after detection, closed before it; JSON rows carry the same states")
    func breakerColumns() throws {
        let csv = try Self.run(Self.model, series: "s.csv")
        #expect(csv.status == 0 || csv.status == 1, "\(csv.stderr.prefix(400))")
        let rows = csv.series.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        let share = try #require(header.firstIndex(of: "breaker_open_share client->db"))
        let opens = try #require(header.firstIndex(of: "breaker_opens client->db"))
        #expect(header.count == 17)
        let time = try #require(header.firstIndex(of: "time")), seconds = try #require(header.firstIndex(of: "seconds"))
        var openedSomewhere = 0
        for row in rows.dropFirst() {
            let end = try #require(Double(row[time])), start = end - (try #require(Double(row[seconds])))
            let open = try #require(Double(row[share]))
            openedSomewhere += try #require(Int(row[opens]))
            if end <= 40 { #expect(open == 0, "interval ending \(end) s") }
            // Detected by 40 + 0.5 × 10 + 1 = 46 s at the latest; never closed while db is down.
            if start >= 46, end <= 70 { #expect(open == 1, "interval ending \(end) s open \(open)") }
            if start >= 75.1 { #expect(open == 0, "interval ending \(end) s open \(open)") }
        }
        #expect(openedSomewhere >= 5)

        let json = try Self.run(Self.model, series: "s.json")
        let points = try #require(try JSONSerialization.jsonObject(with: Data(json.series.utf8)) as? [[String: Any]])
        #expect(points.count == rows.count - 1)
        for (point, row) in zip(points, rows.dropFirst()) {
            let breaker = try #require((point["breakers"] as? [[String: Any]])?.first)
            #expect(breaker["caller"] as? String == "client" && breaker["callee"] as? String == "db")
            #expect(abs((breaker["open_share"] as? Double ?? -1) - (Double(row[share]) ?? -2)) <= 5e-5)
            #expect(breaker["opens"] as? Int == Int(row[opens]))
        }
    }

    @Test("Without breakers the series keeps its 15 columns and its JSON rows have no breakers key")
    func withoutBreakers() throws {
        let plain = Self.model.replacingOccurrences(of: ", circuit_breaker: { failures: 50%, window: 10s, open_for: 5s, min_requests: 10 }", with: "")
        let csv = try Self.run(plain, series: "s.csv")
        #expect(csv.series.split(separator: "\n").first?.split(separator: ",").count == 15)
        let json = try Self.run(plain, series: "s.json")
        let points = try #require(try JSONSerialization.jsonObject(with: Data(json.series.utf8)) as? [[String: Any]])
        #expect(!points.isEmpty && points.allSatisfy { $0["breakers"] == nil })
    }
}

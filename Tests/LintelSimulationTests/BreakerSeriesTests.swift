import LintelModel
import Testing
@testable import LintelSimulation

/// The per-interval circuit-breaker series against the breaker's own arithmetic: a client calls `db` at 100/s
/// through a breaker (opens at 50% failures over a 10 s window of ten 1 s buckets, at least 10 calls; open for
/// 5 s; one trial call); `db` is down from 40 s to 70 s and fails every call at once.
@Suite("Circuit-breaker state over time")
struct BreakerSeriesTests {
    static let faultStart = 40.0, faultEnd = 70.0
    static let threshold = 0.5, window = 10.0, openFor = 5.0

    static func run(seed: UInt64 = 3) throws -> SimulationReport {
        let breaker = CircuitBreaker(failureThreshold: threshold, window: TimeSpan(seconds: window), openFor: TimeSpan(seconds: openFor),
                                     minimumRequests: 10, halfOpenRequests: 1)
        let model = Fixture.model([
            Fixture.client(calls: [Fixture.call("db", breaker: breaker)]),
            Fixture.component("db", workers: 1000, mean: 0.001, distribution: .constant),
        ], flows: [Fixture.flow(entry: "client", rate: 100)])
        let scenario = Fixture.scenario(duration: 120, faults: [Fixture.fault("db", at: faultStart, for: faultEnd - faultStart, down: true)])
        return try Simulation.run(model, scenario: scenario, options: SimulationOptions(seed: seed))
    }

    @Test("The breaker opens within its detection delay after the outage starts, stays open through it, and closes after recovery plus its open time")
    func outage() throws {
        let report = try Self.run()
        let series = try #require(report.breakers?.first)
        #expect(report.breakers?.count == 1 && series.caller == "client" && series.callee == "db")
        #expect(series.openShare.count == report.series.count && series.opens.count == report.series.count)
        let points = Array(zip(report.series, series.openShare))
        // Detection: with a steady rate the window's failure share is (time since the fault) / window, give or take
        // one bucket, so it reaches the threshold between threshold × (window − bucket) and threshold × window + bucket.
        let bucket = Self.window / 10
        let earliest = Self.faultStart + Self.threshold * (Self.window - bucket), latest = Self.faultStart + Self.threshold * Self.window + bucket
        let first = try #require(points.first { $0.1 > 0 })
        // It stays open to the end of that interval, so it opened `share × length` before the interval's end.
        let opened = first.0.time - first.1 * first.0.seconds
        #expect(opened >= earliest - 0.5 && opened <= latest, "opened at \(opened) s; expected \(earliest)…\(latest) s")
        #expect(points.allSatisfy { $0.0.time <= Self.faultStart ? $0.1 == 0 : true }, "open before the fault")
        // During the outage every half-open trial fails, so it never closes: whole intervals inside are open throughout.
        for (point, share) in points where point.time - point.seconds >= latest && point.time <= Self.faultEnd {
            #expect(share == 1, "interval ending \(point.time) s open \(share)")
        }
        // After recovery it stays open at most `openFor`, then one trial (1 ms) closes it.
        for (point, share) in points where point.time - point.seconds >= Self.faultEnd + Self.openFor + 0.1 {
            #expect(share == 0, "interval ending \(point.time) s open \(share)")
        }
        let closing = points.filter { $0.0.time > Self.faultEnd && $0.0.time - $0.0.seconds < Self.faultEnd + Self.openFor + 0.1 }
        #expect(closing.contains { $0.1 > 0 }, "the breaker is still open when the outage ends")
        // Openings: the first, then one per failed trial, one every `openFor` until the outage ends.
        let expected = 1 + Int(((Self.faultEnd - opened) / Self.openFor).rounded(.down))
        #expect(abs(series.totalOpens - expected) <= 1, "\(series.totalOpens) openings; about \(expected) expected")
        #expect(series.totalOpens == report.components.first { $0.name == "db" }?.breakerOpenings)
    }

    @Test("A model without breakers has no breaker series, so its JSON is unchanged")
    func none() throws {
        let model = Fixture.model([Fixture.client(calls: [Fixture.call("db")]), Fixture.component("db", workers: 10, mean: 0.001)],
                                  flows: [Fixture.flow(entry: "client", rate: 10)])
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 10))
        #expect(report.breakers == nil)
    }
}

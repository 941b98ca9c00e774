import LintelCapacity
import LintelModel
import LintelReview
import Testing

/// `latency-above-slo` says when no scaling can reach the objective: instances remove queueing only,
/// so when the service times alone exceed it the fix is elsewhere, and the finding names the slowest
/// step. Checked against the model's own numbers: search's p99 is 150 ms as written.
@Suite("Latency objectives no scaling reaches")
struct LatencyFloorTests {
    static func review(objective: String, searchInstances: Int, rate: String) throws -> Finding? {
        let model = try ModelLoader.load(text: """
            lintel: 1
            system: demo
            requirements: { slo: { latency_p99: \(objective) } }
            components:
              api: { kind: service, instances: 4, latency: { p50: 10ms, p99: 40ms }, calls: [ { to: search, timeout: 2s } ] }
              search: { kind: service, instances: \(searchInstances), workers: 1, latency: { p50: 30ms, p99: 150ms } }
            flows:
              main: { entry: api, rate: \(rate) }
            """).model
        return Reviewer.review(model, rules: [LatencyAboveSLO.self]).findings.first
    }

    @Test("an objective of 100 ms under search's own p99 of 150 ms: no scaling reaches it, search named, its p99 quoted")
    func unreachable() throws {
        let finding = try #require(try Self.review(objective: "100ms", searchInstances: 4, rate: "10/s"))
        #expect(finding.message.contains("no scaling reaches it"))
        #expect(finding.message.contains("search's own p99 of 150ms is the largest on the path"))
        let own = try #require(finding.figures?.first { $0.formula.hasPrefix("given: search's latency") }?.value)
        #expect(abs(own - 0.150) < 1e-9)
        let floor = try #require(finding.figures?.dropFirst(2).first?.value)
        // The floor is at least the slowest step's own p99 (a sum of non-negative times) and above the objective.
        #expect(floor >= 0.150 - 1e-9 && floor > 0.100)
        #expect(finding.remedy.contains("Adding instances cannot meet this objective: make search faster"))
    }

    @Test("a 400 ms objective missed only through queueing (one search instance at 24/s, about 91% busy) is not called unreachable")
    func queueing() throws {
        let finding = try #require(try Self.review(objective: "400ms", searchInstances: 1, rate: "24/s"))
        #expect(!finding.message.contains("no scaling"))
        #expect(finding.remedy.hasPrefix("Shorten the critical path"))
    }
}

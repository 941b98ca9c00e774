import LintelModel
import Testing
@testable import LintelSimulation

/// The issue-11 overload (an overloaded simulation grew to tens of GB) at the default cap of
/// 500,000 in flight: the run ends, says "overloaded" and never holds more than the cap.
/// BENCHMARKS.md measures the peak RSS of the same shape (`Fuzz/overload.yaml`) with the CLI.
@Suite("Overload at the default in-flight cap")
struct OverloadMemoryTests {
    @Test("500,000 requests/s into a service that serves 40/s: cap reached near 500,000 / (λ − μ) s, verdict overloaded")
    func defaultCapHolds() throws {
        let orders = Fixture.component("orders", workers: 4, mean: 0.1, distribution: .constant)
        let gateway = Fixture.client("gateway", calls: [Fixture.call("orders")])
        let rate = 500_000.0
        let model = Fixture.model([gateway, orders], flows: [Fixture.flow(entry: "gateway", rate: rate)])
        let report = try Simulation.run(model, scenario: Fixture.scenario(duration: 3), options: SimulationOptions(seed: 5))
        #expect(report.scale == 1)
        let overload = try #require(report.overload)
        #expect(overload.component == "orders")
        // The backlog grows at λ − 40/s; the cap of 500,000 counts the flow request and its call attempt,
        // so it is reached between 500,000 / 2 and 500,000 requests, i.e. between 0.5 s and 1 s.
        #expect(overload.time > 0.45 && overload.time < 1.05, "at \(overload.time) s")
        let peak = report.series.map(\.inFlight).max() ?? 0
        #expect(peak <= SimulationOptions.defaultMaxInFlight, "peak in flight \(peak)")
        #expect(report.verdict.outcome == .overloaded, "\(report.verdict.summary)")
        let flow = try #require(report.flows.first)
        #expect(flow.overloadRejections > flow.offered / 2)
    }
}

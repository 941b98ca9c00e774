import Foundation
import Testing

/// Operations: a flow that targets an operation makes only that operation's calls, with the
/// operation's own service time, in capacity and the simulator alike.
@Suite("Cross-engine: operations")
struct OperationTests {
    /// `svc` has two operations: `read` (the component's latency, 0) calls reads-db; `write` (its own
    /// exponential 50 ms) calls payments. Both callees are M/M/1 with a 100 ms exponential service, and
    /// `svc` never queues (100,000 workers), so each flow's latency has a closed form.
    static let yaml = """
        lintel: 1
        system: operations
        components:
          \(instantClient("{ to: svc }"))
          svc:
            kind: service
            workers: 100000
            latency: { p50: 0ms, p99: 0ms, distribution: constant }
            operations:
              read: { http: "GET /items/{id}", calls: [reads-db] }
              write: { http: "POST /items", latency: 50ms, calls: [payments] }
          reads-db: { kind: postgres, workers: 1, latency: 100ms }
          payments: { kind: service, workers: 1, latency: 100ms }
        flows:
          reads: { entry: gw, operation: svc.read, rate: 6/s }
          writes: { entry: gw, operation: svc.write, rate: 2/s }
        """

    @Test("each callee receives only the rate of the flow whose operation calls it: 6/s at reads-db, 2/s at payments")
    func arrivals() throws {
        let run = try CrossEngine(yaml: Self.yaml, duration: 20_000, seed: 61)
        for (name, rate) in [("reads-db", 6.0), ("payments", 2.0), ("svc", 8.0)] {
            expectAgreement("operations: \(name) arrivals /s", capacity: try run.capacityComponent(name).arrival.value,
                            simulation: try run.simulatedArrival(name), closedForm: rate, .relative(0.05))
        }
        expectAgreement("operations: reads-db utilisation", capacity: try run.capacityComponent("reads-db").utilisation.value,
                        simulation: try run.simulatedComponent("reads-db").utilisation, closedForm: 0.6, .points(0.02))
        expectAgreement("operations: payments utilisation", capacity: try run.capacityComponent("payments").utilisation.value,
                        simulation: try run.simulatedComponent("payments").utilisation, closedForm: 0.2, .points(0.02))
    }

    @Test("each flow's mean latency is its operation's service plus its callee's M/M/1 response")
    func latency() throws {
        let run = try CrossEngine(yaml: Self.yaml, duration: 20_000, seed: 62)
        // reads: 0 + Wq(λ 6, S 0.1) + 0.1 = 0.25 s; writes: 0.05 + Wq(λ 2, S 0.1) + 0.1 = 0.175 s.
        let reads = ClosedForm.mm1Wait(arrival: 6, serviceMean: 0.1) + 0.1
        let writes = 0.05 + ClosedForm.mm1Wait(arrival: 2, serviceMean: 0.1) + 0.1
        #expect(abs(reads - 0.25) < 1e-12 && abs(writes - 0.175) < 1e-12)
        expectAgreement("operations: reads mean latency", capacity: try run.capacityFlowMean("reads"),
                        simulation: try run.simulatedFlow("reads").meanLatency, closedForm: reads, .relative(0.06))
        expectAgreement("operations: writes mean latency", capacity: try run.capacityFlowMean("writes"),
                        simulation: try run.simulatedFlow("writes").meanLatency, closedForm: writes, .relative(0.06))
        // svc's own service is the operations' mix: (6 × 0 + 2 × 0.05) / 8 = 12.5 ms per request.
        expectClosedForm("operations: svc mean own service", engine: "simulation", value: try run.simulatedComponent("svc").meanService,
                         closedForm: 0.0125, .relative(0.05))
    }
}

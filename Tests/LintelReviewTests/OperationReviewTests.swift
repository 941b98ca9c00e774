import Foundation
import LintelModel
import LintelReview
import Testing

/// Review's dependency rules read the core's flow dependencies, so they count only the calls of the
/// operation a flow invokes: reading a trip's status does not depend on the payment provider.
@Suite("Review: operations narrow a flow's dependencies")
struct OperationReviewTests {
    /// `trips` serves get-status (reads trips-db) and complete (charges payments: one instance, 99%
    /// available, p50 1.5 s). Its own calls, made by a request that names no operation, are both.
    static func model(statusOperation: Bool) -> String {
        """
        lintel: 1
        system: rides
        requirements: { slo: { availability: 99.9%, latency_p99: 300ms } }
        components:
          gateway: { kind: gateway, instances: 2, calls: [ { to: trips, timeout: 5s } ] }
          trips:
            kind: service
            instances: 2
            calls:
              - { to: trips-db, timeout: 100ms }
              - { to: payments, timeout: 4s }
            operations:
              get-status: { http: "GET /v1/trips/{id}", calls: [trips-db] }
              complete: { http: "POST /v1/trips/{id}/complete", calls: [trips-db, payments] }
          trips-db: { kind: postgres, replicas: 1 }
          payments: { kind: service, instances: 1, availability: 99%, latency: { p50: 1500ms, p99: 3s } }
        flows:
          status: { entry: gateway, \(statusOperation ? "operation: trips.get-status" : "route: [trips]"), rate: 50/s }
          finish: { entry: gateway, operation: trips.complete, rate: 1/s, critical: false }
        """
    }

    func findings(statusOperation: Bool) throws -> [Finding] {
        let model = try ModelLoader.load(text: Self.model(statusOperation: statusOperation)).model
        return Reviewer.review(model, options: ReviewOptions(today: CalendarDate(year: 2026, month: 1, day: 1))).findings
    }

    @Test("the status flow invoking get-status depends on neither payments' single instance, its availability nor its latency")
    func operationNarrows() throws {
        let found = try findings(statusOperation: true)
        let spof = found.filter { $0.ruleID == "single-point-of-failure" }
        #expect(!spof.contains { $0.components.contains("payments") }, "\(spof.map(\.message))")
        #expect(found.filter { $0.ruleID == "availability-below-slo" }.allSatisfy { $0.flow == "finish" })
        #expect(found.filter { $0.ruleID == "latency-above-slo" }.allSatisfy { $0.flow == "finish" })
        // The flow that does charge a card is held to it: 99% × the rest is below 99.9%.
        #expect(found.contains { $0.ruleID == "availability-below-slo" && $0.flow == "finish" })
    }

    @Test("the same flow naming no operation makes trips' own calls, payments among them, and every rule sees it")
    func withoutOperation() throws {
        let found = try findings(statusOperation: false)
        #expect(found.contains { $0.ruleID == "single-point-of-failure" && $0.components == ["payments"] && $0.flow == "status" })
        #expect(found.contains { $0.ruleID == "availability-below-slo" && $0.flow == "status" })
        #expect(found.contains { $0.ruleID == "latency-above-slo" && $0.flow == "status" })
    }
}

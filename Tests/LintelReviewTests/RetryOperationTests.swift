import LintelModel
import LintelReview
import Testing

/// `retry-non-idempotent` reads the callee's operations (issue 12): retrying a call that carries a
/// non-idempotent operation (POST, PATCH, an RPC) is an error; a callee whose every operation is
/// idempotent makes the retry safe.
@Suite("Review: retries of non-idempotent operations")
struct RetryOperationTests {
    /// gateway retries orders twice without saying whether the call is idempotent.
    static func model(operations: String, flow: String = "", idempotent: String = "") -> String {
        """
        lintel: 1
        system: shop
        components:
          gateway: { kind: gateway, instances: 2, calls: [ { to: orders, timeout: 2s, retries: 2, backoff: full-jitter\(idempotent) } ] }
          orders:
            kind: service
            instances: 2
            operations: \(operations)
        \(flow.isEmpty ? "" : "flows:\n  \(flow)")
        """
    }

    static func findings(_ text: String) throws -> [Finding] {
        let model = try ModelLoader.load(text: text).model
        return Reviewer.review(model, options: ReviewOptions(today: CalendarDate(year: 2026, month: 1, day: 1)))
            .findings.filter { $0.ruleID == "retry-non-idempotent" }
    }

    static let mixed = #"{ get: { http: "GET /orders/{id}" }, place: { http: "POST /orders" } }"#

    @Test("A flow through the retried call that targets POST /orders makes the retry an error naming the operation")
    func flowTargetsPost() throws {
        let found = try Self.findings(Self.model(operations: Self.mixed, flow: "checkout: { entry: gateway, operation: orders.place, rate: 10/s }"))
        let finding = try #require(found.first)
        #expect(found.count == 1 && finding.severity == .error)
        #expect(finding.message.contains("POST /orders"), "\(finding.message)")
        #expect(finding.figures?.map(\.value) == [2, 3])
    }

    @Test("A flow targeting GET on a callee that also has POST stays a warning: the call's operation is unknown")
    func flowTargetsGet() throws {
        let found = try Self.findings(Self.model(operations: Self.mixed, flow: "browse: { entry: gateway, operation: orders.get, rate: 10/s }"))
        #expect(found.map(\.severity) == [.warning])
    }

    @Test("A callee whose every operation is non-idempotent makes any retried call to it an error")
    func onlyPost() throws {
        let found = try Self.findings(Self.model(operations: #"{ place: { http: "POST /orders" }, charge: { rpc: Orders.Charge } }"#))
        #expect(found.map(\.severity) == [.error])
    }

    @Test("A callee whose every operation is idempotent (GET, PUT, DELETE) is safe to retry: no finding")
    func onlyIdempotent() throws {
        let found = try Self.findings(Self.model(operations: #"{ get: { http: "GET /orders/{id}" }, put: { http: "PUT /orders/{id}" }, close: { rpc: Orders.Close, idempotent: true } }"#))
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    @Test("A call marked idempotent (an idempotency key) is not reported even when it carries POST")
    func markedIdempotent() throws {
        let found = try Self.findings(Self.model(operations: Self.mixed, flow: "checkout: { entry: gateway, operation: orders.place, rate: 10/s }",
                                                 idempotent: ", idempotent: true"))
        #expect(found.isEmpty)
    }
}

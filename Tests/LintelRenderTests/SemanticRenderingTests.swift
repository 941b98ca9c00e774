import LintelModel
@testable import LintelRender
import Testing

/// The diagrams draw the model's one meaning (docs/semantics.md), read from the semantic core.
@Suite("Diagrams follow the agreed semantics")
struct SemanticRenderingTests {
    static func sequence(_ model: Model) throws -> [String] {
        try SequenceViewTests.mermaid(model)
    }

    @Test("a sync publish waits for the broker's acknowledgement and the topic still delivers to its consumers (semantics 6)")
    func syncPublishDelivers() throws {
        let model = SequenceViewTests.model(orders: [call("events") { $0.protocolName = .kafka }], extra: [
            component("events", .topic, consumers: ["shipping"]), component("shipping", .worker),
        ])
        let lines = try Self.sequence(model)
        let publish = try #require(lines.firstIndex(of: "p_orders->>+p_events: publish kafka"))
        #expect(lines[publish + 1] == "p_events-)p_shipping: deliver")
        #expect(lines[publish + 2] == "p_events-->>-p_orders: ack")
    }

    @Test("a queue gives each message to one of its consumers; `consumes` on the consumer counts as much as `consumers` on the queue")
    func queueDeliversToOne() throws {
        var billing = component("billing", .worker)
        billing.consumes = ["jobs"]
        let model = SequenceViewTests.model(orders: [call("jobs", .async)], extra: [
            component("jobs", .queue, consumers: ["shipping"]), component("shipping", .worker), billing,
        ])
        let lines = try Self.sequence(model)
        #expect(lines.contains("p_jobs-)p_shipping: deliver #40;to one of 2#41;"))
        #expect(lines.contains("p_jobs-)p_billing: deliver #40;to one of 2#41;"))
        let system = try SystemViewTests.lines(model)
        #expect(system.contains("c_jobs -.->|\"delivers\"| c_billing"), "a consumer declared by `consumes` is drawn")
    }

    @Test("copies inside a parallel group run at once (par), outside a group one after another (loop) (semantics 4)")
    func copies() throws {
        let model = SequenceViewTests.model(orders: [
            call("a") { $0.parallel = "fetch"; $0.perRequest = 3 }, call("b") { $0.perRequest = 2 },
        ], extra: [component("a"), component("b")])
        let lines = try Self.sequence(model)
        let par = try #require(lines.firstIndex(of: "par 3 concurrent calls per request"))
        #expect(lines[par + 1] == "p_orders->>+p_a: 3/req parallel fetch")
        #expect(lines.contains("loop 2 calls per request"))
    }

    @Test("a call-back the cycle policy cuts (gain 1, never ends) is drawn once with a note and not followed (semantics 9)")
    func cutCycle() throws {
        let model = SequenceViewTests.model(orders: [call("stock")], extra: [component("stock", calls: [call("orders")])])
        let semantics = SemanticModel(model)
        #expect(semantics.graph.edges.contains { $0.closesCycle }, "the core cuts stock → orders")
        let lines = try Self.sequence(model)
        #expect(lines.filter { $0.hasPrefix("p_stock->>+p_orders") }.count == 1)
        #expect(lines.contains { $0.hasPrefix("Note over p_orders: cycle") })
    }
}

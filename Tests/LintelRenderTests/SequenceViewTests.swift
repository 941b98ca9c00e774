import LintelModel
@testable import LintelRender
import Testing

@Suite("The sequence view follows flow semantics")
struct SequenceViewTests {
    /// gateway → orders (route); gateway also calls catalog, which this flow must not reach.
    static func model(orders: [Call], extra: [Component] = []) -> Model {
        let components = [
            component("gateway", .gateway, calls: [call("catalog"), call("orders") { $0.protocolName = .http; $0.timeout = .milliseconds(1500) }],
                      isPublic: true),
            component("catalog"),
            component("orders", calls: orders),
        ] + extra
        let flow = Flow(name: "checkout", entry: "gateway", route: ["orders"], rate: Rate(perSecond: 10), location: here)
        return Model(system: "shop", components: components, flows: [flow], location: here)
    }

    static func mermaid(_ model: Model, options: RenderOptions = RenderOptions(format: .mermaid, view: .sequence)) throws -> [String] {
        try DiagramRenderer.render(model, options: options).get().split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    @Test("along the route only the call to the next hop is made; at the last hop all calls are")
    func route() throws {
        let model = Self.model(orders: [call("stock") { $0.protocolName = .grpc; $0.timeout = .milliseconds(300); $0.retries = 2 }, call("db")],
                               extra: [component("stock"), component("db", .postgres)])
        let lines = try Self.mermaid(model)
        #expect(!lines.contains { $0.contains("p_catalog") }, "catalog is not on the checkout route")
        let messages = lines.filter { $0.contains("->>") || $0.contains("-->>") || $0.contains("-)") }
        #expect(messages == [
            "x_client->>+p_gateway: checkout 10/s avg, 10/s peak",
            "p_gateway->>+p_orders: http 1.5s",
            "p_orders->>+p_stock: grpc 300ms ×3",
            "p_stock-->>-p_orders: reply",
            "p_orders->>+p_db: call",
            "p_db-->>-p_orders: reply",
            "p_orders-->>-p_gateway: reply",
            "p_gateway-->>-x_client: response",
        ])
    }

    @Test("calls sharing a parallel group become one par block, drawn where the first of them is")
    func parallel() throws {
        let model = Self.model(orders: [
            call("a") { $0.parallel = "fetch" }, call("db"), call("b") { $0.parallel = "fetch" },
        ], extra: [component("a"), component("b"), component("db", .postgres)])
        let lines = try Self.mermaid(model)
        let par = try #require(lines.firstIndex(of: "par fetch#58; a"))
        #expect(lines[par + 1] == "p_orders->>+p_a: parallel fetch")
        #expect(lines[par + 3] == "and fetch#58; b")
        #expect(lines[par + 4] == "p_orders->>+p_b: parallel fetch")
        #expect(lines[par + 6] == "end")
        #expect(lines[par + 7] == "p_orders->>+p_db: call")
    }

    @Test("optional calls, cache misses and repeated calls sit in opt and loop blocks")
    func blocks() throws {
        let model = Self.model(orders: [
            call("cache") { $0.hitRatio = 0.9; $0.optional = true },
            call("db") { $0.onMiss = "cache"; $0.perRequest = 3 },
            call("recs") { $0.perRequest = 0.25 },
        ], extra: [component("cache", .redis), component("db", .postgres), component("recs")])
        let lines = try Self.mermaid(model)
        #expect(lines.contains("opt optional#58; the caller falls back if cache fails"))
        let miss = try #require(lines.firstIndex(of: "opt cache miss #40;10#37;#41;"))
        #expect(lines[miss + 1] == "loop 3 calls per request")
        #expect(lines[miss + 2] == "p_orders->>+p_db: 3/req on miss")
        #expect(lines.contains("opt 25#37; of requests"))
    }

    @Test("publishes are async arrows and the topic delivers to its consumers, whose work is not followed")
    func async() throws {
        let model = Self.model(orders: [call("events", .async) { $0.protocolName = .kafka }], extra: [
            component("events", .topic, consumers: ["shipping", "billing"]),
            component("shipping", .worker, calls: [call("carrier")]), component("billing", .worker), component("carrier", .external),
        ])
        let lines = try Self.mermaid(model)
        #expect(lines.contains("p_orders-)p_events: publish kafka"))
        #expect(lines.contains("p_events-)p_shipping: deliver"))
        #expect(lines.contains("p_events-)p_billing: deliver"))
        #expect(!lines.contains { $0.contains("p_carrier") })
    }

    @Test("a call back into a component already handling the request is drawn once and not followed")
    func cycle() throws {
        let model = Self.model(orders: [call("stock")], extra: [component("stock", calls: [call("orders")])])
        let lines = try Self.mermaid(model)
        #expect(lines.contains("p_stock->>+p_orders: call"))
        #expect(lines.contains("Note over p_orders: cycle#58; orders is already handling this request"))
        #expect(lines.filter { $0.hasPrefix("p_orders->>+p_stock") }.count == 1)
    }

    @Test("deep call chains stop at the depth limit with a note")
    func depth() throws {
        let chain = (0..<30).map { index in component("s\(index)", calls: index < 29 ? [call("s\(index + 1)")] : []) }
        let model = Self.model(orders: [call("s0")], extra: chain)
        let lines = try Self.mermaid(model, options: RenderOptions(format: .mermaid, view: .sequence, sequenceDepthLimit: 5))
        // orders' calls are depth 0; s0…s4 are reached; s4's calls are at the limit.
        #expect(lines.contains("participant p_s4 as s4"))
        #expect(!lines.contains("participant p_s5 as s5"))
        #expect(lines.contains("Note over p_s4: 1 further calls not drawn #40;depth limit 5#41;"))
    }

    @Test("exponential fan-out is cut at the message limit, keeping activations balanced")
    func fanOut() throws {
        // Ten levels where every service calls both services of the next level: 2^11 calls without a limit.
        var extra: [Component] = []
        for level in 0..<10 {
            for side in ["a", "b"] {
                extra.append(component("\(side)\(level)", calls: level < 9 ? [call("a\(level + 1)"), call("b\(level + 1)")] : []))
            }
        }
        let model = Self.model(orders: [call("a0"), call("b0")], extra: extra)
        let options = RenderOptions(format: .mermaid, view: .sequence, sequenceDepthLimit: 20, sequenceMessageLimit: 100)
        let lines = try Self.mermaid(model, options: options)
        let requests = lines.filter { $0.contains("->>+") }.count
        let replies = lines.filter { $0.contains("-->>-") }.count
        #expect(requests == 100)
        #expect(replies == requests)
        #expect(lines.contains("Note over p_gateway: diagram cut short after 100 messages"))
    }

    @Test("the sequence view needs a flow; an unknown flow lists the flows there are")
    func flowSelection() {
        let model = Self.model(orders: [])
        #expect(DiagramRenderer.render(model, options: RenderOptions(view: .sequence, flow: "nope")) == .failure(.unknownFlow("nope", available: ["checkout"])))
        var empty = model
        empty.flows = []
        #expect(DiagramRenderer.render(empty, options: RenderOptions(view: .sequence)) == .failure(.noFlows))
        #expect((try? DiagramRenderer.render(empty, options: RenderOptions(view: .system)).get()) != nil)
    }
}

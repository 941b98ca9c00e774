import Foundation
import LintelModel
@testable import LintelRender
import Testing

@Suite("The system and context views draw what the model says")
struct SystemViewTests {
    static func lines(_ model: Model, _ options: RenderOptions = RenderOptions()) throws -> [String] {
        try DiagramRenderer.render(model, options: options).get().split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    @Test("calls carry protocol, timeout and attempts; sync solid, async dashed; topics deliver to consumers")
    func orderSystemEdges() throws {
        // Straight from examples/order-system.yaml: orders → inventory is grpc, 300ms, 2 retries (3 attempts).
        let lines = try Self.lines(try loadExample("order-system.yaml"))
        #expect(lines.contains("c_orders -->|\"grpc 300ms ×3\"| c_inventory"))
        #expect(lines.contains("c_orders -->|\"sql 200ms 3/req\"| c_orders_db"))
        #expect(lines.contains("c_payments -->|\"https 2s ×2\"| c_card_processor"))
        #expect(lines.contains("c_orders -.-> c_order_events"))
        #expect(lines.contains("c_order_events -.->|\"delivers\"| c_shipping"))
        #expect(lines.contains("x_internet ==> c_gateway"))
        #expect(lines.contains("x_internet ==> c_cdn"))
        #expect(!lines.contains("x_internet ==> c_orders"), "orders is not public")
    }

    @Test("shapes follow kinds in both languages")
    func shapes() throws {
        let model = try loadExample("order-system.yaml")
        let mermaid = try Self.lines(model)
        #expect(mermaid.contains { $0.hasPrefix("c_orders_db[(\"orders-db") }, "database: cylinder")
        #expect(mermaid.contains { $0.hasPrefix("c_gateway{{\"gateway") }, "gateway: hexagon")
        #expect(mermaid.contains { $0.hasPrefix("c_order_events>\"order-events") }, "topic: flag")
        #expect(mermaid.contains { $0.hasPrefix("c_cache([\"cache") }, "cache: stadium")
        #expect(mermaid.contains { $0.hasPrefix("c_card_processor(\"card-processor") }, "external: rounded")
        let dot = try Self.lines(model, RenderOptions(format: .dot))
        #expect(dot.contains { $0.hasPrefix("c_orders_db [") && $0.contains("shape=cylinder") })
        #expect(dot.contains { $0.hasPrefix("c_gateway [") && $0.contains("shape=hexagon") })
        #expect(dot.contains { $0.hasPrefix("c_order_events [") && $0.contains("shape=cds") })
        #expect(dot.contains { $0.hasPrefix("c_card_processor [") && $0.contains("dashed") })
        #expect(dot.contains("c_orders -> c_order_events [style=dashed];"))
    }

    @Test("grouping by context uses each component's context, else the context whose entities it stores")
    func contextGrouping() throws {
        let lines = try Self.lines(try loadExample("order-system.yaml"), RenderOptions(grouping: .context))
        func members(of title: String) throws -> [String] {
            let start = try #require(lines.firstIndex { $0.hasPrefix("subgraph") && $0.hasSuffix("[\"\(title)\"]") })
            let end = try #require(lines[start...].firstIndex(of: "end"))
            return lines[(start + 1)..<end].map { String($0.prefix { $0 != "[" && $0 != "(" && $0 != "{" && $0 != ">" }) }
        }
        // orders-db stores Order and OrderLine (ordering); customers-db stores Customer (customers).
        #expect(try members(of: "ordering") == ["c_orders", "c_payments", "c_shipping", "c_orders_db"])
        #expect(try members(of: "customers") == ["c_customers", "c_customers_db"])
        #expect(try members(of: "catalog") == ["c_catalog", "c_inventory", "c_catalog_db"])
        // gateway, cdn, cache, card-processor, order-events belong to no context: drawn outside the clusters.
        let firstSubgraph = try #require(lines.firstIndex { $0.hasPrefix("subgraph") })
        #expect(lines[..<firstSubgraph].contains { $0.hasPrefix("c_gateway{{") })
    }

    @Test("the context view shows users, the system and its external systems with the protocols used")
    func contextView() throws {
        let lines = try Self.lines(try loadExample("order-system.yaml"), RenderOptions(view: .context))
        #expect(lines.contains("x_internet ==>|\"via cdn, gateway\"| x_system"))
        #expect(lines.contains("x_system -->|\"https\"| c_card_processor"))
        #expect(lines.contains("x_system[\"shop<br/>13 components<br/>Online shop taking orders, reserving stock and charging cards.\"]"))
    }

    @Test("the findings overlay colours by worst severity and lists rule ids; the load overlay adds rate and utilisation")
    func overlays() throws {
        let model = try loadExample("order-system.yaml")
        let overlay = DiagramOverlay(
            findings: ["orders": ComponentFindings(worst: .error, rules: ["retry-storm", "no-timeout", "retry-storm", "a", "b"]),
                       "cache": ComponentFindings(worst: .warning, rules: ["single-point-of-failure"])],
            load: ["orders": ComponentLoad(rate: 27.7778, utilisation: 0.4123), "cache": ComponentLoad(rate: 500, utilisation: nil)])
        let mermaid = try Self.lines(model, RenderOptions(overlay: overlay))
        #expect(mermaid.contains("c_orders[\"orders<br/>service ×4<br/>27.78/s ρ 41.2#37;<br/>error#58; a, b, no-timeout +1\"]"))
        #expect(mermaid.contains("c_cache([\"cache<br/>redis ×2 +1 replica<br/>500/s ρ n/a<br/>warning#58; single-point-of-failure\"])"))
        #expect(mermaid.contains("class c_orders error"))
        #expect(mermaid.contains("class c_cache warning"))
        // Components without findings are drawn clean (green) when the overlay is on.
        #expect(mermaid.contains { $0.hasPrefix("class ") && $0.contains("c_gateway") && $0.hasSuffix(" clean") })
        let dot = try Self.lines(model, RenderOptions(format: .dot, overlay: overlay))
        #expect(dot.contains { $0.hasPrefix("c_orders [") && $0.contains("fillcolor=\"#f8d7da\"") })
        #expect(dot.contains { $0.hasPrefix("c_cache [") && $0.contains("fillcolor=\"#fff3cd\"") })
        #expect(dot.contains { $0.hasPrefix("c_gateway [") && $0.contains("fillcolor=\"#d4edda\"") })
    }
}

@Suite("Graphviz runner")
struct GraphvizRunnerTests {
    @Test("without dot on PATH the runner says how to install Graphviz")
    func notInstalled() {
        #expect(GraphvizRunner.locate(path: "/nonexistent:/also-missing") == nil)
        let result = GraphvizRunner.run("digraph { a -> b }", executable: nil)
        #expect(result == .failure(.notInstalled))
        let message = GraphvizRunner.Failure.notInstalled.description
        #expect(message.contains("apt-get install graphviz") && message.contains("brew install graphviz"))
    }

    @Test("dot turns DOT into SVG and reports syntax errors as failures")
    func runs() throws {
        let executable = try requireDot()
        let svg = try GraphvizRunner.run("digraph { a -> b }", executable: executable).get()
        #expect(String(decoding: svg.data, as: UTF8.self).contains("<svg"))
        guard case .failure(.failed(let status, let stderr)) = GraphvizRunner.run("digraph { a -> ", executable: executable) else {
            Issue.record("broken DOT was accepted")
            return
        }
        #expect(status != 0)
        #expect(stderr.contains("syntax error"))
    }
}

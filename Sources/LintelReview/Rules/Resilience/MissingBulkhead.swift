import LintelCapacity
import LintelModel

/// Critical and best-effort work share one worker pool.
public struct MissingBulkhead: Rule {
    public static let description = RuleDescription(
        id: "missing-bulkhead", title: "No bulkhead between critical and best-effort calls", category: .resilience, severity: .warning,
        rationale: "When one component serves a critical flow (checkout) and a best-effort one (browsing, recommendations) from the same worker pool, a slow dependency of the best-effort flow ties up every worker waiting on it and the critical flow starves too (Nygard's bulkhead pattern). By Little's law a slow callee holds λ × timeout × attempts workers; only when that reaches the pool (or no timeout bounds it) is the finding reported.",
        remedy: "Give the calls only best-effort flows make a `bulkhead` (a cap on concurrent calls, well below the caller's workers), or serve the two flows from separate instances.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway:
                kind: gateway
                workers: 40
                calls:
                  - { to: orders, timeout: 1s }
                  - { to: recommendations, timeout: 1s }
              orders: { kind: service }
              recommendations: { kind: service }
            flows:
              checkout: { entry: gateway, route: [orders], rate: 10/s }
              suggest: { entry: gateway, route: [recommendations], rate: 50/s, critical: false }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway:
                kind: gateway
                workers: 40
                calls:
                  - { to: orders, timeout: 1s }
                  - { to: recommendations, timeout: 1s, retries: 1 }
              orders: { kind: service }
              recommendations: { kind: service }
            flows:
              checkout: { entry: gateway, route: [orders], rate: 10/s }
              suggest: { entry: gateway, route: [recommendations], rate: 30/s, critical: false }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway:
                kind: gateway
                workers: 40
                calls:
                  - { to: orders, timeout: 1s }
                  - { to: recommendations, timeout: 500ms }
              orders: { kind: service }
              recommendations: { kind: service }
            flows:
              checkout: { entry: gateway, route: [orders], rate: 10/s }
              suggest: { entry: gateway, route: [recommendations], rate: 20/s, critical: false }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway:
                kind: gateway
                calls:
                  - { to: orders, timeout: 1s }
                  - { to: recommendations, timeout: 1s, bulkhead: 50 }
              orders: { kind: service }
              recommendations: { kind: service }
            flows:
              checkout: { entry: gateway, route: [orders], rate: 10/s }
              suggest: { entry: gateway, route: [recommendations], rate: 50/s, critical: false }
            """)])

    public init() {}

    static let critical: UInt8 = 1
    static let bestEffort: UInt8 = 2

    public func check(_ context: ReviewContext) -> [Finding] {
        // Which kinds of flow reach each component and make each call, read from the resolved flows:
        // a call is made by a flow when the flow puts load on its edge.
        var nodeUse = [UInt8](repeating: 0, count: context.components.count)
        var callUse = context.components.map { [UInt8](repeating: 0, count: $0.calls.count) }
        // Best-effort calls per second on each call, at the flows' peak.
        var bestEffortRate = context.components.map { [Double](repeating: 0, count: $0.calls.count) }
        for flow in context.semantics.flows {
            let model = context.model.flows[flow.index]
            let bit = model.critical ? Self.critical : Self.bestEffort
            let flowRate = max(model.rate.perSecond, model.peak.perSecond)
            for node in flow.reachable { nodeUse[node] |= bit }
            for entry in flow.unitEdgeRates where entry.rate > 0 {
                let edge = context.graph.edges[entry.edge]
                if let call = edge.callIndex {
                    callUse[edge.source][call] |= bit
                    if bit == Self.bestEffort, entry.rate.isFinite, flowRate.isFinite { bestEffortRate[edge.source][call] += entry.rate * flowRate }
                }
            }
        }
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() where nodeUse[index] == Self.critical | Self.bestEffort {
            let use = callUse[index]
            guard use.contains(where: { $0 & Self.critical != 0 }) else { continue }
            let criticalFlows = context.flowsReaching[index].filter { context.model.flows[$0].critical }.map { context.model.flows[$0].name }
            for (position, call) in component.calls.enumerated()
            where use[position] == Self.bestEffort && call.mode == .sync && call.bulkhead == nil && !Self.isDatastore(call.to, context) {
                // Little's law: a slow callee holds λ × timeout × attempts workers. Below the pool, it cannot starve the critical flow.
                let attempts = Double(call.retries) + 1
                let held = call.timeout.map { bestEffortRate[index][position] * $0.seconds * attempts }
                if let held, held.isFinite, held < Double(component.servers) { continue }
                let workers = Figure(Double(component.servers), .count, "workers = instances × workers")
                let heldFigure = held.map { Figure($0, .count, "held workers = λ × timeout × attempts (Little's law), against \(component.servers) workers") }
                let heldText = heldFigure.map { "up to \(Figures.text($0)) of " } ?? "(no timeout bounds them) all "
                let text = "\(component.name) serves critical flow\(criticalFlows.count == 1 ? "" : "s") \(criticalFlows.joined(separator: ", ")) "
                    + "from the same \(Figures.text(workers)) workers, \(heldText)which best-effort calls to \(call.to) hold when it is slow, with no bulkhead"
                let figures = (heldFigure.map { [$0] } ?? []) + [workers]
                let cap = max(1, component.servers / 4)
                findings.append(finding(text, components: [component.name, call.to], at: call.location,
                                        remedy: Self.description.remedy + " For example `bulkhead: \(cap)` (a quarter of the \(component.servers) workers).",
                                        figures: figures))
            }
        }
        return findings
    }

    /// Calls to the component's own datastores are part of its work, not a separate dependency to isolate.
    static func isDatastore(_ name: String, _ context: ReviewContext) -> Bool {
        guard let index = context.index[name] else { return false }
        return context.component(index).kind.isDatastore
    }
}

import LintelModel

/// Critical and best-effort work share one worker pool.
public struct MissingBulkhead: Rule {
    public static let description = RuleDescription(
        id: "missing-bulkhead", title: "No bulkhead between critical and best-effort calls", category: .resilience, severity: .warning,
        rationale: "When one component serves a critical flow (checkout) and a best-effort one (browsing, recommendations) from the same worker pool, a slow dependency of the best-effort flow ties up every worker waiting on it and the critical flow starves too (Nygard's bulkhead pattern).",
        remedy: "Give the calls only best-effort flows make a `bulkhead` (a cap on concurrent calls, well below the caller's workers), or serve the two flows from separate instances.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway:
                kind: gateway
                calls:
                  - { to: orders, timeout: 1s }
                  - { to: recommendations, timeout: 1s }
              orders: { kind: service }
              recommendations: { kind: service }
            flows:
              checkout: { entry: gateway, route: [orders], rate: 10/s }
              suggest: { entry: gateway, route: [recommendations], rate: 50/s, critical: false }
            """)],
        nonTriggering: [RuleExample("""
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
        for flow in context.semantics.flows {
            let bit = context.model.flows[flow.index].critical ? Self.critical : Self.bestEffort
            for node in flow.reachable { nodeUse[node] |= bit }
            for entry in flow.unitEdgeRates where entry.rate > 0 {
                let edge = context.graph.edges[entry.edge]
                if let call = edge.callIndex { callUse[edge.source][call] |= bit }
            }
        }
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() where nodeUse[index] == Self.critical | Self.bestEffort {
            let use = callUse[index]
            guard use.contains(where: { $0 & Self.critical != 0 }) else { continue }
            let criticalFlows = context.flowsReaching[index].filter { context.model.flows[$0].critical }.map { context.model.flows[$0].name }
            for (position, call) in component.calls.enumerated()
            where use[position] == Self.bestEffort && call.mode == .sync && call.bulkhead == nil && !Self.isDatastore(call.to, context) {
                let text = "\(component.name) serves critical flow\(criticalFlows.count == 1 ? "" : "s") \(criticalFlows.joined(separator: ", ")) "
                    + "from the same \(component.servers) workers that wait on best-effort calls to \(call.to), with no bulkhead"
                findings.append(finding(text, components: [component.name, call.to], at: call.location))
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

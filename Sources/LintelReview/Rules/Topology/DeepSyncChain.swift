import LintelCapacity
import LintelModel

/// A synchronous call chain longer than the threshold.
public struct DeepSyncChain: Rule {
    public static let description = RuleDescription(
        id: "deep-sync-chain", title: "Synchronous chain too deep", category: .topology, severity: .warning,
        rationale: "Every synchronous hop adds its latency, multiplies the failure probability and holds a worker in every caller above it. Beyond five components in one chain (entry included) latency budgets and timeouts can no longer be set sensibly, and the chain fails as often as all its members together.",
        remedy: "Flatten the chain: let the entry call the services it needs directly, replicate the data a deep callee provides (events, a read model), or make the lower part asynchronous.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              a: { kind: service, calls: [ { to: b, timeout: 2s } ] }
              b: { kind: service, calls: [ { to: c, timeout: 1s } ] }
              c: { kind: service, calls: [ { to: d, timeout: 500ms } ] }
              d: { kind: service, calls: [ { to: e, timeout: 300ms } ] }
              e: { kind: service, calls: [ { to: f, timeout: 200ms } ] }
              f: { kind: service }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              a: { kind: service, calls: [ { to: b, timeout: 2s } ] }
              b: { kind: service, calls: [ { to: c, timeout: 1s } ] }
              c: { kind: service, calls: [ { to: d, timeout: 500ms } ] }
              d: { kind: service, calls: [ { to: e, timeout: 300ms } ] }
              e: { kind: service }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        let limit = context.options.maxSyncDepth
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated()
        where context.graph.syncCallers[index].isEmpty && context.analysis.depth[index] > limit {
            let chain = context.analysis.chain(from: index)
            let figures = [Figure(Double(chain.count), .count, "components on the longest synchronous chain from \(component.name)"),
                           Figure(Double(limit), .count, "review option: the deepest synchronous chain allowed")]
            let text = "synchronous chain of \(Figures.text(figures[0])) components (limit \(Figures.text(figures[1]))): \(context.pathText(chain))"
            let call = context.calls(of: index).first { $0.edge.target == chain[1] && $0.edge.waitsForAnswer }
            findings.append(finding(text, components: context.names(chain), at: call?.call.location ?? component.location, figures: figures))
        }
        return findings
    }
}

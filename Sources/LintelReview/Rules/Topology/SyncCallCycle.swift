import LintelCapacity
import LintelModel

/// Components that call each other synchronously, directly or through others.
public struct SyncCallCycle: Rule {
    public static let description = RuleDescription(
        id: "sync-call-cycle", title: "Synchronous call cycle", category: .topology, severity: .error,
        rationale: "When A waits on B while B (directly or through others) waits on A, every request holds a worker on each side. Under load the pools drain each other and the cycle deadlocks; no component can be deployed or scaled independently.",
        remedy: "Break the cycle: move the shared logic into one owner, replace one direction with an event (async publish), or have the caller pass the data the callee asks back for.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              orders: { kind: service, calls: [ { to: billing, timeout: 1s } ] }
              billing: { kind: service, calls: [ { to: orders, timeout: 1s } ] }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              orders: { kind: service, calls: [ { to: billing, timeout: 1s } ], publishes: [order-events] }
              billing: { kind: service, consumes: [order-events] }
              order-events: { kind: topic, dead_letter: true }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        context.analysis.cycles.map { members in
            let subject = members[0]
            let memberSet = Set(members)
            let call = context.calls(of: subject).first { $0.edge.waitsForAnswer && memberSet.contains($0.edge.target) }
            let location = call?.call.location ?? context.component(subject).location
            let size = Figure(Double(members.count), .count, "components in the strongly connected set of synchronous calls")
            let text = members.count == 1
                ? "\(context.component(subject).name) calls itself synchronously"
                : "synchronous call cycle between \(context.names(members).joined(separator: ", ")) (\(Figures.text(size)) components)"
            return finding(text, components: context.names(members), at: location, figures: members.count == 1 ? [] : [size])
        }
    }
}

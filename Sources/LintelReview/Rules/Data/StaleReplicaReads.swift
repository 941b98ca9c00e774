import LintelCapacity
import LintelModel

/// Reads served by a lagging replica where the flow needs to see its own writes.
public struct StaleReplicaReads: Rule {
    public static let description = RuleDescription(
        id: "stale-replica-reads", title: "Replica reads on a flow that needs read-your-writes", category: .data, severity: .warning,
        rationale: "Asynchronous replicas lag the primary by milliseconds to minutes. A flow that writes and then reads through a replica — under `consistency: strong` or `read-your-writes` — shows the user the state before their own change (the booking they just made is missing).",
        remedy: "Read from the primary after a write (session stickiness for a few seconds, or route that flow's reads to the primary), or use synchronous replication for it; keep replicas for reports and listings that tolerate lag.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { consistency: read-your-writes }
            components:
              web:
                kind: service
                calls:
                  - { to: primary, timeout: 1s, operation: read-write }
                  - { to: replica, timeout: 1s, operation: read }
              primary: { kind: postgres, replicas: 1, backups: daily }
              replica: { kind: postgres, backups: none }
            flows:
              book: { entry: web, rate: 10/s }
            """), RuleExample("""
            lintel: 1
            system: demo
            requirements: { consistency: strong }
            components:
              web: { kind: service, calls: [ { to: db, timeout: 1s } ] }
              db: { kind: postgres, replicas: 2, read_from_replicas: true, backups: daily }
            flows:
              book: { entry: web, rate: 10/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { consistency: eventual }
            components:
              web:
                kind: service
                calls:
                  - { to: primary, timeout: 1s, operation: read-write }
                  - { to: replica, timeout: 1s, operation: read }
              primary: { kind: postgres, replicas: 1, backups: daily }
              replica: { kind: postgres, backups: none }
            flows:
              book: { entry: web, rate: 10/s }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, store) in context.components.enumerated() where store.kind.category == .database {
            let strictFlows = context.flowsReaching[index].filter { flow in
                let consistency = context.model.flows[flow].consistency ?? context.model.requirements.consistency
                return consistency == .strong || consistency == .readYourWrites
            }
            guard let first = strictFlows.first else { continue }
            let flow = context.model.flows[first]
            let consistency = (flow.consistency ?? context.model.requirements.consistency)?.rawValue ?? "strong"
            if store.readFromReplicas && store.replicas > 0 {
                let replicas = Figure(Double(store.replicas), .count, "given: \(store.name).replicas")
                let text = "\(store.name) serves reads from \(Figures.text(replicas)) replica\(store.replicas == 1 ? "" : "s") but flow \(flow.name) needs \(consistency) consistency"
                findings.append(finding(text, components: [store.name], flow: flow.name, at: store.location(of: "read_from_replicas"), figures: [replicas]))
                continue
            }
            // A store only read from, by a caller that writes to another store of the same kind: a read replica.
            guard MissingBackups.isReadOnly(index, context) else { continue }
            for caller in context.graph.callers[index] {
                let component = context.component(caller)
                let writesElsewhere = component.calls.contains { call in
                    guard call.to != store.name, call.operation != .read, let target = context.index[call.to] else { return false }
                    return context.component(target).kind == store.kind
                }
                guard writesElsewhere, let call = component.calls.first(where: { $0.to == store.name }) else { continue }
                let text = "\(component.name) writes to the primary but reads from \(store.name), a replica that lags it, while flow \(flow.name) needs \(consistency) consistency"
                findings.append(finding(text, components: [store.name, component.name], flow: flow.name, at: call.location))
            }
        }
        return findings
    }
}

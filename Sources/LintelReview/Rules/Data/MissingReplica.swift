import LintelCapacity
import Foundation
import LintelModel

/// A store whose single copy cannot meet the availability the flows need.
public struct MissingReplica: Rule {
    public static let description = RuleDescription(
        id: "missing-replica", title: "No replica where the SLO needs one", category: .data, severity: .error,
        rationale: "A single database instance is down for every failover, upgrade and host failure; its availability alone (99.9% for self-run software) caps the availability of every flow that needs it. When that is below a flow's objective, the objective cannot be met without a standby. A store on a critical flow is reported once, as a single point of failure.",
        remedy: "Add `replicas: 1` (a standby with automatic failover) or use a managed multi-zone offering and state its availability.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { slo: { availability: 99.95% } }
            components:
              api: { kind: service, instances: 3, calls: [ { to: db, timeout: 200ms } ] }
              db: { kind: postgres, backups: daily }
            flows:
              main: { entry: api, rate: 10/s, critical: false, slo: { availability: 99.95% } }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { slo: { availability: 99.95% } }
            components:
              api: { kind: service, instances: 3, calls: [ { to: db, timeout: 200ms } ] }
              db: { kind: postgres, replicas: 1, backups: daily }
            flows:
              main: { entry: api, rate: 10/s }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        // Per component, the strictest availability objective among the flows that cannot do without it.
        var objectives = [Double?](repeating: nil, count: context.components.count)
        for flow in context.semantics.flows {
            guard let target = flow.slo?.availability else { continue }
            for node in flow.hardDependencies { objectives[node] = max(objectives[node] ?? 0, target) }
        }
        // A store already reported as a single point of failure is reported once, there.
        let singlePoints = Set(SinglePointOfFailure().check(context).compactMap(\.components.first))
        var findings: [Finding] = []
        for (index, store) in context.components.enumerated() where store.kind.isDatastore && store.replicas == 0 {
            guard let objective = objectives[index], !singlePoints.contains(store.name) else { continue }
            // Capacity counts a store's copies as 1 + replicas: without a replica it is available `availability`.
            let alone = store.availability
            guard alone < objective - 1e-12 else { continue }
            let figures = [Figure(alone, .fraction, "availability of one copy (given: \(store.name).availability; replicas 0)"),
                           Figure(objective, .fraction, "the highest availability objective of the flows that need \(store.name)")]
            let text = "\(store.name) has no replica: alone it is available \(Figures.text(figures[0])), below the \(Figures.text(figures[1])) objective of the flows that need it"
            findings.append(finding(text, components: [store.name], at: store.location(of: "replicas"), figures: figures))
        }
        return findings
    }
}

import LintelCapacity
import LintelModel

/// Replicated workloads that voluntary evictions may take down all at once.
public struct MissingDisruptionBudget: Rule {
    public static let description = RuleDescription(
        id: "missing-disruption-budget", title: "No disruption budget for a replicated workload", category: .operability, severity: .warning,
        rationale: "Without a PodDisruptionBudget a node drain (cluster upgrade, autoscaler scale-down) may evict every instance of a service at once: the redundancy the model counts on disappears exactly during maintenance. Reported where the model says there is none (`disruption_budget: false`, as Kubernetes imports state).",
        remedy: "Add a PodDisruptionBudget (`maxUnavailable: 1` or `minAvailable: n−1`) and state `disruption_budget: true`.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 3, health_check: /healthz, disruption_budget: false }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 3, health_check: /healthz, disruption_budget: true }
              job: { kind: worker, instances: 1, disruption_budget: false }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for component in context.components where component.disruptionBudget == false {
            let copies = max(component.instances, component.autoscale?.min ?? 0)
            guard copies >= 2 || component.kind.isStateful else { continue }
            let figure = Figure(Double(copies), .count, "instances = max(instances, autoscale.min)")
            let text = "\(component.name) runs \(Figures.text(figure)) instance\(copies == 1 ? "" : "s") with no disruption budget; a node drain may evict them all at once"
            findings.append(finding(text, components: [component.name], at: component.location(of: "disruption_budget"), figures: [figure]))
        }
        return findings
    }
}

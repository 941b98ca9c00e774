import LintelModel

/// A container with no CPU or memory limit.
public struct MissingResourceLimits: Rule {
    public static let description = RuleDescription(
        id: "missing-resource-limits", title: "Missing resource limits", category: .operability, severity: .warning,
        rationale: "A container without CPU and memory limits can take its node's resources when it leaks or spins: its neighbours are starved or OOM-killed, and the scheduler cannot place work reliably. Reported for models imported from deployment files (except load generators shipped with them), and for components that state `resources` without limits.",
        remedy: "Set `resources` with `cpu_limit` and `memory_limit` (in the manifest: `resources.limits`), close to the measured peak plus headroom.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, resources: { cpu: 500m, memory: 512Mi } }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, resources: { cpu: 500m, memory: 512Mi, cpu_limit: 1, memory_limit: 1Gi } }
              worker: { kind: worker }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.4, resources: { cpu_limit: 1, memory_limit: 512Mi } }
              user-sim: { kind: service, image: "weaveworksdemos/load-test:0.1.1" }
            """, importedFrom: .compose)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for component in context.components where component.resources?.hasLimits != true {
            let runsContainer = component.kind.category != .external && component.kind.category != .channel
                && component.kind != .cdn && component.kind != .dynamodb && component.kind != .function
            guard runsContainer, !context.isTestClient(component),
                  component.resources != nil || (context.isImported && component.image != nil) else { continue }
            let text = "\(component.name) runs without CPU or memory limits"
            findings.append(finding(text, components: [component.name], at: component.location(of: component.resources != nil ? "resources" : "image")))
        }
        return findings
    }
}

import LintelCapacity
import LintelModel

/// A component calling too many others synchronously.
public struct ExcessiveFanOut: Rule {
    public static let description = RuleDescription(
        id: "excessive-fan-out", title: "Excessive synchronous fan-out", category: .topology, severity: .warning,
        rationale: "A request that needs answers from many components is only as available as all of them together and only as fast as the slowest; with n dependencies at 99.9% each, one request in a thousand per dependency fails. More than six distinct synchronous dependencies usually means an orchestrator that knows too much.",
        remedy: "Group the dependencies behind fewer services, precompute the aggregate (a read model fed by events), or mark the calls that have fallbacks `optional` and run independent ones in `parallel`.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              bff:
                kind: service
                calls:
                  - { to: s1, timeout: 1s }
                  - { to: s2, timeout: 1s }
                  - { to: s3, timeout: 1s }
                  - { to: s4, timeout: 1s }
                  - { to: s5, timeout: 1s }
                  - { to: s6, timeout: 1s }
                  - { to: s7, timeout: 1s }
              s1: { kind: service }
              s2: { kind: service }
              s3: { kind: service }
              s4: { kind: service }
              s5: { kind: service }
              s6: { kind: service }
              s7: { kind: service }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              bff:
                kind: service
                calls:
                  - { to: s1, timeout: 1s }
                  - { to: s2, timeout: 1s }
                  - { to: s3, timeout: 1s }
              s1: { kind: service }
              s2: { kind: service }
              s3: { kind: service }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        let limit = context.options.maxFanOut
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() where component.calls.count > limit {
            // In an imported deployment a worker role's stores are its configuration, not a request's fan-out:
            // only the services it calls count there.
            let targets = context.syncTargets(of: index).filter { !context.isImported || context.component($0).kind.category == .compute }
            guard targets.count > limit else { continue }
            let figures = [Figure(Double(targets.count), .count, "distinct components \(component.name) calls synchronously"),
                           Figure(Double(limit), .count, "review option: the most synchronous callees allowed")]
            let text = "\(component.name) calls \(Figures.text(figures[0])) components synchronously (limit \(Figures.text(figures[1])))"
            findings.append(finding(text, components: [component.name] + context.names(targets), at: component.location(of: "calls"), figures: figures))
        }
        return findings
    }
}

import LintelCapacity
import LintelModel

/// A component busier than the threshold at peak.
public struct HighUtilisation: Rule {
    public static let description = RuleDescription(
        id: "high-utilisation", title: "Utilisation at peak above the threshold", category: .capacity, severity: .warning,
        rationale: "Queueing delay grows as ρ/(1 − ρ): above about 80% utilisation a small burst or a slow dependency doubles the wait, and there is no headroom for an instance failure or a deploy. Utilisation here is λ × holding time / (instances × workers) at every flow's peak rate, holding time including the time spent waiting on synchronous calls.",
        remedy: "Add instances (the capacity report gives the count for the target utilisation), add workers if the instance has spare CPU, or cut the holding time (faster calls, caching, async).",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 2, workers: 10, latency: { p50: 50ms, p99: 50ms, distribution: constant } }
            flows:
              main: { entry: api, rate: 100/s, peak: 350/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 4, workers: 10, latency: { p50: 50ms, p99: 50ms, distribution: constant } }
            flows:
              main: { entry: api, rate: 100/s, peak: 350/s }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        let threshold = context.options.utilisationThreshold
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() {
            guard let row = context.capacity(of: index), !row.saturated, let rho = row.utilisation.value,
                  rho > threshold, rho < 1 else { continue }
            let needed = Self.instancesNeeded(row, component)
            let target = Figure(context.capacity.options.targetUtilisation, .fraction, "capacity option: target utilisation")
            let text = "\(component.name) runs at \(Figures.text(row.utilisation)) utilisation at peak (\(row.utilisation.formula), λ \(Figures.text(row.arrival))); "
                + "\(Figures.text(needed)) instance\(row.instancesNeeded == 1 ? "" : "s") needed for \(Figures.text(target))"
            findings.append(finding(text, components: [component.name], at: component.location(of: "instances"),
                                    figures: [row.utilisation, row.arrival, needed, target]))
        }
        return findings
    }

    /// The capacity report's instance count as the figure it came from: the count for the target utilisation
    /// or for the latency objective, whichever is larger, or the instances already running when they suffice.
    static func instancesNeeded(_ row: ComponentCapacity, _ component: Component) -> Figure {
        let needed = Double(row.instancesNeeded)
        if row.instancesForUtilisation.value == needed { return row.instancesForUtilisation }
        if row.instancesForLatency.value == needed { return row.instancesForLatency }
        return Figure(needed, .count, "given: \(component.name).instances (already enough)")
    }
}

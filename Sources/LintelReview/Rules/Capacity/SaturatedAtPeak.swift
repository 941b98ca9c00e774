import LintelCapacity
import LintelModel

/// A component that cannot keep up with the peak at all.
public struct SaturatedAtPeak: Rule {
    public static let description = RuleDescription(
        id: "saturated-at-peak", title: "Saturated at peak", category: .capacity, severity: .error,
        rationale: "At or above 100% utilisation arrivals outpace service: the queue grows without bound for as long as the peak lasts, latency climbs until callers time out, and their retries add more load (the start of a metastable failure). A partitioned topic or queue is reported by `partition-throughput-exceeded` and a pure consumer by `consumer-lag` instead.",
        remedy: "Add instances or workers to at least the count the capacity report gives, shorten the holding time, or shed load at the entry (`rate_limit`).",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 1, workers: 4, latency: { p50: 100ms, p99: 100ms, distribution: constant } }
            flows:
              main: { entry: api, rate: 10/s, peak: 50/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 2, workers: 16, latency: { p50: 100ms, p99: 100ms, distribution: constant } }
            flows:
              main: { entry: api, rate: 10/s, peak: 50/s }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() {
            guard let row = context.capacity(of: index), row.saturated || (row.utilisation.value ?? 0) >= 1 else { continue }
            // A partitioned topic or queue serves with its partitions (semantics 6): its overload is reported by
            // partition-throughput-exceeded, with the partitions needed.
            if row.scalesBy == "partitions" { continue }
            // A pure consumer's overload is a growing backlog, reported by consumer-lag.
            if context.graph.callers[index].isEmpty, !context.graph.consumed[index].isEmpty { continue }
            let rho = row.utilisation.value == nil ? "over 100%" : Figures.text(row.utilisation)
            let needed = Self.instancesNeeded(row, component)
            let text = "\(component.name) is saturated at peak: utilisation \(rho) (\(row.utilisation.formula)); at least \(Figures.text(needed)) instances needed"
            findings.append(finding(text, components: [component.name], at: component.location(of: "instances"), figures: [row.utilisation, needed]))
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

import LintelCapacity
import LintelModel

/// A flow's p99 latency budget exceeds its objective.
public struct LatencyAboveSLO: Rule {
    public static let description = RuleDescription(
        id: "latency-above-slo", title: "p99 latency budget above the SLO", category: .slo, severity: .warning,
        rationale: "Along the critical path p99 latencies (service plus queueing at peak) add up; parallel groups take their slowest call. When the sum exceeds the flow's p99 objective, the SLO is missed at peak even when nothing fails.",
        remedy: "Shorten the critical path: run independent calls in `parallel`, cache the slowest lookups, move work off the request path, or add capacity where queueing dominates.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { slo: { latency_p99: 100ms } }
            components:
              api: { kind: service, instances: 4, latency: { p50: 10ms, p99: 40ms }, calls: [ { to: search, timeout: 500ms } ] }
              search: { kind: service, instances: 4, latency: { p50: 30ms, p99: 150ms } }
            flows:
              main: { entry: api, rate: 10/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { slo: { latency_p99: 300ms } }
            components:
              api: { kind: service, instances: 4, latency: { p50: 10ms, p99: 40ms }, calls: [ { to: search, timeout: 500ms } ] }
              search: { kind: service, instances: 4, latency: { p50: 30ms, p99: 150ms } }
            flows:
              main: { entry: api, rate: 10/s }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        var findings: [Finding] = []
        for (position, report) in context.capacity.flows.enumerated() where report.meetsLatency == false {
            guard position < context.model.flows.count, let objective = report.latencyObjective else { continue }
            let flow = context.model.flows[position]
            let budget = report.latencyP99.value == nil ? "unbounded (a component on it is saturated)" : Figures.text(report.latencyP99)
            let objectiveFigure = Figure(objective, .seconds, "given: the flow's slo.latency_p99 (or requirements.slo)")
            var text = "flow \(flow.name) p99 at peak is \(budget) along \(report.criticalPath.joined(separator: " → ")), above its \(Figures.text(objectiveFigure)) objective"
            var figures = [report.latencyP99, objectiveFigure]
            var remedy: String?
            if let floor = report.latencyP99Unloaded.value, floor > objective, let slowest = Self.slowest(report.criticalPath, context) {
                // Instances remove queueing only: when the service times alone exceed the objective, no scaling reaches it.
                let own = Figure(slowest.p99, .seconds, "given: \(slowest.name)'s latency (its fitted service time's p99, no queueing)")
                text += "; no scaling reaches it: with no queueing at all the p99 is \(Figures.text(report.latencyP99Unloaded)), "
                    + "and \(slowest.name)'s own p99 of \(Figures.text(own)) is the largest on the path"
                figures += [report.latencyP99Unloaded, own]
                let external = context.index[slowest.name].map { context.components[$0].kind == .external } ?? false
                let faster = external ? "take \(slowest.name), an external dependency, off the request path (accept the request and finish asynchronously)"
                    : "make \(slowest.name) faster (cache it, precompute, or take it off the request path)"
                remedy = "Adding instances cannot meet this objective: \(faster), call it in `parallel` with the rest, "
                    + "or relax the objective to at least \(Figures.text(report.latencyP99Unloaded))."
            }
            let location = context.semantics.flows[position].slo?.keyLocations["latency_p99"] ?? flow.location
            findings.append(finding(text, components: [flow.entry] + report.criticalPath.filter { $0 != flow.entry }, flow: flow.name, at: location,
                                    remedy: remedy, figures: figures))
        }
        return findings
    }

    /// The component on `path` with the largest own service-time p99 (first on ties).
    static func slowest(_ path: [String], _ context: ReviewContext) -> (name: String, p99: Double)? {
        var best: (name: String, p99: Double)?
        for name in path {
            guard let node = context.index[name] else { continue }
            let p99 = context.semantics.service[node].quantile(0.99)
            if best.map({ p99 > $0.p99 }) ?? true { best = (name, p99) }
        }
        return best
    }
}

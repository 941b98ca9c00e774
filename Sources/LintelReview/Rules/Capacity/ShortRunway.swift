import LintelCapacity
import LintelModel

/// The stated traffic growth saturates a component soon.
public struct ShortRunway: Rule {
    public static let description = RuleDescription(
        id: "short-runway", title: "Capacity runway shorter than the horizon", category: .capacity, severity: .warning,
        rationale: "At the stated traffic growth the peak reaches a component's full capacity in 12 · ln(c/a) / ln(growth per year) months. A runway under six months leaves too little time to re-architect a part that cannot simply be scaled out.",
        remedy: "Plan the scale-out now: add instances, or remove the bottleneck (caching, sharding, async); re-check with `lintel capacity --months 12`.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { traffic: { average: 100/s, peak: 200/s, growth: 4x/year } }
            components:
              api: { kind: service, instances: 2, workers: 6, latency: { p50: 40ms, p99: 40ms, distribution: constant } }
            flows:
              main: { entry: api, rate: 100/s, peak: 200/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { traffic: { average: 100/s, peak: 200/s, growth: 4x/year } }
            components:
              api: { kind: service, instances: 10, workers: 10, latency: { p50: 40ms, p99: 40ms, distribution: constant } }
            flows:
              main: { entry: api, rate: 100/s, peak: 200/s }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings, let growth = context.model.requirements.traffic?.growth else { return [] }
        let horizon = context.options.runwayMonths
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() {
            guard let row = context.capacity(of: index), !row.saturated, let months = row.runwayToSaturation.value,
                  months > 0, months < horizon, row.saturationMultiple.value != nil else { continue }
            let growthFigure = Figure(growth.factorPerYear, .factor, "given: requirements.traffic.growth, per year")
            let text = "at \(Figures.text(growthFigure))/year traffic growth \(component.name) saturates in \(Figures.text(row.runwayToSaturation)) "
                + "(capacity is \(Figures.text(row.saturationMultiple)) today's peak)"
            findings.append(finding(text, components: [component.name], at: component.location(of: "instances"),
                                    figures: [row.runwayToSaturation, row.saturationMultiple, growthFigure]))
        }
        return findings
    }
}

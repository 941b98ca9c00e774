import LintelCapacity
import Foundation
import LintelModel

/// A flow's hard dependencies cannot deliver its availability objective.
public struct AvailabilityBelowSLO: Rule {
    public static let description = RuleDescription(
        id: "availability-below-slo", title: "Composite availability below the SLO", category: .slo, severity: .error,
        rationale: "A request succeeds only when every hard synchronous dependency on its path is up: availability multiplies (three at 99.9% give 99.7%), replicated parts count as 1 − Π(1 − aᵢ). When the product is below the flow's objective the SLO is missed by design, before any incident.",
        remedy: "Add instances or replicas to the weakest dependencies, make non-essential calls `optional` with a fallback, or move work off the request path (async); otherwise lower the objective honestly.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { slo: { availability: 99.95% } }
            components:
              api: { kind: service, instances: 2, calls: [ { to: a, timeout: 1s }, { to: b, timeout: 1s } ] }
              a: { kind: external, availability: 99.9% }
              b: { kind: external, availability: 99.9% }
            flows:
              main: { entry: api, rate: 10/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { slo: { availability: 99.9% } }
            components:
              api: { kind: service, instances: 2, calls: [ { to: a, timeout: 1s } ] }
              a: { kind: external, availability: 99.99% }
            flows:
              main: { entry: api, rate: 10/s }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for (position, report) in context.capacity.flows.enumerated() where report.meetsAvailability == false {
            guard position < context.model.flows.count, report.availability.value != nil,
                  let objective = report.availabilityObjective else { continue }
            let flow = context.model.flows[position]
            let objectiveFigure = Figure(objective, .fraction, "given: the flow's slo.availability (or requirements.slo)")
            let text = "flow \(flow.name) is available \(Figures.text(report.availability)) at best (\(report.availability.formula)), "
                + "below its \(Figures.text(objectiveFigure)) objective"
            let location = context.semantics.flows[position].slo?.keyLocations["availability"] ?? flow.location
            findings.append(finding(text, components: [flow.entry] + report.hardDependencies.filter { $0 != flow.entry }, flow: flow.name, at: location,
                                    figures: [report.availability, objectiveFigure]))
        }
        return findings
    }
}

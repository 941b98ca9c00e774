import Foundation
import LintelCapacity
import LintelModel

/// More requests at peak than a component's (or a third-party API's) rate limit lets through.
public struct RateLimitExceeded: Rule {
    public static let description = RuleDescription(
        id: "rate-limit-exceeded", title: "Offered load above a rate limit", category: .capacity, severity: .error,
        rationale: "A `rate_limit` rejects everything above it: when the peak arrival rate at the component — every flow's peak times the calls one of its requests makes there, the semantic core's traffic equations — is above the limit, the share 1 − limit/offered of peak requests fails fast, by design. On an `external` API the limit is the provider's quota, which no instance count of yours can raise, and rejected calls come back as 429s that callers often retry, making it worse. Error when a critical flow reaches the component (its peak requests fail); warning when only best-effort flows do.",
        remedy: "Raise the limit to the offered peak with headroom (the finding gives the figure, 25% above the peak), or bring the offered rate under it: cache the answers, batch the calls, move them behind a queue drained at the limit; for a third-party API, ask the provider for the quota the finding computes.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: geocoder, timeout: 2s, per_request: 2 } ] }
              geocoder: { kind: external, rate_limit: 50/s }
            flows:
              search: { entry: api, rate: 20/s, peak: 40/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: geocoder, timeout: 2s, per_request: 2, hit_ratio: 0.5 } ] }
              geocoder: { kind: external, rate_limit: 50/s }
            flows:
              search: { entry: api, rate: 20/s, peak: 40/s }
            """)])

    public init() {}

    /// Every flow's peak rate, as the core's traffic equations take it (non-finite or negative rates count as 0).
    static func peakRates(_ model: Model) -> [Double] {
        model.flows.map { flow in
            let rate = flow.peak.perSecond
            return rate.isFinite && rate > 0 ? rate : 0
        }
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        let arrivals = context.semantics.arrivals(flowRates: Self.peakRates(context.model))
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() {
            guard let limit = component.rateLimit?.perSecond, limit.isFinite, limit > 0,
                  index < arrivals.count, arrivals[index].isFinite, arrivals[index] > limit else { continue }
            let offered = arrivals[index]
            let ratio = offered / limit
            let shares = context.flowsReaching[index].map { context.model.flows[$0].name }.joined(separator: ", ")
            let figures = [
                Figure(offered, .perSecond, "offered at peak: Σ over flows (\(shares)) of peak rate × arrivals at \(component.name) per request"),
                Figure(limit, .perSecond, "rate_limit of \(component.name)"),
                Figure(ratio, .factor, "offered / limit"),
                Figure(1 - limit / offered, .fraction, "rejected at peak: 1 − limit / offered"),
            ]
            let needed = (offered * 1.25).rounded(.up)
            let what = component.kind == .external ? "the provider's quota" : "its rate limit"
            let text = "\(component.name) is offered \(Figures.text(figures[0])) at peak, \(Figures.text(figures[2])) \(what) of \(Figures.text(figures[1])): \(Figures.text(figures[3])) of peak requests are rejected"
            let critical = context.flowsReaching[index].contains { context.model.flows[$0].critical }
            let remedy = component.kind == .external
                ? "Ask the provider for at least \(UnitFormat.rate(needed)) (the peak \(Figures.text(figures[0])) + 25%), or cache, batch or queue the calls so that at most \(Figures.text(figures[1])) reach it."
                : "Raise `rate_limit` to at least \(UnitFormat.rate(needed)) (the peak \(Figures.text(figures[0])) + 25%), or shed the excess deliberately at the entry with a limit per client."
            findings.append(finding(text, components: [component.name], at: component.location(of: "rate_limit"),
                                    severity: critical ? .error : .warning, remedy: remedy, figures: figures))
        }
        return findings
    }
}

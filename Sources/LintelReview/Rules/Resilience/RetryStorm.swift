import Foundation
import LintelCapacity
import LintelModel

/// Retries that, once a slowdown makes calls time out, keep the callee above its capacity after the slowdown ends.
public struct RetryStorm: Rule {
    /// The slowdown assumed when no scenario fault slows the component: half speed (a slow disk, a noisy
    /// neighbour, a garbage-collection-heavy deploy) is an ordinary day, not a disaster.
    public static let defaultSlowdown = 2.0

    public static let description = RuleDescription(
        id: "retry-storm", title: "Retry storm that can hold a service down", category: .resilience, severity: .error,
        rationale: "A service that keeps up with its callers (λ < cμ: peak arrivals λ below instances × workers / mean holding time) can still be held down by their retries. A slowdown by a factor k makes its calls time out once k reaches the smaller of cμ/λ (the queue grows without bound) and timeout / holding time (every call outlasts its caller); from then on callers send λ(1 + R) — R the retries per request, Σ rate × retries over the retrying calls into it, capped by `retry_budget`, over λ. When λ(1 + R) ≥ cμ the load stays above capacity after the slowdown ends: the outage outlives its cause (a metastable failure; the simulator reproduces it). Calls with a circuit breaker are not counted: the breaker opens and sheds the retries. `retry-amplification` reports how many attempts a path multiplies whatever the load; this rule asks whether the load with retries fits. The slowdown is the largest `latency` fault a scenario puts on the component, or 2× when none does. Error when a scenario's own fault tips it; warning under the assumed 2×.",
        remedy: "Cap retries so that λ(1 + budget) < cμ (`retry_budget` below cμ/λ − 1; the finding gives it), add a circuit breaker on the retrying calls, or add capacity until cμ exceeds λ(1 + R) (the finding gives the instances).",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: ledger, timeout: 500ms, retries: 2, backoff: full-jitter, idempotent: true } ] }
              ledger: { kind: service, instances: 2, workers: 8, latency: { p50: 100ms, p99: 100ms, distribution: constant } }
            flows:
              pay: { entry: api, rate: 60/s, peak: 100/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: ledger, timeout: 500ms, retries: 2, backoff: full-jitter, idempotent: true, retry_budget: 10% } ] }
              ledger: { kind: service, instances: 2, workers: 8, latency: { p50: 100ms, p99: 100ms, distribution: constant } }
            flows:
              pay: { entry: api, rate: 60/s, peak: 100/s }
            """)])

    public init() {}

    /// Retries one call adds per call made: its retries, capped by its budget.
    static func retriesPerCall(_ call: Call) -> Double {
        let retries = Double(min(max(0, call.retries), ModelSpec.Limits.retries))
        guard let budget = call.retryBudget, budget.isFinite, budget >= 0 else { return retries }
        return min(retries, budget)
    }

    /// The largest service-time factor a scenario fault puts on `name`, with where it is written.
    static func scenarioSlowdown(of name: String, in model: Model) -> (factor: Double, location: SourceLocation)? {
        var worst: (factor: Double, location: SourceLocation)?
        for scenario in model.scenarios {
            for fault in scenario.faults where fault.component == name {
                guard let factor = fault.latencyFactor, factor.isFinite, factor > 1, factor > (worst?.factor ?? 0) else { continue }
                worst = (factor, fault.location)
            }
        }
        return worst
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings, !context.model.flows.isEmpty else { return [] }
        let peaks = RateLimitExceeded.peakRates(context.model)
        let arrivals = context.semantics.arrivals(flowRates: peaks)
        let edgeRates = context.semantics.edgeRates(flowRates: peaks)
        var extra = [Double](repeating: 0, count: context.components.count)
        var shortestTimeout = [Double?](repeating: nil, count: context.components.count)
        var firstRetry = [SourceLocation?](repeating: nil, count: context.components.count)
        var callers = [[String]](repeating: [], count: context.components.count)
        for (position, edge) in context.graph.edges.enumerated() where edge.waitsForAnswer && !edge.closesCycle {
            guard let call = context.semantics.call(position), call.retries > 0, call.circuitBreaker == nil,
                  position < edgeRates.count, edgeRates[position].isFinite, edgeRates[position] > 0 else { continue }
            extra[edge.target] += edgeRates[position] * Self.retriesPerCall(call)
            if let timeout = call.timeout?.seconds, timeout.isFinite, timeout > 0 {
                shortestTimeout[edge.target] = min(shortestTimeout[edge.target] ?? timeout, timeout)
            }
            if firstRetry[edge.target] == nil { firstRetry[edge.target] = call.location(of: "retries") }
            let caller = context.component(edge.source).name
            if !callers[edge.target].contains(caller) { callers[edge.target].append(caller) }
        }
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() where extra[index] > 0 {
            switch component.kind.category {
            case .compute, .database, .cache: break
            default: continue   // brokers and channels queue; third parties' capacity is not in the model
            }
            guard let row = context.capacity(of: index), let holding = row.holdingTime.value, holding > 0,
                  arrivals[index].isFinite, arrivals[index] > 0 else { continue }
            let lambda = arrivals[index]
            let servers = Double(max(1, row.servers))
            let capacity = servers / holding
            // Saturated without any retry: saturated-at-peak reports it.
            guard lambda < capacity else { continue }
            let withRetries = lambda + extra[index]
            guard withRetries >= capacity else { continue }
            let saturates = capacity / lambda
            let timesOut = shortestTimeout[index].map { $0 / holding }
            let tipping = min(saturates, timesOut ?? saturates)
            let stated = Self.scenarioSlowdown(of: component.name, in: context.model)
            let slowdown = stated?.factor ?? Self.defaultSlowdown
            guard slowdown >= tipping else { continue }
            let retriesPerRequest = extra[index] / lambda
            let maxBudget = capacity / lambda - 1
            let instancesNeeded = Int(min(Double(ModelSpec.Limits.instances), (withRetries * holding / Double(max(1, component.workers))).rounded(.down) + 1))
            var figures = [
                Figure(lambda, .perSecond, "λ: peak arrivals at \(component.name), Σ flows' peak × arrivals per request"),
                Figure(retriesPerRequest, .factor, "R: Σ over retrying calls into \(component.name) (\(callers[index].joined(separator: ", "))) of call rate × min(retries, retry_budget), over λ"),
                Figure(withRetries, .perSecond, "λ(1 + R)"),
                Figure(capacity, .perSecond, "cμ: \(row.servers) servers (instances × workers) / mean holding time \(Figures.duration(seconds: holding))"),
                Figure(withRetries / capacity, .factor, "λ(1 + R) / cμ"),
                Figure(saturates, .factor, "slowdown that saturates it without retries: cμ / λ"),
            ]
            if let timesOut { figures.append(Figure(timesOut, .factor, "slowdown at which calls outlast the shortest timeout: timeout / holding time")) }
            figures.append(Figure(slowdown, .factor, stated == nil ? "slowdown assumed (no scenario slows \(component.name)): the default 2×" : "largest latency fault a scenario puts on \(component.name)"))
            let source = stated == nil ? "an assumed \(Figures.number(slowdown))× slowdown" : "the scenario's \(Figures.number(slowdown))× slowdown"
            let text = "\(component.name) can be held down by retries: a slowdown of \(Figures.number((tipping * 100).rounded() / 100))× makes calls time out (\(source) does), and then λ(1 + R) = \(Figures.text(figures[2])) ≥ cμ = \(Figures.text(figures[3])) (λ \(Figures.text(figures[0])), R \(Figures.number((retriesPerRequest * 100).rounded() / 100))): it stays overloaded after the slowdown ends"
            let budgetText = maxBudget > 0 ? "set `retry_budget` below \(Figures.percent(maxBudget)) (cμ/λ − 1) on the calls from \(callers[index].joined(separator: ", "))" : "stop retrying into it"
            let remedy = "\(budgetText.prefix(1).uppercased() + budgetText.dropFirst()), or add a circuit breaker on them, or run at least \(instancesNeeded) instances so that cμ exceeds λ(1 + R) = \(Figures.text(figures[2]))."
            findings.append(finding(text, components: [component.name] + callers[index], at: stated?.location ?? firstRetry[index] ?? component.location,
                                    severity: stated == nil ? .warning : .error, remedy: remedy, figures: figures))
        }
        return findings
    }
}

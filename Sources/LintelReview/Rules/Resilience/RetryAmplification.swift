import LintelCapacity
import LintelModel

/// Retries at several layers multiply.
public struct RetryAmplification: Rule {
    public static let description = RuleDescription(
        id: "retry-amplification", title: "Retry amplification along a path", category: .resilience, severity: .warning,
        rationale: "Attempts per layer multiply: three layers that each try three times send 27 requests to the bottom for one at the top when it fails (Google SRE: 3 layers × 4 attempts = 64). A struggling dependency then receives many times its normal load exactly when it can least take it, and does not recover. A flow's figure is the capacity report's: its route's attempts times the worst synchronous path below its last hop; a top-level caller no flow enters (a consumer, a scheduled job) is measured along its own worst synchronous path.",
        remedy: "Retry at one layer only (usually the one closest to the user or the one next to the flaky dependency), set `retries: 0` elsewhere, and add a `retry_budget` so retries stay a small fraction of traffic.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway: { kind: gateway, calls: [ { to: orders, timeout: 3s, retries: 2, backoff: full-jitter, idempotent: true } ] }
              orders: { kind: service, calls: [ { to: inventory, timeout: 800ms, retries: 2, backoff: full-jitter, idempotent: true } ] }
              inventory: { kind: service, calls: [ { to: stock-db, timeout: 200ms, retries: 2, backoff: full-jitter, idempotent: true } ] }
              stock-db: { kind: postgres }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway: { kind: gateway, calls: [ { to: orders, timeout: 3s, retries: 2, backoff: full-jitter, idempotent: true } ] }
              orders: { kind: service, calls: [ { to: inventory, timeout: 800ms, retries: 2, backoff: full-jitter, idempotent: true } ] }
              inventory: { kind: service, calls: [ { to: stock-db, timeout: 200ms, retries: 2, backoff: full-jitter, idempotent: true } ] }
              stock-db: { kind: postgres }
            flows:
              checkout: { entry: gateway, route: [orders], rate: 10/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway: { kind: gateway, calls: [ { to: orders, timeout: 3s } ] }
              orders: { kind: service, calls: [ { to: inventory, timeout: 800ms, retries: 2, backoff: full-jitter, idempotent: true } ] }
              inventory: { kind: service, calls: [ { to: stock-db, timeout: 200ms } ] }
              stock-db: { kind: postgres }
            """)])

    public init() {}

    /// Each flow's figure from the capacity report (its route's attempts times the worst synchronous path
    /// below its last hop), once per distinct path; then, for top-level callers no flow enters (a consumer,
    /// a scheduled job), the same product along their worst synchronous path, measured on the core's graph.
    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        let threshold = context.options.retryAmplificationThreshold
        var findings: [Finding] = []
        var reported = Set<[String]>()
        for report in context.capacity.flows {
            guard let amplification = report.retryAmplification.value, amplification >= threshold,
                  reported.insert(report.worstRetryPath).inserted else { continue }
            let path = report.worstRetryPath.compactMap { context.index[$0] }
            guard let entry = context.index[report.entry] else { continue }
            let text = "retry amplification \(Figures.text(report.retryAmplification)) on \(report.worstRetryPath.joined(separator: " → "))"
            let location = Self.firstRetry(on: path, context: context) ?? context.component(entry).location
            findings.append(finding(text, components: report.worstRetryPath, flow: report.name, at: location,
                                    severity: amplification >= 27 ? .error : nil, figures: [report.retryAmplification]))
        }
        let entries = Set(context.model.flows.map(\.entry))
        for (index, component) in context.components.enumerated()
        where context.graph.syncCallers[index].isEmpty && !entries.contains(component.name) && context.analysis.amplification[index] >= threshold {
            let amplification = context.analysis.amplification[index]
            let path = context.analysis.amplificationPath(from: index, graph: context.graph)
            let figure = Figure(amplification, .factor, "product of attempts (1 + retries) along the worst synchronous path")
            let text = "retry amplification \(Figures.text(figure)) on \(context.pathText(path))"
            let location = Self.firstRetry(on: path, context: context) ?? component.location
            findings.append(finding(text, components: context.names(path), at: location,
                                    severity: amplification >= 27 ? .error : nil, figures: [figure]))
        }
        return findings
    }

    /// Where the first call along `path` that retries sets its retries.
    static func firstRetry(on path: [Int], context: ReviewContext) -> SourceLocation? {
        for (caller, callee) in zip(path, path.dropFirst()) {
            if let retrying = context.calls(of: caller).first(where: { $0.edge.target == callee && $0.call.retries > 0 }) {
                return retrying.call.location(of: "retries")
            }
        }
        return nil
    }
}

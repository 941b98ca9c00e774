import LintelCapacity
import LintelModel

/// A caller gives up before its callee can have finished.
public struct TimeoutInversion: Rule {
    public static let description = RuleDescription(
        id: "timeout-inversion", title: "Timeout inversion", category: .resilience, severity: .error,
        rationale: "When a caller's timeout is shorter than the time its callee may legitimately take — the callee's own p99 plus, for each of its synchronous calls, timeout × attempts plus the longest backoff (without a timeout: attempts × that callee's own worst plus backoff), copies one after another, a parallel group its slowest member — the caller abandons requests the callee is still working on. The work is wasted, the caller retries into a dependency that is already slow, and the result the callee eventually produces (a charge, a reservation) is lost to the caller.",
        remedy: "Make timeouts shrink down the chain: give the caller a timeout above the callee's worst case, or cut the callee's timeouts and retries so that its worst case fits (or give the callee a deadline propagated from the caller).",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: orders, timeout: 500ms } ] }
              orders:
                kind: service
                latency: { p50: 5ms, p99: 20ms }
                calls: [ { to: payments, timeout: 400ms, retries: 2, backoff: full-jitter, idempotent: true } ]
              payments: { kind: external }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: orders, timeout: 2s } ] }
              orders:
                kind: service
                latency: { p50: 5ms, p99: 20ms }
                calls: [ { to: payments, timeout: 400ms, retries: 2, backoff: full-jitter, idempotent: true } ]
              payments: { kind: external }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        let worst = Self.worstResponses(context)
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() {
            for (_, call, edge) in context.calls(of: index) where edge.waitsForAnswer {
                let callee = context.component(edge.target)
                guard let timeout = call.timeout, Self.waits(edge.target, context), let calleeWorst = worst[edge.target],
                      calleeWorst > timeout.seconds else { continue }
                let figure = Figure(calleeWorst, .seconds, Self.formula)
                let p99 = context.semantics.service[edge.target].quantile(0.99)
                let timeoutFigure = Figure(timeout.seconds, .seconds, "given: \(component.name)'s call to \(callee.name), timeout")
                let p99Figure = Figure(p99, .seconds, "\(callee.name)'s own p99 service time (fitted distribution)")
                let text = "\(component.name) gives up on \(callee.name) after \(Figures.text(timeoutFigure)), but \(callee.name) may take "
                    + "\(Figures.text(figure)) (own p99 \(Figures.text(p99Figure)) + its calls' timeouts × attempts + backoff)"
                findings.append(finding(text, components: [component.name, callee.name], at: call.location(of: "timeout"),
                                        remedy: Self.remedy(caller: component.name, callee: callee, timeout: timeout.seconds,
                                                            calleeWorst: calleeWorst, ownP99: p99),
                                        figures: [figure, timeoutFigure, p99Figure]))
            }
        }
        return findings
    }

    /// The fix with numbers: the caller's timeout that covers the callee's worst response (+10%, rounded up
    /// to 100ms), or the callee's own call timeouts scaled by (timeout − own p99) / (worst − own p99) so its worst
    /// fits under the caller's timeout. The scaling is exact when backoff is zero; backoff, which does not scale,
    /// makes it optimistic by the longest backoff.
    static func remedy(caller: String, callee: Component, timeout: Double, calleeWorst: Double, ownP99: Double) -> String {
        let raised = (calleeWorst * 1.1 * 10).rounded(.up) / 10
        var text = "Remove the inversion: give \(caller)'s call to \(callee.name) `timeout: \(Figures.duration(seconds: raised))` "
            + "(its worst response \(Figures.duration(seconds: calleeWorst)) + 10%)"
        let budget = timeout - ownP99, spent = calleeWorst - ownP99
        let scaled = callee.syncCalls.compactMap { call -> String? in
            guard let own = call.timeout?.seconds, budget > 0, spent > 0 else { return nil }
            let milliseconds = max(1, (own * budget / spent * 1000).rounded(.down))
            return "\(call.to) \(Figures.duration(seconds: milliseconds / 1000))"
        }
        if !scaled.isEmpty {
            text += ", or shorten \(callee.name)'s own timeouts to fit under \(Figures.duration(seconds: timeout)): " + scaled.joined(separator: ", ")
                + " (scaled by \(Figures.number(budget / spent)); backoff adds to this)"
        }
        return text + ". A caller must wait longer than everything its callee may wait on, or the callee's work is wasted and retried."
    }

    static let formula = "own p99 + per synchronous call: copies × (timeout × attempts + longest backoff), or without a timeout "
        + "attempts × the callee's worst + longest backoff; a parallel group takes its slowest member"

    /// True when the component waits on calls of its own (its plan has a synchronous call).
    static func waits(_ node: Int, _ context: ReviewContext) -> Bool {
        context.semantics.plans[node].edges.contains { context.graph.edges[$0].waitsForAnswer }
    }

    /// Longest each component can take to answer one request, by the core's call arithmetic: its own p99
    /// (the fitted service time's 0.99 quantile) plus, batch by batch of its call plan, a call outside a group
    /// once per copy (copies run one after another) and a parallel group its slowest member (copies run
    /// concurrently). A call's worst is `timeoutBound` when it sets a timeout, else `worstResponse(calleeWorst:)`.
    /// `nil` when unbounded: a call without a timeout into a synchronous cycle, or to an unbounded callee.
    static func worstResponses(_ context: ReviewContext) -> [Double?] {
        let semantics = context.semantics
        var worst = [Double?](repeating: nil, count: context.components.count)
        // Strongly connected components arrive callees first, so every callee outside the cycle is known.
        for members in context.analysis.order {
            for node in members {
                var total: Double? = semantics.service[node].quantile(0.99)
                for batch in semantics.plans[node].batches {
                    var slowest = 0.0
                    for e in batch.edges where context.graph.edges[e].waitsForAnswer {
                        let edge = context.graph.edges[e]
                        let copies = Copies(edge.copies)
                        let count = copies.whole + (copies.fraction > 0 ? 1 : 0)
                        guard count > 0, let call = semantics.call(e) else { continue }
                        let inCycle = context.analysis.scc[edge.target] == context.analysis.scc[node]
                        let bound = call.timeoutBound ?? (inCycle ? nil : worst[edge.target].map { call.worstResponse(calleeWorst: $0) })
                        guard let bound else { total = nil; continue }
                        if batch.isParallel { slowest = max(slowest, bound) } else { total = total.map { $0 + Double(count) * bound } }
                    }
                    total = total.map { $0 + slowest }
                }
                worst[node] = total
            }
        }
        return worst
    }
}

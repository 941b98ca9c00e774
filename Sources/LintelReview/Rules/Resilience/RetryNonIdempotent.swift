import LintelCapacity
import LintelModel

/// Retrying an operation that is not known to be safe to repeat.
public struct RetryNonIdempotent: Rule {
    public static let description = RuleDescription(
        id: "retry-non-idempotent", title: "Retries on a non-idempotent call", category: .resilience, severity: .error,
        rationale: "A timeout does not mean the callee did nothing: retrying a write that did succeed charges the card twice, sends the email twice or books the seat twice. Reads (`operation: read`) are safe; writes must be made idempotent (an idempotency key) before they are retried. The callee's `operations` decide when the call does not: a flow through the call that targets a non-idempotent operation (POST, PATCH or an RPC not marked `idempotent: true`), or a callee whose every operation is non-idempotent, makes the retry an error; a callee whose every operation is idempotent makes it safe.",
        remedy: "Make the operation idempotent (idempotency key, conditional write) and mark the call `idempotent: true`, or set `retries: 0`.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: payments, timeout: 2s, retries: 2, backoff: full-jitter } ] }
              payments: { kind: external }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway: { kind: gateway, calls: [ { to: orders, timeout: 2s, retries: 2, backoff: full-jitter } ] }
              orders:
                kind: service
                operations:
                  get: { http: "GET /orders/{id}" }
                  place: { http: "POST /orders" }
            flows:
              checkout: { entry: gateway, operation: orders.place, rate: 10/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: payments, timeout: 2s, retries: 2, backoff: full-jitter, idempotent: true } ] }
              payments: { kind: external }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: catalog, timeout: 2s, retries: 2, backoff: full-jitter, operation: read } ] }
              catalog: { kind: service }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: catalog, timeout: 2s, retries: 2, backoff: full-jitter } ] }
              catalog: { kind: service, operations: { get: { http: "GET /items/{id}" }, put: { http: "PUT /items/{id}" } } }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        var findings: [Finding] = []
        for (node, component) in context.components.enumerated() {
            for (position, call) in component.calls.enumerated() where call.retries > 0 && call.idempotent != true && call.operation != .read {
                let callee = context.index[call.to]
                let repeated = callee.map { Self.repeatedOperation(caller: node, callee: $0, context: context) } ?? .unknown
                if case .idempotent = repeated, call.idempotent == nil { continue }
                var stated = call.idempotent == false ? "is not idempotent" : "is not marked idempotent"
                if case .nonIdempotent(let operation) = repeated { stated = "repeats \(call.to)'s \(operation), which is not idempotent" }
                let retries = Figure(Double(call.retries), .count, "given: \(component.name).calls[\(position)].retries")
                let text = "\(component.name) retries \(call.to) \(Figures.text(retries))× but the call \(stated)"
                // A retried write or a retried call to an external API (a payment provider) duplicates the effect
                // when the first attempt succeeded but its answer was lost: an error even when idempotency is only unstated.
                let external = callee.map { context.component($0).kind == .external } ?? false
                let writes = call.operation == .write || call.operation == .readWrite
                var severe = call.idempotent == false || external || writes
                if case .nonIdempotent = repeated { severe = true }
                findings.append(finding(text + (external ? " (an external API: a lost answer repeats the charge or order)" : ""),
                                        components: [component.name, call.to], at: call.location(of: call.idempotent == nil ? "retries" : "idempotent"),
                                        severity: severe ? .error : .warning,
                                        figures: [retries, Figure(Double(call.attempts), .count, "attempts = 1 + retries")]))
            }
        }
        return findings
    }

    /// What a retry of the call from `caller` to `callee` repeats, by the callee's declared operations.
    enum Repeated {
        /// The callee declares no operations and no flow through the call targets one.
        case unknown
        /// Every operation the call can carry is idempotent (GET, PUT, DELETE, or `idempotent: true`).
        case idempotent
        /// The call carries this non-idempotent operation (its signature, `POST /v1/charges`).
        case nonIdempotent(String)
    }

    /// A flow whose route passes caller → callee and targets a non-idempotent operation makes the retry
    /// repeat that operation; so does a callee whose every operation is non-idempotent (any request to it
    /// is one of them). A callee whose every operation is idempotent makes the retry safe, unless a flow
    /// through the call targets a non-idempotent operation further along.
    static func repeatedOperation(caller: Int, callee: Int, context: ReviewContext) -> Repeated {
        for flow in context.semantics.flows {
            guard let operationIndex = flow.operation, zip(flow.hops, flow.hops.dropFirst()).contains(where: { $0 == (caller, callee) }) else { continue }
            let operations = context.component(flow.last).operations
            guard operationIndex < operations.count, !operations[operationIndex].idempotent else { continue }
            return .nonIdempotent(operations[operationIndex].signature)
        }
        let operations = context.component(callee).operations
        guard !operations.isEmpty else { return .unknown }
        if let unsafe = operations.first(where: { !$0.idempotent }) {
            return operations.allSatisfy({ !$0.idempotent }) ? .nonIdempotent(unsafe.signature) : .unknown
        }
        return .idempotent
    }
}

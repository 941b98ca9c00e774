import LintelCapacity
import LintelModel

/// A flow whose requests commit in two or more services' own stores with nothing to undo the first when a later one fails.
public struct MultiServiceWriteWithoutSaga: Rule {
    public static let description = RuleDescription(
        id: "multi-service-write-without-saga", title: "Multi-service write without a saga", category: .data, severity: .warning,
        rationale: "No transaction spans two services' databases. A request that commits in one service's store and then fails in the next (timeout, crash, validation) leaves the first write in place: stock reserved for an order that never exists, a card charged for a booking that was not saved. The writes are read from the semantic core's resolution of the flow: the synchronous calls its requests make (hard dependencies) that write a database or object store (`operation` not `read`), or make a non-idempotent or writing call to an external system, which keeps its own state. Two or more services writing two or more stores need a saga. Warning; error when one of the writes is to an external system, whose side effect (a payment) cannot be rolled back by any database of yours.",
        remedy: "Give each step a compensating action (release the stock, refund the charge) run by an orchestrator or by events (a saga; a workflow engine such as Temporal keeps its state), make every step idempotent so it can be retried to completion, and state `saga: true` on the flow; or move the writes into one service and one transaction.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              orders: { kind: service, calls: [ { to: orders-db, timeout: 1s, operation: write }, { to: inventory, timeout: 1s } ] }
              inventory: { kind: service, calls: [ { to: stock-db, timeout: 1s, operation: write } ] }
              orders-db: { kind: postgres }
              stock-db: { kind: postgres }
            flows:
              place: { entry: orders, rate: 20/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              orders: { kind: service, calls: [ { to: orders-db, timeout: 1s, operation: write }, { to: inventory, timeout: 1s } ] }
              inventory: { kind: service, calls: [ { to: stock-db, timeout: 1s, operation: write } ] }
              orders-db: { kind: postgres }
              stock-db: { kind: postgres }
            flows:
              place: { entry: orders, rate: 20/s, saga: true }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              orders: { kind: service, calls: [ { to: orders-db, timeout: 1s, operation: write }, { to: inventory, timeout: 1s } ] }
              inventory: { kind: service, calls: [ { to: stock-db, timeout: 1s, operation: read } ] }
              orders-db: { kind: postgres }
              stock-db: { kind: postgres }
            flows:
              place: { entry: orders, rate: 20/s }
            """)])

    public init() {}

    /// One write a flow's request makes: the service that owns it and the store it lands in.
    struct Write: Equatable {
        var service: Int
        var store: Int
        var external: Bool
    }

    /// The write each edge of the graph makes, whatever the flow: a synchronous call that writes a store
    /// (owned by the caller) or writes to an external system (whose own state it is). Classified once per
    /// review, not once per flow: a model at the size limit has 100 flows over 28,500 calls.
    static func edgeWrites(_ context: ReviewContext) -> [(write: Write, caller: Int)?] {
        let components = context.model.components
        return context.graph.edges.map { edge -> (write: Write, caller: Int)? in
            guard edge.waitsForAnswer, let position = edge.callIndex else { return nil }
            let call = components[edge.source].calls[position]
            if DualWriteWithoutOutbox.writesStore(call, target: components[edge.target]) {
                return (Write(service: edge.source, store: edge.target, external: false), edge.source)
            }
            guard components[edge.target].kind == .external,
                  call.operation == .write || call.operation == .readWrite || call.idempotent == false else { return nil }
            return (Write(service: edge.target, store: edge.target, external: true), edge.source)
        }
    }

    /// The writes a resolved flow's requests make synchronously (on its hard dependencies), in edge order.
    static func writes(of flow: ResolvedFlow, edgeWrites: [(write: Write, caller: Int)?]) -> [Write] {
        var writes: [Write] = []
        for (e, rate) in flow.unitEdgeRates where rate > 0 {
            guard let edge = edgeWrites[e], flow.isHardDependency(edge.caller) else { continue }
            writes.append(edge.write)
        }
        return writes
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        let edgeWrites = Self.edgeWrites(context)
        for resolved in context.semantics.flows {
            let flow = context.model.flows[resolved.index]
            guard flow.saga != true else { continue }
            let writes = Self.writes(of: resolved, edgeWrites: edgeWrites)
            var services: [Int] = [], stores: [Int] = []
            for write in writes {
                if !services.contains(write.service) { services.append(write.service) }
                if !stores.contains(write.store) { stores.append(write.store) }
            }
            guard services.count >= 2, stores.count >= 2 else { continue }
            let list = services.map { service in
                let own = stores.filter { store in writes.contains { $0.service == service && $0.store == store } }
                let name = context.component(service).name
                return own == [service] ? "\(name) (external)" : "\(name) → \(context.names(own).joined(separator: ", "))"
            }.joined(separator: "; ")
            var figures = [Figure(Double(services.count), .count, "services whose own stores the flow's requests write synchronously")]
            let peak = flow.peak.perSecond
            if peak.isFinite, peak > 0 {
                figures.append(Figure(peak, .perSecond, "flow \(flow.name)'s peak rate: requests that can stop between two commits"))
            }
            let external = writes.contains(where: \.external)
            let text = "flow \(flow.name) writes in \(services.count) services' stores (\(list)) with no saga or compensation: a failure after the first commit leaves the others inconsistent"
            findings.append(finding(text, components: context.names(services), flow: flow.name, at: flow.location,
                                    severity: external ? .error : nil, figures: figures))
        }
        return findings
    }
}

import LintelCapacity
import LintelModel

/// One request that writes a store and publishes an event, with nothing tying the two together.
public struct DualWriteWithoutOutbox: Rule {
    public static let description = RuleDescription(
        id: "dual-write-without-outbox", title: "Dual write without an outbox", category: .data, severity: .warning,
        rationale: "A request that commits to a datastore and then publishes to a topic or queue (or the other way round) makes two writes no transaction spans: a crash, a timeout or a broker outage between them leaves an order without its event (downstream never ships it) or an event for an order that was rolled back. At thousands of requests a day the gap is hit within weeks, and nothing reports it. Read per request: the component's own calls, and each operation's calls. Deployment files do not say what one request does, so imported models are not judged.",
        remedy: "Write the event to an outbox table in the same transaction as the change and relay it to the broker (a polling publisher, or change-data capture such as Debezium), then state `outbox: true` on the component; or publish only, and let the store's owner consume its own event.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              orders:
                kind: service
                calls: [ { to: orders-db, timeout: 1s, operation: write } ]
                publishes: [ order-events ]
              orders-db: { kind: postgres }
              order-events: { kind: topic, consumers: [ shipping ] }
              shipping: { kind: worker }
            flows:
              place: { entry: orders, rate: 20/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              orders:
                kind: service
                outbox: true
                calls: [ { to: orders-db, timeout: 1s, operation: write } ]
                publishes: [ order-events ]
              orders-db: { kind: postgres }
              order-events: { kind: topic, consumers: [ shipping ] }
              shipping: { kind: worker }
            flows:
              place: { entry: orders, rate: 20/s }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              orders:
                kind: service
                calls: [ { to: orders-db, timeout: 1s, operation: read } ]
                publishes: [ order-events ]
              orders-db: { kind: postgres }
              order-events: { kind: topic, consumers: [ shipping ] }
              shipping: { kind: worker }
            """)])

    public init() {}

    /// True for a call that writes (or may write: no `operation` stated) a system of record.
    static func writesStore(_ call: Call, target: Component) -> Bool {
        guard target.kind.category == .database || target.kind == .objectStorage else { return false }
        return call.operation != .read
    }

    /// The first store write and the first publish among `calls`, if it has both.
    static func dualWrite(_ calls: [Call], context: ReviewContext) -> (store: Call, publish: Call)? {
        var store: Call?, publish: Call?
        for call in calls {
            guard let target = context.index[call.to].map(context.component) else { continue }
            if store == nil, writesStore(call, target: target) { store = call }
            if publish == nil, target.kind.isMessaging { publish = call }
        }
        guard let store, let publish else { return nil }
        return (store, publish)
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        // Deployment files say which stores and brokers a container talks to, never what one request does.
        guard context.knowsResilienceSettings else { return [] }
        let arrivals = context.semantics.arrivals(flowRates: RateLimitExceeded.peakRates(context.model))
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() where component.kind.category == .compute && component.outbox != true {
            var places: [(name: String?, store: Call, publish: Call)] = []
            if let own = Self.dualWrite(component.ownCallIndices.map { component.calls[$0] }, context: context) {
                places.append((nil, own.store, own.publish))
            }
            for operation in component.operations {
                if let pair = Self.dualWrite(component.calls(of: operation), context: context) { places.append((operation.name, pair.store, pair.publish)) }
            }
            guard let first = places.first else { continue }
            let sites = places.map { $0.name.map { "operation \($0)" } ?? "a request" }.joined(separator: ", ")
            var figures: [Figure] = []
            if index < arrivals.count, arrivals[index].isFinite, arrivals[index] > 0 {
                figures.append(Figure(arrivals[index], .perSecond, "requests reaching \(component.name) at peak (Σ flows' peak × arrivals per request), each a window between the two writes"))
            }
            let rate = figures.first.map { " at \(Figures.text($0)) at peak" } ?? ""
            let text = "\(component.name) writes \(first.store.to) and publishes to \(first.publish.to) in one request (\(sites))\(rate) with no outbox: a crash between the two loses the event or announces a write that did not commit"
            findings.append(finding(text, components: [component.name, first.store.to, first.publish.to], at: first.publish.location,
                                    figures: figures))
        }
        return findings
    }
}

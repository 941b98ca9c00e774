import LintelModel

/// A system of several services that only ever talk synchronously.
public struct AllSynchronous: Rule {
    public static let description = RuleDescription(
        id: "all-synchronous", title: "Everything synchronous", category: .fit, severity: .info,
        rationale: "When every interaction between four or more services is a synchronous request, every piece of work that could happen later (emails, projections, notifications, analytics) is on the user's request path: each adds latency and a failure mode, and the services are only as available as all of them together.",
        remedy: "Publish domain events for work the user does not wait on (a topic with idempotent consumers), and keep synchronous calls for what the response needs.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              a: { kind: service, calls: [ { to: b, timeout: 1s }, { to: c, timeout: 1s } ] }
              b: { kind: service, calls: [ { to: d, timeout: 500ms } ] }
              c: { kind: service, calls: [ { to: d, timeout: 500ms } ] }
              d: { kind: service }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              a: { kind: service, calls: [ { to: b, timeout: 1s }, { to: c, timeout: 1s } ], publishes: [events] }
              b: { kind: service, calls: [ { to: d, timeout: 500ms } ] }
              c: { kind: service, calls: [ { to: d, timeout: 500ms } ] }
              d: { kind: service, consumes: [events], idempotent_consumer: true }
              events: { kind: topic, dead_letter: true }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.0, calls: [ a, b ] }
              a: { kind: service, image: shop/a:1.0, calls: [ b ] }
              b: { kind: service, image: shop/b:1.0 }
              loadgenerator: { kind: service, image: shop/loadgenerator:1.0, calls: [ web ] }
            """, importedFrom: .kubernetes)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        // A load generator shipped with an imported deployment is test traffic, not a service of the system.
        let services = context.components.filter {
            ($0.kind == .service || $0.kind == .worker || $0.kind == .function) && !context.isTestClient($0) && !$0.job
        }
        guard services.count >= 4, !context.components.contains(where: { $0.kind.isMessaging }),
              !context.components.contains(where: { $0.calls.contains { $0.mode == .async } }) else { return [] }
        var serviceCalls = 0
        for (index, component) in context.components.enumerated() where component.kind.category == .compute && !context.isTestClient(component) {
            serviceCalls += context.calls(of: index).filter { context.component($0.edge.target).kind.category == .compute }.count
        }
        // Imported calls are only those the files show (a queue on Redis or XMPP rooms are invisible):
        // there the style is judged only when the services call each other densely.
        guard serviceCalls >= 3, !context.isImported || serviceCalls >= services.count else { return [] }
        let text = "\(services.count) services talk only synchronously (\(serviceCalls) service-to-service calls, no topic or queue)"
        return [finding(text, components: services.map(\.name), at: context.model.location)]
    }
}

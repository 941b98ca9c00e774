import LintelCapacity
import LintelModel

/// A system of several services that only ever talk synchronously.
public struct AllSynchronous: Rule {
    public static let description = RuleDescription(
        id: "all-synchronous", title: "Everything synchronous", category: .fit, severity: .info,
        rationale: "When every interaction between four or more services is a synchronous request, every piece of work that could happen later (emails, projections, notifications, analytics) is on the user's request path: each adds latency and a failure mode, and the services are only as available as all of them together. On imported deployments only calls between different applications count: roles of one application (one image run as frontend, history and matching) talk through the application's own membership, which is not a choice between synchronous and asynchronous design.",
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
            """, importedFrom: .kubernetes), RuleExample("""
            lintel: 1
            system: demo
            components:
              frontend: { kind: service, image: "temporalio/server:1.24", calls: [ history, matching ] }
              history: { kind: service, image: "temporalio/server:1.24", calls: [ matching, frontend ] }
              matching: { kind: service, image: "temporalio/server:1.24", calls: [ history, frontend ] }
              worker: { kind: service, image: "temporalio/server:1.24", calls: [ frontend ] }
              ui: { kind: service, image: "temporalio/ui:2.26", calls: [ frontend ] }
            """, importedFrom: .compose)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        // A load generator shipped with an imported deployment is test traffic, not a service of the system.
        let services = context.components.filter {
            ($0.kind == .service || $0.kind == .worker || $0.kind == .function) && !context.isTestClient($0) && !$0.job
        }
        guard services.count >= 4, !context.components.contains(where: { $0.kind.isMessaging }),
              !context.components.contains(where: { $0.calls.contains { $0.mode == .async } }) else { return [] }
        // In an imported deployment, roles of one application (one image run as frontend, history, matching)
        // talk through the application's own membership, not a design choice between services: only calls
        // between different applications count, and the system must have four applications.
        let application: (Component) -> String = { component in
            context.isImported ? ApplicationRoles.application(component, among: context.components) : component.name
        }
        guard Set(services.map(application)).count >= 4 else { return [] }
        var serviceCalls = 0
        for (index, component) in context.components.enumerated() where component.kind.category == .compute && !context.isTestClient(component) {
            serviceCalls += context.calls(of: index).filter { call in
                let target = context.component(call.edge.target)
                return target.kind.category == .compute && application(target) != application(component)
            }.count
        }
        // Imported calls are only those the files show (a queue on Redis or XMPP rooms are invisible):
        // there the style is judged only when the services call each other densely.
        guard serviceCalls >= 3, !context.isImported || serviceCalls >= services.count else { return [] }
        let figures = [Figure(Double(services.count), .count, "services (compute components, test clients left out)"),
                       Figure(Double(serviceCalls), .count, "synchronous calls between compute components (of different applications, when imported)")]
        let text = "\(Figures.text(figures[0])) services talk only synchronously (\(Figures.text(figures[1])) service-to-service calls, no topic or queue)"
        return [finding(text, components: services.map(\.name), at: context.model.location, figures: figures)]
    }
}

import LintelCapacity
import LintelModel

/// A service that most other services call synchronously.
public struct HubDependency: Rule {
    public static let description = RuleDescription(
        id: "hub-dependency", title: "A service everything depends on", category: .topology, severity: .warning,
        rationale: "When most services call the same service synchronously (an auth, config or user service), its outage or slow deploy is everyone's outage, and its team becomes every other team's bottleneck. Reported when at least four services and at least 75% of the other services call it directly.",
        remedy: "Take it off the request path: validate tokens locally (JWT), cache its answers with a TTL in the callers, or distribute its data by events; otherwise give it the strongest redundancy in the system.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              a: { kind: service, calls: [ { to: users, timeout: 100ms } ] }
              b: { kind: service, calls: [ { to: users, timeout: 100ms } ] }
              c: { kind: service, calls: [ { to: users, timeout: 100ms } ] }
              d: { kind: service, calls: [ { to: users, timeout: 100ms } ] }
              users: { kind: service, instances: 3 }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              a: { kind: service, calls: [ { to: users, timeout: 100ms } ] }
              b: { kind: service, calls: [ { to: users, timeout: 100ms } ] }
              c: { kind: service }
              d: { kind: service }
              e: { kind: service }
              users: { kind: service, instances: 3 }
            """)])

    public init() {}

    static func isService(_ kind: ComponentKind) -> Bool { kind == .service || kind == .worker || kind == .function }

    public func check(_ context: ReviewContext) -> [Finding] {
        let services = context.components.filter { Self.isService($0.kind) }.count
        guard services >= 5 else { return [] }
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() where component.kind == .service {
            let callers = context.graph.syncCallers[index].filter { Self.isService(context.component($0).kind) }
            guard callers.count >= 4, Double(callers.count) >= 0.75 * Double(services - 1) else { continue }
            let share = Double(callers.count) / Double(services - 1)
            let figures = [Figure(Double(callers.count), .count, "services that call \(component.name) synchronously"),
                           Figure(Double(services - 1), .count, "other services (services, workers, functions − 1)"),
                           Figure(share, .fraction, "share = synchronous callers / other services")]
            let text = "\(Figures.text(figures[0])) of the other \(Figures.text(figures[1])) services (\(Figures.text(figures[2]))) call \(component.name) synchronously"
            findings.append(finding(text, components: [component.name] + context.names(callers), at: component.location, figures: figures))
        }
        return findings
    }
}

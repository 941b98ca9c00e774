import LintelCapacity
import LintelModel

/// A running service without a health check; on an imported deployment, any container without one.
public struct MissingHealthCheck: Rule {
    public static let description = RuleDescription(
        id: "missing-health-check", title: "Missing health check", category: .resilience, severity: .warning,
        rationale: "Without liveness and readiness probes a hung or still-starting instance keeps receiving traffic and is never restarted; the load balancer cannot route around it and deploys send requests to instances that are not ready. In a deployment imported from docker-compose or Kubernetes, where the probes are configured, databases, caches and brokers without a probe are reported too (a wedged MySQL or RabbitMQ is otherwise never restarted); load generators shipped with it are not.",
        remedy: "Expose a health endpoint and set `health_check: /healthz` (or liveness/readiness probes).",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 2 }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.4, health_check: /healthz, calls: [ db ] }
              db: { kind: mysql, image: mysql:8, volumes: [ /var/lib/mysql ] }
            """, importedFrom: .compose)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 2, health_check: /healthz }
              fn: { kind: function }
              db: { kind: postgres }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.4, health_check: /healthz, calls: [ db ] }
              db: { kind: mysql, image: mysql:8, health_check: true, volumes: [ /var/lib/mysql ] }
              loadgenerator: { kind: service, image: shop/loadgenerator:1.4, calls: [ web ] }
            """, importedFrom: .kubernetes)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for component in context.components where component.healthCheck == nil && Self.needsHealthCheck(component, context) {
            let instances = Figure(Double(component.instances), .count, "given: \(component.name).instances")
            let text = "\(component.kind.rawValue) \(component.name) (\(Figures.text(instances)) instance\(component.instances == 1 ? "" : "s")) has no health check"
            findings.append(finding(text, components: [component.name], at: component.location(of: "health_check"), figures: [instances]))
        }
        return findings
    }

    /// Services, workers and gateways; on imported deployments also every self-hosted container
    /// (stores, brokers, coordination), but not load generators.
    static func needsHealthCheck(_ component: Component, _ context: ReviewContext) -> Bool {
        // A one-shot job exits when done: there is nothing to probe.
        if component.job { return false }
        if component.kind == .service || component.kind == .worker || component.kind == .gateway {
            return !context.isTestClient(component)
        }
        guard context.isImported, component.image != nil else { return false }
        switch component.kind.category {
        case .compute, .database, .cache, .broker: return component.kind != .function
        case .infrastructure: return component.kind != .observability
        case .channel, .storage, .external: return false
        }
    }
}

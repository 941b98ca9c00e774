import LintelCapacity
import LintelModel

/// One copy of a stateful or critical component that a critical flow cannot do without; on an
/// imported deployment (no flows), every workload that runs a single copy.
public struct SinglePointOfFailure: Rule {
    public static let description = RuleDescription(
        id: "single-point-of-failure", title: "Single point of failure on a critical path", category: .topology, severity: .warning,
        rationale: "A component with one instance (and, for a store, no replica) on the hard synchronous path of a critical flow takes the flow down with it: every deploy, node failure or restart is an outage. Managed services (topics, queues, object storage, CDN, DynamoDB) carry their own redundancy and are not reported. A model imported from docker-compose or Kubernetes has no flows to say which paths are critical, so every workload running one copy (`replicas: 1`, or no `replicas` at all) is reported at its `replicas` line or name — load generators shipped with the deployment excepted.",
        remedy: "Run at least two instances behind a load balancer, add a replica with automatic failover for a store, or make the call optional with a fallback.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 2, calls: [ { to: db, timeout: 1s } ] }
              db: { kind: postgres, backups: daily }
            flows:
              checkout: { entry: api, rate: 10/s }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.4, health_check: /healthz, calls: [ db ] }
              db: { kind: postgres, image: postgres:16, replicas: 1 }
            """, importedFrom: .kubernetes)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 2, calls: [ { to: db, timeout: 1s } ] }
              db: { kind: postgres, replicas: 1, backups: daily }
            flows:
              checkout: { entry: api, rate: 10/s }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 2, calls: [ { to: recommendations, timeout: 100ms, optional: true } ] }
              recommendations: { kind: service }
            flows:
              browse: { entry: api, rate: 10/s }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.4, instances: 3, health_check: /healthz, calls: [ db ] }
              db: { kind: postgres, image: postgres:16, replicas: 1 }
              loadgenerator: { kind: service, image: shop/loadgenerator:1.4, calls: [ web ] }
            """, importedFrom: .kubernetes)])

    public init() {}

    /// Kinds whose redundancy is the provider's, not the model's.
    static func isManaged(_ kind: ComponentKind) -> Bool {
        switch kind {
        case .topic, .queue, .objectStorage, .cdn, .dynamodb, .observability: true
        default: false
        }
    }

    /// Copies that can serve when one fails.
    static func copies(_ component: Component) -> Int {
        let instances = max(component.instances, component.autoscale?.min ?? 0)
        return component.kind.isDatastore || component.kind.category == .broker ? instances + component.replicas : instances
    }

    /// The copies that can serve, as a figure.
    static func copiesFigure(_ component: Component) -> Figure {
        Figure(Double(copies(component)), .count, component.kind.isDatastore || component.kind.category == .broker
               ? "copies = max(instances, autoscale.min) + replicas" : "copies = max(instances, autoscale.min)")
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        if context.isImported, context.model.flows.isEmpty { return singleInstances(context) }
        // Per component, the critical flows that cannot do without it, in flow order: O(Σ hard dependencies).
        var criticalFlows = [[String]](repeating: [], count: context.components.count)
        for flow in context.semantics.flows where context.model.flows[flow.index].critical {
            for node in flow.hardDependencies { criticalFlows[node].append(flow.name) }
        }
        var findings: [Finding] = []
        for (index, component) in context.components.enumerated() {
            let flows = criticalFlows[index]
            guard !flows.isEmpty, !Self.isManaged(component.kind), Self.copies(component) < 2 else { continue }
            let copies = Self.copiesFigure(component)
            let what = "\(Figures.text(copies)) instance" + (component.kind.isDatastore ? " and no replica" : "")
            let text = "\(component.name) (\(component.kind.rawValue)) runs \(what) and critical flow\(flows.count == 1 ? "" : "s") \(flows.joined(separator: ", ")) cannot work without it"
            let key = component.keyLocations["instances"] != nil ? "instances" : "kind"
            findings.append(finding(text, components: [component.name], flow: flows.first, at: component.location(of: key), figures: [copies]))
        }
        return findings
    }

    /// Imported deployments have no flows: every self-hosted workload with one copy is reported.
    func singleInstances(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for component in context.components where component.kind.category != .external && component.kind != .function && !component.job {
            guard !Self.isManaged(component.kind), !context.isTestClient(component), Self.copies(component) < 2,
                  ApplicationRoles.copies(of: component, among: context.components) < 2 else { continue }
            let what = component.kind.isDatastore ? "a single instance and no replica" : "a single instance"
            var text = "\(component.name) (\(component.kind.rawValue)) runs \(what): a restart, deploy or node failure makes it unavailable"
            if component.disruptionBudget == false, component.autoscale == nil {
                text += "; no PodDisruptionBudget or autoscaler covers it either"
            }
            findings.append(finding(text, components: [component.name], at: component.location(of: "instances"), figures: [Self.copiesFigure(component)]))
        }
        return findings
    }
}

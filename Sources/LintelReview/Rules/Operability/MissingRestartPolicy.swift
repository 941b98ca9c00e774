import LintelModel

/// A long-running container that the runtime does not restart when it exits.
public struct MissingRestartPolicy: Rule {
    public static let description = RuleDescription(
        id: "missing-restart-policy", title: "No restart policy", category: .operability, severity: .warning,
        rationale: "Docker's default restart policy is `no`: a container that crashes, runs out of memory or is stopped by a daemon restart stays down until someone notices, and the services that call it fail meanwhile. (Kubernetes controllers always restart their pods; one-shot jobs are meant to exit.)",
        remedy: "Set `restart: unless-stopped` (or `always`, or `on-failure` for a process that exits cleanly on purpose) on every long-running service.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, image: "acme/api:1.2.0" }
            """, importedFrom: .compose)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, image: "acme/api:1.2.0", restart: unless-stopped }
              migrate: { kind: service, image: "acme/api:1.2.0", job: true }
            """, importedFrom: .compose), RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, image: "acme/api:1.2.0" }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        // Only compose leaves restarts to a key; a model written by hand or from Kubernetes does not say.
        guard context.model.origin.format == .compose else { return [] }
        return context.components.compactMap { component in
            guard component.image != nil, !component.job, component.restart == nil || component.restart == .no,
                  component.kind.category != .external, !context.isTestClient(component) else { return nil }
            return finding("\(component.name) has no restart policy: after a crash it stays down", components: [component.name],
                           at: component.location(of: component.keyLocations["restart"] != nil ? "restart" : "image"))
        }
    }
}

import LintelModel

/// A Kubernetes workload that sets no security context: it runs as the image's user (often root)
/// on a writable root filesystem.
public struct MissingSecurityContext: Rule {
    public static let description = RuleDescription(
        id: "missing-security-context", title: "No security context", category: .security, severity: .warning,
        rationale: "Without `securityContext` a pod runs as whatever user its image names (root for most), on a writable root filesystem, with the default capabilities: a code-execution bug can install tools, change the binaries and attack the node. Kubernetes' restricted Pod Security Standard asks for `runAsNonRoot: true`, `allowPrivilegeEscalation: false` and dropped capabilities. (Compose files are not judged: Docker has no equivalent default.)",
        remedy: "Set `securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }` on the containers, with an `emptyDir` for the paths they write.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, image: "acme/api:1.2.0" }
            """, importedFrom: .kubernetes)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, image: "acme/api:1.2.0", security: { run_as_non_root: true, read_only_root_filesystem: true } }
            """, importedFrom: .kubernetes), RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, image: "acme/api:1.2.0" }
            """, importedFrom: .compose)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.model.origin.format == .kubernetes else { return [] }
        return context.components.compactMap { component in
            guard component.image != nil, component.security == nil, component.kind.category != .external else { return nil }
            return finding("\(component.name) sets no securityContext: it runs as the image's user on a writable root filesystem",
                           components: [component.name], at: component.location(of: "image"))
        }
    }
}

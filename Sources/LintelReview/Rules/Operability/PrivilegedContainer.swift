import LintelModel

/// A container with the host's keys.
public struct PrivilegedContainer: Rule {
    public static let description = RuleDescription(
        id: "privileged-container", title: "Privileged container or Docker socket mount", category: .operability, severity: .error,
        rationale: "A privileged container, or one that mounts /var/run/docker.sock, can take over its host: start containers with the host's root filesystem mounted, read every other container's secrets. One remote-code-execution bug in it compromises the node and everything scheduled there.",
        remedy: "Drop `privileged` (grant only the capabilities needed), run as non-root, and replace Docker-socket access with a narrower API (a socket proxy allowing only what is needed, or the orchestrator's API with a scoped service account).",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              agent: { kind: service, security: { privileged: true } }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              ci-runner: { kind: worker, volumes: [ { mount: /var/run/docker.sock, type: host, source: /var/run/docker.sock } ] }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, security: { privileged: false, run_as_non_root: true } }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for component in context.components {
            if component.security?.privileged == true {
                findings.append(finding("\(component.name) runs as a privileged container", components: [component.name],
                                        at: component.location(of: "security")))
            }
            for volume in component.volumes where volume.mount.hasSuffix("docker.sock") || (volume.source ?? "").hasSuffix("docker.sock") {
                let text = "\(component.name) mounts the Docker socket (\(volume.source ?? volume.mount)), which gives root on the host"
                findings.append(finding(text, components: [component.name], at: volume.location ?? component.location(of: "volumes")))
            }
        }
        return findings
    }
}

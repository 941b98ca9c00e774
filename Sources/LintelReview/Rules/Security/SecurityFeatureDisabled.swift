import LintelModel

/// A security feature switched off in configuration: authentication, HTTPS enforcement, abuse
/// protection, anonymous admin access.
public struct SecurityFeatureDisabled: Rule {
    public static let description = RuleDescription(
        id: "security-feature-disabled", title: "Security feature switched off", category: .security, severity: .warning,
        rationale: "Products ship protections that a development setup switches off: Elasticsearch's security (`xpack.security.enabled=false` leaves the index open), Grafana's anonymous Admin role, HTTPS enforcement and abuse protection flags. Copied into a deployment, the switch stays off and nothing else says so.",
        remedy: "Turn the feature on (and set its credentials or certificates) in every environment that is reachable by others; keep the switch off only in a local file that is not deployed.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              search: { kind: elasticsearch, image: "elasticsearch:8.15.0", env: { xpack.security.enabled: "false" } }
            """, importedFrom: .compose), RuleExample("""
            lintel: 1
            system: demo
            components:
              grafana: { kind: observability, image: "grafana/grafana:11.2.0", env: { GF_AUTH_ANONYMOUS_ENABLED: "true", GF_AUTH_ANONYMOUS_ORG_ROLE: Admin } }
            """, importedFrom: .compose)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              search: { kind: elasticsearch, image: "elasticsearch:8.15.0", env: { xpack.security.enabled: "true" } }
              api: { kind: service, env: { FEATURE_CACHE: disabled } }
            """, importedFrom: .compose)])

    public init() {}

    /// Name fragments of security switches.
    /// (A client's `REDIS_TLS_ENABLED=false` towards a store on the same private network is not one.)
    static let securityWords = ["SECURITY", "AUTH", "HTTPS", "ABUSE", "PROTECTION", "CSRF"]

    /// Why the variable switches security off, or `nil`.
    static func disables(_ variable: EnvironmentVariable, in component: Component) -> String? {
        guard let value = variable.value?.lowercased() else { return nil }
        let name = variable.name.uppercased().replacingOccurrences(of: ".", with: "_")
        if name.contains("ANONYMOUS_ENABLED"), value == "true" {
            let role = component.env.first { $0.name.uppercased().contains("ANONYMOUS_ORG_ROLE") }?.value ?? "Viewer"
            return "anonymous access is on with the \(role) role"
        }
        if name.contains("DISABLE_LOGIN") && value == "true" { return nil }
        guard securityWords.contains(where: { name.contains($0) }) else { return nil }
        let off = ["false", "disabled", "off", "0", "no"].contains(value)
        let negated = name.contains("DISABLE") && ["true", "1", "yes"].contains(value)
        guard off || negated else { return nil }
        // `*_ENABLED=false` / `*_DISABLED=true` on a variable that turns protection on.
        if name.contains("INSECURE") { return nil }
        return "\(variable.name)=\(variable.value ?? "")"
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for component in context.components {
            for variable in component.env {
                guard let why = Self.disables(variable, in: component) else { continue }
                findings.append(finding("\(component.name) switches a protection off: \(why)", components: [component.name],
                                        at: variable.location ?? component.location(of: "env")))
            }
        }
        return findings
    }
}

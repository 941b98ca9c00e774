import LintelModel

/// An imported deployment's public entry served over plain HTTP.
public struct PublicEntryWithoutTLS: Rule {
    public static let description = RuleDescription(
        id: "public-entry-without-tls", title: "Public entry without TLS", category: .security, severity: .warning,
        rationale: "A public entry point served without TLS sends sessions, API keys and passwords in clear text to anyone on the path, and lets them be changed in flight. In a deployment it shows as a published port with no HTTPS port beside it and no TLS terminator (an Ingress without `tls:`, a gateway without 443).",
        remedy: "Terminate TLS at the entry: an Ingress `tls:` section with a certificate, a reverse proxy publishing 443 in front of the application, or the application's own HTTPS listener; then state `tls: true`.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: "acme/web:4.1.0", public: true, ports: [3000] }
            """, importedFrom: .compose)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: "acme/web:4.1.0", public: true, ports: [80, 443] }
              api: { kind: service, image: "acme/api:4.1.0", public: true, tls: true, ports: [8080] }
            """, importedFrom: .compose), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, public: true }
            """)])

    public init() {}

    /// Ports that serve HTTPS by convention.
    static let tlsPorts: Set<Int> = [443, 8443, 9443]

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.isImported else { return [] }
        let systemHasTLS = context.components.contains { $0.isPublic && ($0.tls == true || !Self.tlsPorts.isDisjoint(with: $0.ports)) }
        return context.components.compactMap { component in
            guard component.isPublic, component.kind.category == .compute, component.tls != true, !systemHasTLS,
                  AdminConsolePublished.console(component) == nil, !context.isTestClient(component) else { return nil }
            let ports = component.ports.map(String.init).joined(separator: ", ")
            return finding("\(component.name) is public over plain HTTP\(ports.isEmpty ? "" : " (port \(ports))") with no TLS terminator in front",
                           components: [component.name], at: component.location(of: "public"))
        }
    }
}

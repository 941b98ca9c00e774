import LintelModel

/// Traffic that crosses the internet without encryption.
public struct PlaintextAcrossTrustBoundary: Rule {
    public static let description = RuleDescription(
        id: "plaintext-across-trust-boundary", title: "Plaintext traffic across a trust boundary", category: .security, severity: .error,
        rationale: "Traffic between the internet and a public component, or from the system to a third party, crosses networks the team does not control; without TLS, credentials, tokens and personal data can be read and altered in transit (PCI DSS 4.2, GDPR Art. 32).",
        remedy: "Serve public components over TLS (`tls: true`) and call external systems over an encrypted protocol (`protocol: https`, `grpcs`, or `tls: true` on the call).",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway: { kind: gateway, public: true, auth: jwt, rate_limit: 100/s, tls: false }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              orders: { kind: service, calls: [ { to: psp, timeout: 2s, protocol: http } ] }
              psp: { kind: external }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway: { kind: gateway, public: true, auth: jwt, rate_limit: 100/s, tls: true, calls: [ { to: orders, timeout: 2s } ] }
              orders: { kind: service, calls: [ { to: psp, timeout: 2s, protocol: https } ] }
              psp: { kind: external }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for component in context.components {
            if component.isPublic, component.kind != .objectStorage, component.tls == false || (component.tls == nil && !context.isImported) {
                let stated = component.tls == false ? "serves plaintext (tls: false)" : "does not state TLS"
                let text = "public \(component.kind.rawValue) \(component.name) \(stated)"
                findings.append(finding(text, components: [component.name], at: component.location(of: component.keyLocations["tls"] != nil ? "tls" : "public")))
            }
            for call in component.calls {
                guard let target = context.index[call.to], context.component(target).kind == .external else { continue }
                let encrypted = call.tls == true || call.protocolName?.isEncrypted == true || (call.protocolName == nil && call.tls == nil && context.component(target).tls == true)
                guard !encrypted, call.tls != nil || call.protocolName != nil || !context.isImported else { continue }
                let how = call.protocolName.map { "over \($0.rawValue)" } ?? "without stating TLS"
                let text = "\(component.name) calls external \(call.to) \(how)"
                // Unstated is a gap in the model (most external APIs are HTTPS-only), not a known plaintext call.
                let unstated = call.protocolName == nil && call.tls == nil
                findings.append(finding(text, components: [component.name, call.to], at: call.location(of: call.keyLocations["protocol"] != nil ? "protocol" : "tls"),
                                        severity: unstated ? .info : nil))
            }
        }
        return findings
    }
}

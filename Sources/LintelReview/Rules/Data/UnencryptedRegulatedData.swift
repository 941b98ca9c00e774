import LintelModel

/// Regulated data stored without encryption at rest.
public struct UnencryptedRegulatedData: Rule {
    public static let description = RuleDescription(
        id: "unencrypted-regulated-data", title: "Regulated data not encrypted at rest", category: .data, severity: .error,
        rationale: "PCI DSS (requirement 3.5), HIPAA (§164.312) and GDPR (Art. 32) expect stored cardholder, health and personal data to be encrypted at rest; a lost disk, snapshot or backup is otherwise a reportable breach. A store counts as regulated when it `holds` such data, stores an entity with sensitive fields, or is a database of a system under pci-dss, hipaa or gdpr.",
        remedy: "Turn on encryption at rest (disk or tablespace encryption, a KMS-managed key) and state `encrypted: true`.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: db, timeout: 200ms } ] }
              db: { kind: postgres, holds: [payment], backups: daily }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, calls: [ { to: db, timeout: 200ms }, { to: cache, timeout: 20ms } ] }
              db: { kind: postgres, holds: [payment], backups: daily, encrypted: true }
              cache: { kind: redis }
            """)])

    public init() {}

    static let regulations: Set<Compliance> = [.pciDss, .gdpr, .hipaa]

    public func check(_ context: ReviewContext) -> [Finding] {
        let regulated = context.model.requirements.compliance.filter { Self.regulations.contains($0) }
        var findings: [Finding] = []
        for store in context.components where store.kind.isDatastore && store.encrypted != true {
            let holds = context.holdsRegulatedData(store)
            guard holds || (!regulated.isEmpty && store.kind.category == .database) else { continue }
            var what: [String] = store.holds
            what += context.entities(storedIn: store.name).filter(\.holdsSensitiveData).map { "\($0.name) (sensitive fields)" }
            let subject = what.isEmpty ? "the system of record of a system under \(regulated.map(\.rawValue).joined(separator: ", "))" : "holds \(what.joined(separator: ", "))"
            let text = "\(store.name) \(subject) and is not encrypted at rest"
            findings.append(finding(text, components: [store.name], at: store.location(of: store.keyLocations["encrypted"] != nil ? "encrypted" : "holds")))
        }
        return findings
    }
}

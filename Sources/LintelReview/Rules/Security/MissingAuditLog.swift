import LintelModel

/// Regulated data without an audit trail of who accessed it.
public struct MissingAuditLog: Rule {
    public static let description = RuleDescription(
        id: "missing-audit-log", title: "No audit log for regulated data", category: .security, severity: .warning,
        rationale: "PCI DSS (requirement 10), HIPAA (§164.312(b)), SOX and GDPR accountability require recording who read or changed regulated data; without an audit log a breach cannot be scoped, and the answer to a regulator or a data-subject request is a guess.",
        remedy: "Turn on the store's audit logging (pgAudit, MySQL audit plugin, the cloud provider's data-access logs), ship it to append-only storage, and state `audit_log: true`.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { compliance: [gdpr] }
            components:
              db: { kind: postgres, holds: [pii], encrypted: true, backups: daily }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { compliance: [gdpr] }
            components:
              db: { kind: postgres, holds: [pii], encrypted: true, backups: daily, audit_log: true }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              db: { kind: postgres, holds: [pii], encrypted: true, backups: daily }
            """)])

    public init() {}

    static let regulations: Set<Compliance> = [.pciDss, .gdpr, .hipaa, .sox]

    public func check(_ context: ReviewContext) -> [Finding] {
        let regulated = context.model.requirements.compliance.filter { Self.regulations.contains($0) }
        guard !regulated.isEmpty else { return [] }
        var findings: [Finding] = []
        for store in context.components
        where store.kind.isDatastore && store.kind.category != .cache && store.auditLog != true && context.holdsRegulatedData(store) {
            let held = store.holds.isEmpty ? "sensitive entity data" : store.holds.joined(separator: ", ")
            let text = "\(store.name) holds \(held) under \(regulated.map(\.rawValue).joined(separator: ", ")) with no audit log"
            findings.append(finding(text, components: [store.name], at: store.location(of: store.keyLocations["audit_log"] != nil ? "audit_log" : "holds")))
        }
        return findings
    }
}

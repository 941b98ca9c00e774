import Foundation
import LintelModel

/// A secret written into configuration.
public struct PlaintextSecret: Rule {
    public static let description = RuleDescription(
        id: "plaintext-secret", title: "Secret in plain configuration", category: .security, severity: .error,
        rationale: "A password, token or key written as a literal environment value ends up in the repository, in `docker inspect`, in CI logs and in every copy of the manifest; it cannot be rotated without a deploy and is readable by anyone who can read the configuration. Connection strings with `user:password@` count too, and so does switching the password off: `MYSQL_ALLOW_EMPTY_PASSWORD=true` (or MariaDB's and Bitnami's equivalents) and `POSTGRES_HOST_AUTH_METHOD=trust` let anyone who reaches the port in as root.",
        remedy: "Move the value to a secret store (Kubernetes Secret, Docker secret, Vault, a cloud secret manager), reference it (`env: { DB_PASSWORD: { secret: db-password } }`) and rotate the exposed one.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, env: { DB_PASSWORD: hunter2, LOG_LEVEL: info } }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, env: { DATABASE_URL: "postgres://app:s3cret@db:5432/app" } }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              db: { kind: mysql, env: { MYSQL_ROOT_PASSWORD: { secret: db-root }, MYSQL_ALLOW_EMPTY_PASSWORD: "true" } }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, env: { DB_PASSWORD: { secret: db-password }, DATABASE_URL: "postgres://db:5432/app", TOKEN_TTL: 1h, PRIMARY_KEY_COLUMN: id } }
              db: { kind: mysql, env: { MYSQL_ROOT_PASSWORD: { secret: db-root }, MYSQL_ALLOW_EMPTY_PASSWORD: "no" } }
            """)])

    public init() {}

    /// True when the variable looks like it holds a secret literally.
    static func isSecret(name: String, value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("${"), !trimmed.hasPrefix("$(") else { return false }
        if hasCredentials(trimmed) { return true }
        // The name patterns live in one place, shared with `default-credentials`.
        return CredentialNames.isCredentialName(name) && !CredentialNames.isFlag(trimmed)
    }

    /// `scheme://user:password@host`.
    static func hasCredentials(_ value: String) -> Bool {
        guard let scheme = value.range(of: "://") else { return false }
        let rest = value[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@") else { return false }
        let userInfo = rest[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return false }
        return !userInfo[userInfo.index(after: colon)...].isEmpty && !userInfo.contains("/")
    }

    /// True when the variable switches a database's password off (`MYSQL_ALLOW_EMPTY_PASSWORD=true`,
    /// `MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1`, Bitnami's `ALLOW_EMPTY_PASSWORD=yes`, `POSTGRES_HOST_AUTH_METHOD=trust`).
    static func disablesPassword(name: String, value: String) -> Bool {
        let upper = name.uppercased(), lower = value.trimmingCharacters(in: .whitespaces).lowercased()
        if upper.hasSuffix("HOST_AUTH_METHOD") { return lower == "trust" }
        guard isPasswordSwitch(name) else { return false }
        return ["true", "yes", "1", "on", "y"].contains(lower)
    }

    /// A flag that allows an empty password: its value is a switch, never a secret.
    static func isPasswordSwitch(_ name: String) -> Bool { CredentialNames.isPasswordSwitch(name) }

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for component in context.components {
            for variable in component.env where !variable.fromSecret {
                if let value = variable.value, Self.disablesPassword(name: variable.name, value: value) {
                    let text = "\(component.name) sets \(variable.name)=\(value): the database accepts connections without a password"
                    findings.append(finding(text, components: [component.name], at: variable.location ?? component.location(of: "env")))
                    continue
                }
                if Self.isPasswordSwitch(variable.name) { continue }
                guard let value = variable.value, Self.isSecret(name: variable.name, value: value) else { continue }
                let kind = Self.hasCredentials(value) ? "a connection string with a password" : "a literal secret"
                let text = "\(component.name) sets \(variable.name) to \(kind) in its configuration"
                findings.append(finding(text, components: [component.name], at: variable.location ?? component.location(of: "env")))
            }
        }
        return findings
    }
}

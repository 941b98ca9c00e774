import Foundation
import LintelCapacity
import LintelModel

/// A credential left empty, at a well-known default, or equal to its user name.
public struct DefaultCredentials: Rule {
    public static let description = RuleDescription(
        id: "default-credentials", title: "Default or empty credential", category: .security, severity: .error,
        rationale: "A password, key or salt that is empty, a shipped default (`postgres`, `guest`, `minioadmin`, `changeme`) or the same as its user name is the first thing a scanner tries: it opens the store to anyone who reaches its port, and a default salt or signing key lets anyone forge sessions or reverse hashes. Credentials hide under names the usual checks miss — `DB_PWD`, `SMTP_PASS`, `REDIS_AUTH`, `SALT`, `NEXTAUTH_SALT` — so the rule reads the same name patterns as `plaintext-secret` (one list, `CredentialNames`). A value taken from a secret store is not judged: the file does not show it. Error: it is the cheapest break-in there is.",
        remedy: "Generate a random value per environment (`openssl rand -base64 32`), keep it in a secret store and reference it (`env: { DB_PWD: { secret: db-password } }`); never ship the image's default, and never set a password equal to its user.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              db: { kind: postgres, env: { POSTGRES_USER: app, POSTGRES_PASSWORD: postgres } }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, env: { DB_USER: temporal, DB_PWD: temporal, REDIS_AUTH: "", SALT: changeme } }
            """, importedFrom: .compose)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              db: { kind: postgres, env: { POSTGRES_USER: app, POSTGRES_PASSWORD: { secret: db-password } } }
              api: { kind: service, env: { DB_USER: temporal, DB_PWD: { secret: db-pwd }, ENABLE_AUTH: "1", TOKEN_TTL: 1h } }
            """)])

    public init() {}

    /// Endings of names that identify a credential without being secret: a key's id (`AWS_ACCESS_KEY_ID`), a public key.
    static let identifierSuffixes = ["_ID", "_PUBLIC_KEY", "_USER", "_USERNAME"]

    /// Why the value of the credential variable `name` is guessable, or `nil` when it is not. An empty value
    /// counts only on a server (`serverSide`): there it means no password, while an application's empty
    /// variable means the feature is not configured (`LANGFUSE_INIT_USER_PASSWORD: ""` creates no user).
    static func weakness(name: String, value: String, in env: [EnvironmentVariable], serverSide: Bool) -> String? {
        let upper = name.uppercased()
        guard CredentialNames.isCredentialName(name), !identifierSuffixes.contains(where: { upper.hasSuffix($0) }) else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("${") || trimmed.hasPrefix("$(") { return nil }
        if trimmed.isEmpty { return serverSide ? "empty" : nil }
        // `true`, `1`, `none` are switches about a credential, not credentials (`plaintext-secret` agrees).
        if CredentialNames.isFlag(trimmed) { return nil }
        if CredentialNames.isDefaultValue(trimmed) { return "the well-known default '\(trimmed)'" }
        let users = CredentialNames.userNames(for: name)
        if let user = env.first(where: { users.contains($0.name.uppercased()) && !$0.fromSecret }),
           let userValue = user.value?.trimmingCharacters(in: .whitespaces), !userValue.isEmpty,
           userValue.lowercased() == trimmed.lowercased() {
            return "the same as \(user.name)"
        }
        return nil
    }

    /// A component that checks credentials rather than presenting them: a datastore, broker or coordination service.
    static func isServer(_ component: Component) -> Bool {
        component.kind.isDatastore || component.kind.isMessaging || component.kind.category == .infrastructure
    }

    /// The weak credentials each component sets, servers first judged, so that a client repeating a server's
    /// weak password (`POSTGRES_PWD: temporal` for a `postgresql` whose password is `temporal`) is not a second finding.
    static func weakCredentials(_ context: ReviewContext) -> [[(variable: EnvironmentVariable, why: String)]] {
        var weak = [[(variable: EnvironmentVariable, why: String)]](repeating: [], count: context.components.count)
        var serverValues = Set<String>()
        for server in [true, false] {
            for (index, component) in context.components.enumerated() where isServer(component) == server && !context.isTestClient(component) {
                for variable in component.env where !variable.fromSecret {
                    guard let value = variable.value,
                          let why = weakness(name: variable.name, value: value, in: component.env, serverSide: server) else { continue }
                    let key = value.trimmingCharacters(in: .whitespaces).lowercased()
                    if server { serverValues.insert(key) } else if serverValues.contains(key) { continue }
                    weak[index].append((variable, why))
                }
            }
        }
        return weak
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, weak) in Self.weakCredentials(context).enumerated() {
            let component = context.component(index)
            guard let first = weak.first else { continue }
            let list = weak.map { "\($0.variable.name) is \($0.why)" }.joined(separator: ", ")
            let count = Figure(Double(weak.count), .count, "credential variables of \(component.name) that are empty, a shipped default or equal to their user")
            findings.append(finding("\(component.name) has a guessable credential: \(list)", components: [component.name],
                                    at: first.variable.location ?? component.location(of: "env"), figures: [count]))
        }
        return findings
    }
}

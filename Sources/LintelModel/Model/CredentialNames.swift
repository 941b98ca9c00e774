import Foundation

/// Which environment variables hold credentials, and which credential values anyone can guess:
/// the one place the name patterns live (review's `plaintext-secret` and `default-credentials` read it).
public enum CredentialNames {
    /// Words that mark a variable as a credential wherever they occur in its name.
    public static let words = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL", "AUTH_KEY"]
    /// Endings that mark a credential under a less obvious name: `SIGNING_KEY`, `DB_PWD`, `SMTP_PASS`,
    /// `REDIS_AUTH`, `NEXTAUTH_SALT`. (`PWD` alone is the shell's working directory; only `_PWD` counts.)
    public static let suffixes = ["_KEY", "_PWD", "_PASS", "_AUTH", "_SALT"]
    /// Whole names that are credentials on their own (Langfuse's `SALT`).
    public static let names: Set<String> = ["SALT"]
    /// Endings of names that contain a credential word but hold a setting about it, not the secret.
    public static let settingSuffixes = ["_TTL", "_FILE", "_PATH", "_URL_PATH", "_EXPIRY", "_EXPIRES", "_LENGTH", "_TIMEOUT", "_HEADER",
                                         "_NAME", "_COLUMN"]
    /// Beginnings of switches about authentication (`ENABLE_AUTH`, `DISABLE_AUTH`): flags, not secrets.
    public static let flagPrefixes = ["ENABLE_", "DISABLE_", "USE_", "ALLOW_", "REQUIRE_", "SKIP_"]
    /// Values that are flags or placeholders, never a secret.
    public static let flagValues: Set<String> = ["true", "false", "yes", "no", "on", "off", "0", "1", "none", "null", "enabled", "disabled",
                                                 "changeme-in-secret-store"]
    /// Passwords shipped as defaults or typed by habit: the first words of every credential-stuffing list
    /// and the images' documented examples. A credential set to one of these is as good as none.
    public static let defaultValues: Set<String> = ["password", "passw0rd", "pass", "secret", "admin", "administrator", "root", "toor", "guest",
                                                    "changeme", "change-me", "change_me", "changeit", "default", "test", "example", "123456",
                                                    "12345678", "letmein", "postgres", "mysql", "mariadb", "mongo", "mongodb", "redis",
                                                    "rabbitmq", "minio", "minioadmin", "elastic", "user", "demo", "qwerty"]

    /// True when the name says the value is a credential (`DB_PASSWORD`, `API_KEY`, `DB_PWD`, `SALT`), unless it
    /// names a setting about one (`TOKEN_TTL`, `POSTGRES_PASSWORD_FILE`) or a switch (`ENABLE_AUTH`, `ALLOW_EMPTY_PASSWORD`).
    public static func isCredentialName(_ name: String) -> Bool {
        let upper = name.uppercased()
        if settingSuffixes.contains(where: { upper.hasSuffix($0) }) || isPasswordSwitch(upper) { return false }
        if flagPrefixes.contains(where: { upper.hasPrefix($0) }) && !words.contains(where: { upper.contains($0) }) { return false }
        return names.contains(upper) || words.contains { upper.contains($0) } || suffixes.contains { upper.hasSuffix($0) }
    }

    /// A flag that allows an empty password: its value is a switch, never a secret.
    public static func isPasswordSwitch(_ name: String) -> Bool {
        let upper = name.uppercased()
        return upper.hasSuffix("ALLOW_EMPTY_PASSWORD") || upper.hasSuffix("ALLOW_EMPTY_ROOT_PASSWORD")
    }

    /// True when the value is a flag or placeholder (`true`, `1`, `none`), not a secret.
    public static func isFlag(_ value: String) -> Bool {
        flagValues.contains(value.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// True when the value is a well-known default password (case-insensitive).
    public static func isDefaultValue(_ value: String) -> Bool {
        defaultValues.contains(value.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The names of the user variables a credential variable pairs with: `POSTGRES_PASSWORD` → `POSTGRES_USER`,
    /// `POSTGRES_USERNAME`; `DB_PWD` → `DB_USER`, `DB_USERNAME`.
    public static func userNames(for name: String) -> [String] {
        let upper = name.uppercased()
        for marker in ["_PASSWORD", "_PASSWD", "_PWD", "_PASS"] where upper.hasSuffix(marker) {
            let prefix = String(upper.dropLast(marker.count))
            return [prefix + "_USER", prefix + "_USERNAME", prefix + "_ROOT_USER"]
        }
        return []
    }
}

import Foundation

/// Recognises environment variables that hold credentials.
public enum SecretDetector {
    /// Words in a variable name that mark its value as a credential.
    public static let nameMarkers = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "PRIVATE"]

    /// True when the name says the value is a credential (`DB_PASSWORD`, `API_KEY`, `DB_PWD`), unless it
    /// names a file or a flag about one (`POSTGRES_PASSWORD_FILE`).
    public static func isSecretName(_ name: String) -> Bool {
        let upper = name.uppercased()
        if upper.hasSuffix("_FILE") || upper.hasSuffix("_PATH") { return false }
        // `_PWD` only as a suffix: the shell's own `PWD` is the working directory.
        return nameMarkers.contains { upper.contains($0) } || upper.hasSuffix("_PWD")
    }

    /// True when the value embeds credentials: `scheme://user:password@host` or a Go-style
    /// DSN `user:password@tcp(host:port)/db`.
    public static func hasCredentials(_ value: String) -> Bool {
        for token in value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }) {
            var text = Substring(token)
            if let scheme = text.range(of: "://") { text = text[scheme.upperBound...] }
            guard let at = text.lastIndex(of: "@") else { continue }
            let userInfo = text[..<at]
            if userInfo.contains("/") { continue }
            if let colon = userInfo.firstIndex(of: ":"), userInfo.index(after: colon) < userInfo.endIndex,
               colon > userInfo.startIndex {
                return true
            }
        }
        return false
    }

    /// True when the value embeds credentials whose password is written out, not a reference
    /// (`postgres://app:pw@${DB_HOST}` yes, `postgres://app:${DB_PASSWORD}@db` and
    /// `postgres://app:$(DB_PASSWORD)@db` no): a secret the file itself contains.
    public static func hasLiteralCredentials(_ value: String) -> Bool {
        for token in value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }) {
            var text = Substring(token)
            if let scheme = text.range(of: "://") { text = text[scheme.upperBound...] }
            guard let at = text.lastIndex(of: "@") else { continue }
            let userInfo = text[..<at]
            if userInfo.contains("/") { continue }
            // `redis://:secret@cache` has a password and no user.
            guard let colon = userInfo.firstIndex(of: ":") else { continue }
            let password = userInfo[userInfo.index(after: colon)...]
            if !password.isEmpty, !password.contains("$") { return true }
        }
        return false
    }

    /// True when a variable with this name and value carries a credential.
    public static func isSecret(name: String, value: String?) -> Bool {
        isSecretName(name) || (value.map(hasCredentials) ?? false)
    }
}

import Foundation
import LintelModel

/// Recognises environment variables that hold credentials: by name through `CredentialNames` (the one
/// place the name patterns live, shared with review's secret rules), by value from the URLs and DSNs
/// that embed a password.
public enum SecretDetector {
    /// True when the name says the value is a credential (`DB_PASSWORD`, `API_KEY`, `DB_PWD`, `SALT`), unless it
    /// names a setting or a switch about one (`POSTGRES_PASSWORD_FILE`, `TOKEN_TTL`, `ALLOW_EMPTY_PASSWORD`).
    public static func isSecretName(_ name: String) -> Bool {
        CredentialNames.isCredentialName(name)
    }

    /// True when the value embeds credentials: `scheme://user:password@host` or a Go-style
    /// DSN `user:password@tcp(host:port)/db`.
    public static func hasCredentials(_ value: String) -> Bool {
        userInfos(value).contains { userInfo in
            guard let colon = userInfo.firstIndex(of: ":") else { return false }
            return colon > userInfo.startIndex && userInfo.index(after: colon) < userInfo.endIndex
        }
    }

    /// The `user:password` part before the last `@` of each URL or DSN in the value (space, comma or
    /// semicolon separated), after any `scheme://`; a part holding `/` is a path, not user information.
    static func userInfos(_ value: String) -> [Substring] {
        value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).compactMap { token in
            var text = Substring(token)
            if let scheme = text.range(of: "://") { text = text[scheme.upperBound...] }
            guard let at = text.lastIndex(of: "@") else { return nil }
            let userInfo = text[..<at]
            return userInfo.contains("/") ? nil : userInfo
        }
    }

    /// True when the value embeds credentials whose password is written out, not a reference
    /// (`postgres://app:pw@${DB_HOST}` yes, `postgres://app:${DB_PASSWORD}@db` and
    /// `postgres://app:$(DB_PASSWORD)@db` no): a secret the file itself contains.
    public static func hasLiteralCredentials(_ value: String) -> Bool {
        // `redis://:secret@cache` has a password and no user.
        userInfos(value).contains { userInfo in
            guard let colon = userInfo.firstIndex(of: ":") else { return false }
            let password = userInfo[userInfo.index(after: colon)...]
            return !password.isEmpty && !password.contains("$")
        }
    }

    /// True when a variable with this name and value carries a credential.
    public static func isSecret(name: String, value: String?) -> Bool {
        isSecretName(name) || (value.map(hasCredentials) ?? false)
    }
}

import Foundation
import LintelModel
import Testing
@testable import LintelReview

/// `default-credentials` and the one list of credential names it shares with `plaintext-secret`.
@Suite("Default and empty credentials")
struct DefaultCredentialsTests {
    @Test("credentials under non-obvious names are recognised; settings and switches about them are not",
          arguments: [("DB_PWD", true), ("SMTP_PASS", true), ("REDIS_AUTH", true), ("SALT", true), ("NEXTAUTH_SALT", true),
                      ("SIGNING_KEY", true), ("POSTGRES_PASSWORD", true), ("PWD", false), ("ENABLE_AUTH", false),
                      ("TOKEN_TTL", false), ("POSTGRES_PASSWORD_FILE", false), ("MYSQL_ALLOW_EMPTY_PASSWORD", false),
                      ("XMPP_AUTH_DOMAIN", false), ("LOG_LEVEL", false)])
    func names(_ name: String, _ isCredential: Bool) {
        #expect(CredentialNames.isCredentialName(name) == isCredential)
    }

    @Test("empty, shipped-default and user-equal credentials are reported once per component, with their count")
    func findsGuessableCredentials() throws {
        let yaml = """
        lintel: 1
        system: t
        components:
          api: { kind: service, env: { DB_USER: temporal, DB_PWD: temporal, REDIS_AUTH: "", SALT: changeme, API_KEY: "k-8f3a0c" } }
          db: { kind: postgres, env: { POSTGRES_USER: app, POSTGRES_PASSWORD: Postgres } }
          cache: { kind: redis, env: { REDIS_PASSWORD: "" } }
        """
        let found = try findings(of: DefaultCredentials.self, in: yaml)
        #expect(found.map(\.components) == [["api"], ["db"], ["cache"]])
        #expect(found.allSatisfy { $0.ruleID == "default-credentials" && $0.severity == .error })
        // DB_PWD (same as DB_USER) and SALT (default); REDIS_AUTH empty on an application means "not configured";
        // API_KEY is a real-looking literal: plaintext-secret's.
        #expect(found.first?.figures?.first?.value == 2)
        #expect(found[1].figures?.first?.value == 1)
        // On the store itself an empty password is no password.
        #expect(found.last?.message.contains("REDIS_PASSWORD is empty") == true)
        #expect(found.first?.message.contains("DB_PWD is the same as DB_USER") == true)
    }

    @Test("plaintext-secret reads the shared names: a literal under DB_PWD or SALT is a plaintext secret, a switch is not")
    func plaintextSecretSharesNames() throws {
        let yaml = """
        lintel: 1
        system: t
        components:
          api: { kind: service, env: { DB_PWD: "x9!kq", SALT: "b1946ac9", ENABLE_AUTH: "1" } }
        """
        let found = try findings(of: PlaintextSecret.self, in: yaml)
        #expect(found.count == 2)
        #expect(found.allSatisfy { !$0.message.contains("ENABLE_AUTH") })
        #expect(try findings(of: DefaultCredentials.self, in: yaml).isEmpty)
    }

    @Test("a client repeating its store's weak password is not a second finding; a key's id is not a secret")
    func clientsOfAWeakStore() throws {
        let yaml = """
        lintel: 1
        system: t
        components:
          app: { kind: service, env: { POSTGRES_USER: temporal, POSTGRES_PWD: temporal, S3_ACCESS_KEY_ID: minio } }
          db: { kind: postgres, env: { POSTGRES_USER: temporal, POSTGRES_PASSWORD: temporal } }
        """
        let found = try findings(of: DefaultCredentials.self, in: yaml)
        #expect(found.map(\.components) == [["db"]])
    }

    @Test("values from a secret store are not judged")
    func secretReferences() throws {
        let yaml = """
        lintel: 1
        system: t
        components:
          db: { kind: postgres, env: { POSTGRES_USER: postgres, POSTGRES_PASSWORD: { secret: db-password } } }
        """
        #expect(try findings(of: DefaultCredentials.self, in: yaml).isEmpty)
    }
}

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
        """
        let found = try findings(of: DefaultCredentials.self, in: yaml)
        #expect(found.map(\.components) == [["api"], ["db"]])
        #expect(found.allSatisfy { $0.ruleID == "default-credentials" && $0.severity == .error })
        // DB_PWD (same as DB_USER), REDIS_AUTH (empty), SALT (default); API_KEY is a real-looking literal: plaintext-secret's.
        #expect(found.first?.figures?.first?.value == 3)
        #expect(found.last?.figures?.first?.value == 1)
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

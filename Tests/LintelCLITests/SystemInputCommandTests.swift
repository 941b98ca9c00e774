import Foundation
import Testing

/// Several deployment files as one system, and what the importer infers from them (issue 12):
/// kinds from what a container is, external APIs from URLs, compose profiles.
@Suite("lintel review of a system of several files")
struct SystemInputCommandTests {
    static let corpus = CLI.root.appendingPathComponent("Tests/Corpus")

    /// Writes `files` (name → text) into a new directory and returns it.
    static func directory(_ files: [String: String]) throws -> URL {
        let directory = try CLI.temporaryDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    static func findings(_ stdout: String) throws -> [[String: Any]] {
        try ReviewImportCommandTests.findings(stdout)
    }

    /// `rule subject` of every finding.
    static func pairs(_ stdout: String) throws -> Set<String> {
        Set(try findings(stdout).compactMap { finding in
            guard let rule = finding["ruleID"] as? String, let subject = (finding["components"] as? [String])?.first else { return nil }
            return "\(rule) \(subject)"
        })
    }

    static let clientCompose = """
        services:
          api:
            image: acme/api:1.2.0
            restart: unless-stopped
            ports: ["8443:8443"]
            environment:
              POSTGRES_HOST: db
              POSTGRES_DB: shop
              POSTGRES_USER: shop
              PSP_URL: https://api.stripe.com/v1
          db:
            image: postgres:16.4
            restart: unless-stopped
            environment:
              POSTGRES_DB: shop
            volumes: ["data:/var/lib/postgresql/data"]
          debug:
            image: adminer:4.8.1
            profiles: [debug]
            ports: ["8080:8080"]
        volumes:
          data: {}
        """

    @Test("An application with client-side database variables is not a datastore; the database is")
    func clientVariables() throws {
        let directory = try Self.directory(["compose.yaml": Self.clientCompose])
        let imported = try CLI.run(["import", "compose", "compose.yaml"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("  api:  # compose.yaml:2:3\n    kind: service\n"), "\(imported.stdout)")
        #expect(imported.stdout.contains("  db:  # compose.yaml:11:3\n    kind: postgres\n"), "\(imported.stdout)")
        let review = try CLI.run(["review", "compose.yaml", "--format", "json", "--fail-on", "never"], in: directory)
        let pairs = try Self.pairs(review.stdout)
        // The public API reading its database is neither a public datastore nor a datastore without a volume.
        #expect(!pairs.contains("public-datastore api") && !pairs.contains("public-datastore db"))
        #expect(!pairs.contains { $0.hasPrefix("ephemeral-datastore-storage") })
    }

    @Test("A URL to a host outside the system becomes an external component with the call")
    func externalURL() throws {
        let directory = try Self.directory(["compose.yaml": Self.clientCompose])
        let imported = try CLI.run(["import", "compose", "compose.yaml"], in: directory)
        #expect(imported.stdout.contains("  api-stripe-com:  # compose.yaml:10:7\n    kind: external\n"), "\(imported.stdout)")
        #expect(imported.stdout.contains("- { to: api-stripe-com, mode: sync, protocol: https }"), "\(imported.stdout)")
        #expect(imported.stdout.contains("- { to: db, mode: sync }"), "\(imported.stdout)")
    }

    @Test("A profile-only service is not reviewed unless its profile is active")
    func profiles() throws {
        let directory = try Self.directory(["compose.yaml": Self.clientCompose])
        let inactive = try CLI.run(["review", "compose.yaml", "--format", "json", "--fail-on", "never"], in: directory)
        #expect(try !Self.pairs(inactive.stdout).contains { $0.hasSuffix(" debug") })
        let active = try CLI.run(["review", "compose.yaml", "--format", "json", "--fail-on", "never"], in: directory,
                                 environment: ["COMPOSE_PROFILES": "debug"])
        #expect(try Self.pairs(active.stdout).contains("admin-console-published debug"))
    }

    @Test("A manifest directory is one system: the Ingress file alone fails, with the others it makes productpage public")
    func manifestDirectory() throws {
        let bookinfo = Self.corpus.appendingPathComponent("bookinfo")
        let ingressAlone = try CLI.run(["review", bookinfo.appendingPathComponent("bookinfo-ingress.yaml").path])
        #expect(ingressAlone.status == 2)
        let files = ["bookinfo.yaml", "bookinfo-db.yaml", "bookinfo-ratings-v2.yaml", "bookinfo-ingress.yaml"]
            .map { bookinfo.appendingPathComponent($0).path }
        let listed = try CLI.run(["review", "--format", "json", "--fail-on", "never"] + files)
        let folder = try CLI.run(["review", bookinfo.path, "--format", "json", "--fail-on", "never"])
        #expect(listed.status == 0 && folder.status == 0, "\(listed.stderr)\(folder.stderr)")
        #expect(try Self.pairs(listed.stdout) == Self.pairs(folder.stdout))
        #expect(try Self.pairs(folder.stdout).contains("public-entry-without-tls productpage-v1"))
        // One system: one report.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(folder.stdout.utf8)) as? [String: Any])
        #expect((object["reports"] as? [Any])?.count == 1)
    }

    @Test("Compose files given together merge like docker compose -f: the add-ons join the core's system")
    func composeFiles() throws {
        let jitsi = Self.corpus.appendingPathComponent("jitsi")
        let files = ["docker-compose.yml", "jibri.yml", "jigasi.yml", "etherpad.yml"].map { jitsi.appendingPathComponent($0).path }
        let result = try CLI.run(["review", "--format", "json", "--fail-on", "never"] + files)
        let subjects = Set(try Self.pairs(result.stdout).filter { $0.hasPrefix("missing-health-check ") }.map { $0.dropFirst(21) })
        #expect(subjects == ["web", "prosody", "jicofo", "jvb", "jibri", "jigasi", "etherpad"])
    }
}

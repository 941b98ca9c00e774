import Foundation
import Testing

/// `--profile NAME` on every command that reads compose files, as `docker compose --profile`: a service
/// with `profiles:` is left out unless one of its profiles is active (option, COMPOSE_PROFILES, or .env).
@Suite("Compose profiles on the command line")
struct ProfileCommandTests {
    static func pairs(_ stdout: String) throws -> Set<String> { try SystemInputCommandTests.pairs(stdout) }

    @Test("review: the profile-only service is reviewed only with --profile (repeatable) naming one of its profiles")
    func review() throws {
        let directory = try SystemInputCommandTests.directory(["compose.yaml": SystemInputCommandTests.clientCompose])
        let base = ["review", "compose.yaml", "--format", "json", "--fail-on", "never"]
        let inactive = try CLI.run(base, in: directory)
        #expect(inactive.status == 0, "\(inactive.stderr)")
        #expect(try !Self.pairs(inactive.stdout).contains { $0.hasSuffix(" debug") })
        let other = try CLI.run(base + ["--profile", "metrics"], in: directory)
        #expect(try !Self.pairs(other.stdout).contains { $0.hasSuffix(" debug") })
        let active = try CLI.run(base + ["--profile", "metrics", "--profile", "debug"], in: directory)
        #expect(active.status == 0, "\(active.stderr)")
        #expect(try Self.pairs(active.stdout).contains("admin-console-published debug"))
    }

    @Test("COMPOSE_PROFILES in the .env next to the compose file activates the profile too")
    func dotEnv() throws {
        let directory = try SystemInputCommandTests.directory(["compose.yaml": SystemInputCommandTests.clientCompose,
                                                               ".env": "COMPOSE_PROFILES=debug\n"])
        let result = try CLI.run(["review", "compose.yaml", "--format", "json", "--fail-on", "never"], in: directory)
        #expect(try Self.pairs(result.stdout).contains("admin-console-published debug"))
    }

    @Test("check, capacity, render and import compose take --profile and include the service only with it")
    func otherCommands() throws {
        let directory = try SystemInputCommandTests.directory(["compose.yaml": SystemInputCommandTests.clientCompose])
        // check prints a summary: api, db and the external API, and the adminer with its profile.
        let check = try CLI.run(["check", "compose.yaml"], in: directory)
        let checkActive = try CLI.run(["check", "compose.yaml", "--profile", "debug"], in: directory)
        #expect(check.stdout.contains("has 3 components") && checkActive.stdout.contains("has 4 components"), "\(check.stdout)\(checkActive.stdout)")
        for command in [["render", "--format", "mermaid"], ["import", "compose"]] {
            let without = try CLI.run(command + ["compose.yaml"], in: directory)
            let with = try CLI.run(command + ["compose.yaml", "--profile", "debug"], in: directory)
            #expect(without.status == 0 && with.status == 0, "\(command): \(without.stderr)\(with.stderr)")
            #expect(!without.stdout.contains("debug"), "\(command): \(without.stdout)")
            #expect(with.stdout.contains("debug"), "\(command): \(with.stdout)")
        }
        let capacity = try CLI.run(["capacity", "compose.yaml", "--profile", "debug", "--format", "json"], in: directory)
        #expect(capacity.status == 0, "\(capacity.stderr)")
    }
}

import Foundation
import Testing

/// `lintel review` (and the other model commands) given docker-compose files and Kubernetes
/// manifests directly: imported on the fly, findings located in the original files.
@Suite("lintel review on compose files and manifests")
struct ReviewImportCommandTests {
    /// The corpus: an unchanged copy of the shared corpus, kept in the repository so CI has it.
    static let corpus = CLI.root.appendingPathComponent("Tests/Corpus")
    static let sockShopCompose = corpus.appendingPathComponent("sock-shop/docker-compose.yml").path
    static let robotShop = corpus.appendingPathComponent("robot-shop/docker-compose.yaml").path
    static let boutique = corpus.appendingPathComponent("online-boutique/kubernetes-manifests.yaml").path

    static func findings(_ stdout: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], "not JSON: \(stdout)")
        return (object["reports"] as? [[String: Any]] ?? []).flatMap { $0["findings"] as? [[String: Any]] ?? [] }
    }

    static func pairs(_ findings: [[String: Any]], rule: String) -> Set<String> {
        Set(findings.filter { $0["ruleID"] as? String == rule }.compactMap { ($0["components"] as? [String])?.first })
    }

    @Test("A compose file is imported on the fly: the README's shared stores are found, located in the compose file")
    func composeFile() throws {
        let result = try CLI.run(["review", Self.robotShop, "--format", "json", "--fail-on", "never"])
        #expect(result.status == 0)
        let findings = try Self.findings(result.stdout)
        #expect(Self.pairs(findings, rule: "shared-datastore") == ["mongodb", "mysql", "redis"])
        #expect(Self.pairs(findings, rule: "missing-health-check") == ["mongodb", "redis", "mysql", "rabbitmq", "dispatch"])
        for finding in findings {
            let location = try #require(finding["location"] as? [String: Any])
            #expect(location["file"] as? String == Self.robotShop)
        }
        // The error findings (stores without volumes) fail the default --fail-on error.
        #expect(try CLI.run(["review", Self.robotShop]).status == 1)
    }

    @Test("Kubernetes manifests are imported on the fly; warnings only, so the default run passes")
    func manifests() throws {
        let result = try CLI.run(["review", Self.boutique, "--format", "json"])
        #expect(result.status == 0)
        let findings = try Self.findings(result.stdout)
        #expect(Self.pairs(findings, rule: "single-point-of-failure").count == 11)
        #expect(Self.pairs(findings, rule: "missing-health-check").isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test("Import notes reach stderr only with --verbose; warnings always do")
    func verbose() throws {
        let quiet = try CLI.run(["review", Self.sockShopCompose, "--fail-on", "never"])
        let loud = try CLI.run(["review", Self.sockShopCompose, "--fail-on", "never", "--verbose"])
        let unset = "docker-compose.yml:43:9: warning: variable MYSQL_ROOT_PASSWORD is not set"
        #expect(quiet.stderr.contains(unset) && loud.stderr.contains(unset))
        let inferred = "note: call carts → carts-db inferred from the names"
        #expect(!quiet.stderr.contains(inferred))
        #expect(loud.stderr.contains(inferred))
        #expect(quiet.stdout == loud.stdout)
        // The text report is located in the compose file: the Docker socket mount at line 115.
        #expect(quiet.stdout.contains("docker-compose.yml:115:9: error: queue-master mounts the Docker socket"))
    }

    @Test("Several deployment files give one report each; a broken compose file is invalid input with a located error")
    func severalAndBroken() throws {
        let both = try CLI.run(["review", Self.robotShop, Self.boutique, "--format", "json", "--fail-on", "never"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as? [String: Any])
        let systems = (object["reports"] as? [[String: Any]] ?? []).compactMap { $0["system"] as? String }
        #expect(systems == ["robot-shop", "online-boutique"])

        let directory = try CLI.temporaryDirectory()
        let broken = directory.appendingPathComponent("docker-compose.yml")
        try Data("services:\n  web: 3\n".utf8).write(to: broken)
        let result = try CLI.run(["review", broken.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("docker-compose.yml:2:8: error: service 'web' must be a mapping"))
    }

    @Test("check, capacity and render take deployment files too")
    func otherCommands() throws {
        let check = try CLI.run(["check", Self.boutique])
        #expect(check.status == 0)
        #expect(check.stdout.contains("ok: system 'online-boutique' has 12 components"))
        let render = try CLI.run(["render", Self.robotShop])
        #expect(render.status == 0)
        #expect(render.stdout.contains("robot-shop"))
        #expect(try CLI.run(["capacity", Self.boutique]).status == 0)
    }
}

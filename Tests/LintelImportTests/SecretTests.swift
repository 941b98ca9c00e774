import Foundation
import LintelModel
import LintelReview
import Testing
@testable import LintelImport

/// Issue 17: a secret from the deployer's environment never reaches anything Lintel writes, and the
/// review reports the secrets the files themselves contain, at their line, and only those.
@Suite("Secrets from the environment stay references")
struct SecretTests {
    static let compose = Paths.fixture("secrets/compose.yaml")
    static let manifests = Paths.fixture("secrets/manifests.yaml")
    static let secret = "hunter2"
    /// Every variable the fixture reads, the secret-bearing ones holding `hunter2`.
    static let environment = [
        "DB_PASSWORD": secret, "DB_PWD": secret, "CACHE_PASSWORD": secret, "LOG_LEVEL": "debug",
        "DATABASE_URL": "postgres://app:\(secret)@db:5432/app", "SERVICE_URL": "postgres://svc:\(secret)@db:5432/app",
    ]

    static func plaintextLines(_ model: Model) -> [Int] {
        Reviewer.review(model, options: ReviewOptions(today: CalendarDate(year: 2026, month: 1, day: 1))).findings
            .filter { $0.ruleID == "plaintext-secret" }.map(\.location.line).sorted()
    }

    @Test("A password spliced into a URL, passed through or used in a command is kept as a reference; nothing written holds it")
    func composeSecrets() throws {
        let result = ComposeImporter(environment: Self.environment).importFiles([Self.compose])
        #expect(!result.hasErrors)
        let written = ModelWriter.yaml(result.model)
        #expect(!written.contains(Self.secret))
        #expect(!result.diagnostics.map(\.description).joined(separator: "\n").contains(Self.secret))
        let api = try #require(result.model["api"])
        let url = try #require(api.variable("DB_URL"))
        #expect(url.fromSecret && url.value == nil && url.secretReference == "postgres://app:${DB_PASSWORD}@db:5432/app")
        #expect(api.variable("DB_PASSWORD")?.secretReference == "${DB_PASSWORD}")
        #expect(api.variable("DATABASE_URL")?.fromSecret == true)
        #expect(api.variable("CACHE_PASSWORD")?.fromSecret == true)
        // Values that are not secrets are still resolved from the environment.
        #expect(api.variable("LOG_LEVEL")?.value == "debug")
        let worker = try #require(result.model["worker"])
        #expect(worker.variable("QUEUE_URL")?.secretReference == "amqp://worker:${DB_PWD}@queue:5672")
        #expect(worker.variable("DB_URL")?.secretReference == "${SERVICE_URL}")
        // The finding says where the secret comes from, at the line that uses it.
        #expect(result.diagnostics.contains {
            $0.severity == .note && $0.message.contains("DB_PASSWORD comes from the environment") && $0.location.line == 6
        })
        // The reference still names the host it connects to.
        #expect(result.model.callPairs.contains("worker->queue"))
    }

    @Test("Review reports the literal token the compose file contains, at its line, and no secret from the environment")
    func composeReview() throws {
        let result = ComposeImporter(environment: Self.environment).importFiles([Self.compose])
        #expect(Self.plaintextLines(result.model) == [11])
        // The written model, loaded back, says the same.
        let loaded = try ModelLoader.load(text: ModelWriter.yaml(result.model), file: "model.yaml").model
        let tokenLine = try #require(ModelWriter.yaml(result.model).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("ADMIN_TOKEN") })
        #expect(Self.plaintextLines(loaded) == [tokenLine + 1])
    }

    @Test("A password written in the file stays a reportable value even when the host comes from the environment")
    func literalPasswordEnvironmentHost() throws {
        let compose = "services:\n  api:\n    image: x\n    environment:\n      DB_URL: postgres://app:pw@${DB_HOST}:5432/app\n"
        let result = ComposeImporter(environment: ["DB_HOST": "db"]).importTexts([(name: "c.yaml", text: compose)])
        let url = try #require(result.model["api"]?.variable("DB_URL"))
        #expect(url.value == "postgres://app:pw@${DB_HOST}:5432/app" && !url.fromSecret)
        #expect(Self.plaintextLines(result.model) == [5])
        let manifest = "apiVersion: v1\nkind: Pod\nmetadata: {name: api}\nspec:\n  containers:\n    - name: api\n      image: x\n      env:\n"
            + "        - {name: DB_HOST, value: db}\n        - {name: DB_URL, value: \"postgres://app:pw@$(DB_HOST)/app\"}\n"
        let pod = KubernetesImporter().importTexts([(name: "m.yaml", text: manifest)])
        #expect(pod.model["api"]?.variable("DB_URL")?.fromSecret == false)
        #expect(Self.plaintextLines(pod.model) == [10])
    }

    @Test("Literal and referenced passwords in connection strings", arguments: [
        ("postgres://app:pw@${DB_HOST}/x", true), ("postgres://app:${DB_PASSWORD}@db/x", false),
        ("postgres://app:$(DB_PASSWORD)@db/x", false), ("redis://:secret@cache:6379", true), ("http://db:5432/x", false),
        ("app:pw@tcp(db:3306)/x", true),
    ])
    func literalCredentials(_ value: String, _ literal: Bool) {
        #expect(SecretDetector.hasLiteralCredentials(value) == literal)
    }

    @Test("A password from .env spliced into a URL is a plaintext secret located at its line in .env")
    func dotEnvSecretInURL() throws {
        let compose = "services:\n  api:\n    image: x\n    environment:\n      DB_URL: postgres://app:${DB_PASSWORD}@db:5432/app\n"
        let result = ComposeImporter().importTexts([(name: "c.yaml", text: compose)], dotEnv: (path: "p/.env", text: "# secrets\nDB_PASSWORD=s3cr3t\n"))
        let url = try #require(result.model["api"]?.variable("DB_URL"))
        #expect(url.value == "postgres://app:s3cr3t@db:5432/app" && url.location?.file == "p/.env" && url.location?.line == 2)
        #expect(Self.plaintextLines(result.model) == [2])
    }

    @Test("Kubernetes $(VAR) naming a secret keeps the reference; review reports only the literal token")
    func kubernetesSecrets() throws {
        let result = KubernetesImporter().importFiles([Self.manifests])
        #expect(!result.hasErrors)
        let api = try #require(result.model["api"])
        let url = try #require(api.variable("DB_URL"))
        #expect(url.fromSecret && url.value == nil && url.secretReference == "postgres://app:$(DB_PASSWORD)@db:5432/app")
        #expect(api.variable("CACHE_URL")?.fromSecret == true)
        #expect(Self.plaintextLines(result.model) == [26])
    }

    @Test("Kubernetes dependent references: $(NAME) found, $$(NAME) escaped", arguments: [
        ("postgres://app:$(DB_PASSWORD)@db", ["DB_PASSWORD"]), ("$$(NOT_A_REF) $(A)$(B)", ["A", "B"]),
        ("$(", []), ("$(1X) $(Y", []),
    ])
    func dependentReferences(_ value: String, _ names: [String]) {
        #expect(KubernetesWorkloadReader.dependentReferences(in: value) == names)
    }
}

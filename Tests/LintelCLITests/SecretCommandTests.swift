import Foundation
import Testing

/// Issue 17: with DB_PASSWORD=hunter2 in the environment, "hunter2" appears nowhere Lintel writes —
/// stdout, stderr or the model written with -o — and review does not report it as plaintext.
@Suite("lintel import and review keep environment secrets out of every output")
struct SecretCommandTests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/LintelImportTests/Fixtures/secrets")
    static let compose = fixtures.appendingPathComponent("compose.yaml").path
    static let manifests = fixtures.appendingPathComponent("manifests.yaml").path
    static let environment = [
        "DB_PASSWORD": "hunter2", "DB_PWD": "hunter2", "CACHE_PASSWORD": "hunter2",
        "DATABASE_URL": "postgres://app:hunter2@db:5432/app", "SERVICE_URL": "postgres://svc:hunter2@db:5432/app",
    ]

    static func plaintextLines(_ stdout: String) throws -> [Int] {
        try ReviewImportCommandTests.findings(stdout).filter { $0["ruleID"] as? String == "plaintext-secret" }
            .compactMap { ($0["location"] as? [String: Any])?["line"] as? Int }.sorted()
    }

    @Test("import compose, to stdout and with -o, and review of the compose file: no hunter2 anywhere", arguments: [compose, manifests])
    func noSecretAnywhere(_ file: String) throws {
        let kind = file == Self.compose ? "compose" : "k8s"
        let printed = try CLI.run(["import", kind, file], environment: Self.environment)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(!printed.stdout.contains("hunter2") && !printed.stderr.contains("hunter2"))
        #expect(printed.stdout.contains(kind == "compose" ? "${DB_PASSWORD}" : "$(DB_PASSWORD)"))

        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("model.yaml").path
        let written = try CLI.run(["import", kind, file, "-o", output], environment: Self.environment)
        #expect(written.status == 0)
        let model = try String(contentsOfFile: output, encoding: .utf8)
        #expect(!model.contains("hunter2") && !written.stdout.contains("hunter2") && !written.stderr.contains("hunter2"))

        // Review of the written model and of the deployment file: only the token the file contains, located in the
        // deployment file both times (the written model keeps its origin as data).
        for (input, line) in [(output, kind == "compose" ? 11 : 26), (file, kind == "compose" ? 11 : 26)] {
            let review = try CLI.run(["review", input, "--format", "json", "--fail-on", "never", "--verbose"], environment: Self.environment)
            #expect(review.status == 0)
            #expect(!review.stdout.contains("hunter2") && !review.stderr.contains("hunter2"))
            #expect(try Self.plaintextLines(review.stdout) == [line], "\(input)")
        }
    }
}

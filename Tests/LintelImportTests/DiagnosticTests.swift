import LintelModel
import Testing
@testable import LintelImport

/// Invalid files give located errors, never a crash or a hang.
@Suite("Diagnostics")
struct DiagnosticTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { file }
    }

    static let composeCases = [
        Case(file: "broken/not-yaml.yaml", line: 4, column: 1, message: "invalid YAML"),
        Case(file: "broken/list.yaml", line: 1, column: 1, message: "expected a mapping with 'services:'"),
        Case(file: "broken/no-services.yaml", line: 1, column: 1, message: "no 'services:'"),
        Case(file: "broken/duplicate.yaml", line: 4, column: 5, message: "duplicate key 'image' (first defined at line 3)"),
        Case(file: "broken/bomb.yaml", line: 6, column: 8, message: "document expands to too many nodes"),
        Case(file: "broken/service-scalar.yaml", line: 2, column: 8, message: "service 'web' must be a mapping"),
    ]

    @Test("Broken compose files give a located error", arguments: composeCases)
    func brokenCompose(_ expected: Case) throws {
        let path = Paths.fixture(expected.file)
        let result = ComposeImporter().importFiles([path])
        #expect(result.hasErrors)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.location == SourceLocation(file: path, line: expected.line, column: expected.column))
        #expect(error.message.contains(expected.message))
        #expect(error.description.hasPrefix("\(path):\(expected.line):\(expected.column): error: "))
    }

    @Test("Compose service names docker compose refuses (a bidirectional override, a control character, a space) are errors at the key, printed escaped",
          arguments: [("\"a\\u202Eb\"", "'a<U+202E>b'"), ("\"we\\u0007b\"", "'we<U+0007>b'"), ("\"my api\"", "'my api'")])
    func composeNames(_ example: (yaml: String, printed: String)) throws {
        let result = ComposeImporter().importTexts([("c.yml", "services:\n  \(example.yaml):\n    image: nginx\n  api:\n    image: nginx\n")])
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.location == SourceLocation(file: "c.yml", line: 2, column: 3))
        #expect(error.message == "the service name \(example.printed) is not one docker compose accepts: only ASCII letters, digits, '.', '_' and '-'; not imported")
        #expect(result.model.components.map(\.name) == ["api"])
    }

    @Test("A Kubernetes object name with a bidirectional override is an error at the name, printed escaped; RBAC's ':' is a name")
    func kubernetesNames() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: "web\\u202E" }
            spec: { template: { spec: { containers: [ { name: web, image: nginx } ] } } }
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: api }
            spec: { template: { spec: { containers: [ { name: api, image: nginx } ] } } }
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: { name: "system:aggregate-to-edit" }
            """
        let result = KubernetesImporter().importTexts([("k.yaml", text)])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["the Deployment name 'web<U+202E>' contains the control character U+202E; ignored"])
        #expect(errors.first?.location.line == 3)
        #expect(result.model.components.map(\.name) == ["api"])
    }

    @Test("A service that is not a mapping is reported and the others still import")
    func partialImport() {
        let result = ComposeImporter().importFiles([Paths.fixture("broken/service-scalar.yaml")])
        #expect(result.model.components.map(\.name) == ["api"])
    }

    @Test("A manifest document that is not an object is located; a Service with nothing to select is a note")
    func brokenManifest() throws {
        let path = Paths.fixture("broken/k8s-no-workloads.yaml")
        let result = KubernetesImporter().importFiles([path])
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.location == SourceLocation(file: path, line: 2, column: 1))
        #expect(result.diagnostics.contains { $0.severity == .note && $0.message.contains("lonely") })
    }

    @Test("Manifests without any workload are an error; a missing file is an error at line 1")
    func emptyInputs() throws {
        let empty = KubernetesImporter().importTexts([("m.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n")])
        #expect(empty.diagnostics(.error).first?.message.contains("no workloads") == true)
        let missing = ComposeImporter().importFiles(["/nonexistent/compose.yaml"])
        #expect(missing.diagnostics(.error).first?.location == SourceLocation(file: "/nonexistent/compose.yaml", line: 1, column: 1))
    }

    @Test("Unset required variables (${VAR:?message}) are errors at the value")
    func requiredVariable() throws {
        let result = ComposeImporter().importTexts([("c.yaml", "services:\n  a:\n    image: x:${TAG:?set a tag}\n")])
        let error = try #require(result.diagnostics(.error).first)
        #expect(error.location == SourceLocation(file: "c.yaml", line: 3, column: 12))
        #expect(error.message.contains("set a tag"))
    }

    @Test("Odd but valid input does not crash", arguments: [
        "services:\n  a:\n",
        "services:\n  a:\n    ports: [\"[::1]:80:80\", 8080, {target: 9000}]\n    volumes: [{type: bind}]\n",
        "services:\n  a:\n    environment: [\"=x\", \"A\"]\n    depends_on: 7\n    healthcheck: {test: NONE}\n",
        "services:\n  a:\n    image: \"${\"\n    deploy: {replicas: many}\n",
    ])
    func oddInput(_ text: String) {
        let result = ComposeImporter().importTexts([("c.yaml", text)])
        #expect(!result.hasErrors)
        #expect(result.model.components.first?.name == "a")
    }

    @Test("A merge key with a scalar among its sources is a located error, as in a model")
    func mergeScalar() throws {
        let result = ComposeImporter().importTexts([("c.yaml", "services:\n  a: &x {image: redis}\n  b: {<<: [*x, 3]}\n")])
        let error = try #require(result.diagnostics(.error).first)
        #expect(error.location == SourceLocation(file: "c.yaml", line: 3, column: 16))
        #expect(error.message.contains("merge key"))
    }
}

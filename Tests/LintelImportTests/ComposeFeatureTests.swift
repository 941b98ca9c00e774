import LintelModel
import Testing
@testable import LintelImport

@Suite("Compose features")
struct ComposeFeatureTests {
    static let interpolationPath = Paths.fixture("interpolation/compose.yaml")

    @Test("${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+alt} and $$ follow compose's rules, the shell winning over .env")
    func interpolation() throws {
        let result = ComposeImporter(environment: ["SHELL_ONLY": "from-shell"]).importFiles([Self.interpolationPath])
        #expect(!result.hasErrors)
        let api = try #require(result.model["api"])
        #expect(api.image == "docker.io/shop/api:1.4.2")
        #expect(api.instances == 5)
        #expect(api.variable("LITERAL_DOLLAR")?.value == "price is $5")
        #expect(api.variable("FROM_SHELL")?.value == "from-shell")
        // EMPTY is set but empty in .env: `:-` takes the default, `-` keeps the empty value.
        #expect(api.variable("GREETING")?.value == "hello ")
        #expect(api.variable("ALT")?.value == "tagged")
        #expect(api.variable("MISSING")?.value == "")
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("NOT_SET") && $0.location.line == 13 })
    }

    @Test("A secret resolved from .env is plain text located in .env; one left to the shell is a reference")
    func secretsThroughInterpolation() throws {
        let result = ComposeImporter().importFiles([Self.interpolationPath])
        let api = try #require(result.model["api"])
        let password = try #require(api.variable("DB_PASSWORD"))
        #expect(password.value == "s3cr3t" && !password.fromSecret)
        #expect(password.location == SourceLocation(file: Paths.fixture("interpolation/.env"), line: 5, column: 8))
        let token = try #require(api.variable("API_TOKEN"))
        #expect(token.fromSecret && token.value == nil && token.secretReference == "${API_TOKEN}")
    }

    @Test("Several files merge like docker compose -f: scalars override, ports append, volumes unique by target, !reset removes")
    func multiFileMerge() throws {
        let result = ComposeImporter().importFiles([Paths.fixture("merge/base.yaml"), Paths.fixture("merge/override.yaml")])
        #expect(!result.hasErrors)
        let model = result.model
        #expect(model.system == "shop")
        #expect(model.components.map(\.name) == ["web", "orders", "cache"])
        let web = try #require(model["web"])
        #expect(web.image == "shop/web:2.0")
        #expect(web.ports == [80, 443])
        #expect(web.volumes.count == 1)
        #expect(web.volumes.first?.kind == .host && web.volumes.first?.source == "./static")
        #expect(web.variable("LOG_LEVEL")?.value == "debug")
        #expect(web.variable("ORDERS_URL")?.value == "http://orders:8080")
        #expect(web.variable("FEATURE_X")?.value == "on")
        // ORDERS_URL names orders; `depends_on: cache` is start order, not a call, once the environment names a component.
        #expect(web.calls.map(\.to) == ["orders"])
        #expect(web.variable("LOG_LEVEL")?.location?.file == Paths.fixture("merge/override.yaml"))
        let orders = try #require(model["orders"])
        #expect(orders.instances == 4)
        #expect(orders.healthCheck == nil)
        #expect(orders.location(of: "instances").file == Paths.fixture("merge/override.yaml"))
        #expect(model["cache"]?.kind == .redis)
    }

    @Test("Command, entrypoint and healthcheck.test are replaced, not appended")
    func replacedAttributes() throws {
        let base = YAMLReader().documents(text: "services:\n  a:\n    command: [x, y]\n", file: "a.yml").documents[0]
        let override = YAMLReader().documents(text: "services:\n  a:\n    command: [z]\n", file: "b.yml").documents[0]
        let merged = try #require(ComposeTree.merge(base, override))
        #expect(merged[["services", "a", "command"]]?.items.compactMap(\.string) == ["z"])
    }

    @Test("Merge keys and anchors: explicit keys win, the first merged mapping wins over later ones")
    func anchors() throws {
        let model = ComposeImporter().importFiles([Paths.fixture("anchors.yaml")]).model
        #expect(model["catalog"]?.instances == 3)
        #expect(model["catalog"]?.healthCheck?.path == "/ready")
        let search = try #require(model["search"])
        #expect(search.kind == .elasticsearch)
        #expect(search.instances == 1)
        #expect(search.resources == Resources(cpuLimit: 0.5, memoryLimit: DataSize(bytes: 256 * 1_048_576)))
    }

    @Test("Ports, volumes, resources, env_file, security and calls of a full compose file")
    func fullFile() throws {
        let path = Paths.fixture("full.yaml")
        let result = ComposeImporter().importFiles([path])
        #expect(!result.hasErrors)
        let model = result.model
        #expect(model.components.filter(\.isPublic).map(\.name) == ["gateway"])
        #expect(model["gateway"]?.kind == .gateway)
        #expect(model["gateway"]?.location(of: "public").line == 6)
        #expect(model["admin"]?.security == SecurityContext(runAsNonRoot: false, privileged: true))
        #expect(result.diagnostics.contains { $0.severity == .note && $0.message.contains("mystery_key") && $0.location.line == 18 })

        let orders = try #require(model["orders"])
        #expect(orders.resources == Resources(cpuLimit: 1.5, memoryLimit: DataSize(bytes: 512 * 1_048_576)))
        #expect(orders.healthCheck == nil)
        #expect(orders.location(of: "health_check").line == 28)
        #expect(orders.volumes == [Volume(mount: "/run/secrets/stripe_key", kind: .config, source: "stripe_key",
                                          location: SourceLocation(file: path, line: 31, column: 9))])
        // The payment API's URL names a public host: an external component with the call.
        #expect(orders.calls.map(\.to) == ["orders-db", "events", "cache", "api-payments-example-com"])
        #expect(orders.calls.map(\.mode) == [.sync, .async, .sync, .sync])
        #expect(orders.calls.map(\.protocolName) == [.sql, .amqp, nil, .https])
        #expect(model["api-payments-example-com"]?.kind == .external)
        let apiKey = try #require(orders.variable("PAYMENT_API_KEY"))
        #expect(apiKey.value == "sk_live_123")
        #expect(apiKey.location == SourceLocation(file: Paths.fixture("orders.env"), line: 2, column: 1))
        #expect(orders.variable("LOG_LEVEL")?.value == "warn")
        #expect(SecretDetector.isSecret(name: "DATABASE_URL", value: orders.variable("DATABASE_URL")?.value))

        let database = try #require(model["orders-db"])
        #expect(database.volumes.map(\.kind) == [.persistent, .ephemeral])
        #expect(database.resources == Resources(memoryRequest: DataSize(bytes: 1_073_741_824), cpuLimit: 2,
                                                memoryLimit: DataSize(bytes: 2 * 1_073_741_824)))
        // A named volume whose driver mounts tmpfs keeps nothing.
        #expect(model["events"]?.volumes.map(\.kind) == [.ephemeral])
        #expect(model["cache"]?.security == SecurityContext(runAsNonRoot: true, readOnlyRootFilesystem: true))
    }
}

import LintelModel
import Testing
@testable import LintelImport

/// The compose files of the shared corpus, checked against the facts its README lists
/// (read from the upstream files, not from this importer's output).
@Suite("Compose corpus")
struct ComposeCorpusTests {
    static let sockShop = ComposeImporter().importFiles([Paths.corpus("sock-shop/docker-compose.yml")])
    static let robotShop = ComposeImporter().importFiles([Paths.corpus("robot-shop/docker-compose.yaml")])

    @Test("Sock Shop compose imports without errors, one component per service, in file order")
    func sockShopComponents() {
        let result = Self.sockShop
        #expect(!result.hasErrors)
        #expect(result.model.system == "sock-shop")
        #expect(result.model.origin.format == .compose)
        #expect(result.model.components.map(\.name) == [
            "front-end", "edge-router", "catalogue", "catalogue-db", "carts", "carts-db", "orders", "orders-db",
            "shipping", "queue-master", "rabbitmq", "payment", "user", "user-db", "user-sim",
        ])
        #expect(result.model.components.allSatisfy { $0.instances == 1 })
    }

    @Test("Sock Shop kinds: catalogue-db is MySQL, the other -db stores MongoDB, rabbitmq a broker, edge-router a gateway")
    func sockShopKinds() throws {
        let model = Self.sockShop.model
        #expect(model["catalogue-db"]?.kind == .mysql)
        #expect(model["carts-db"]?.kind == .mongodb)
        #expect(model["orders-db"]?.kind == .mongodb)
        #expect(model["user-db"]?.kind == .mongodb)
        #expect(model["rabbitmq"]?.kind == .rabbitmq)
        #expect(model["edge-router"]?.kind == .gateway)
        for name in ["front-end", "catalogue", "carts", "orders", "shipping", "queue-master", "payment", "user"] {
            #expect(model[name]?.kind == .service, "\(name)")
        }
    }

    @Test("Sock Shop: no database has a volume at its data directory, no service has a health check or limits")
    func sockShopWeaknesses() throws {
        let model = Self.sockShop.model
        for store in ["catalogue-db", "carts-db", "orders-db", "user-db", "rabbitmq"] {
            let component = try #require(model[store])
            #expect(!component.volumes.contains { $0.kind == .persistent }, "\(store)")
            #expect(component.resources == nil, "\(store)")
        }
        // carts-db only has a tmpfs at /tmp (line 71); catalogue-db nothing at all.
        #expect(model["carts-db"]?.volumes == [Volume(mount: "/tmp", kind: .ephemeral, source: "tmpfs",
                                                      location: SourceLocation(file: Paths.corpus("sock-shop/docker-compose.yml"), line: 71, column: 9))])
        #expect(model["catalogue-db"]?.volumes.isEmpty == true)
        #expect(model.components.allSatisfy { $0.healthCheck == nil })
    }

    @Test("Sock Shop: queue-master mounts the Docker socket from the host, located at line 115")
    func dockerSocket() throws {
        let volume = try #require(Self.sockShop.model["queue-master"]?.volumes.first)
        #expect(volume.kind == .host)
        #expect(volume.source == "/var/run/docker.sock")
        #expect(volume.mount == "/var/run/docker.sock")
        #expect(volume.location?.line == 115)
    }

    @Test("Sock Shop: only edge-router publishes ports (80 and 8080)")
    func sockShopExposure() {
        let model = Self.sockShop.model
        #expect(model.components.filter(\.isPublic).map(\.name) == ["edge-router"])
        #expect(model["edge-router"]?.ports == [80, 8080])
        #expect(model["edge-router"]?.location(of: "public").line == 14)
    }

    @Test("Sock Shop: secrets on catalogue-db; the root password is a reference to the shell, the empty-password flag a literal switch")
    func sockShopSecrets() throws {
        let database = try #require(Self.sockShop.model["catalogue-db"])
        let root = try #require(database.variable("MYSQL_ROOT_PASSWORD"))
        #expect(root.fromSecret && root.value == nil)
        #expect(root.secretReference == "${MYSQL_ROOT_PASSWORD}")
        #expect(root.location?.line == 43)
        let allowEmpty = try #require(database.variable("MYSQL_ALLOW_EMPTY_PASSWORD"))
        #expect(allowEmpty.value == "true" && !allowEmpty.fromSecret)
        // A switch, not a secret (CredentialNames.isPasswordSwitch): review's plaintext-secret reports what it switches off.
        #expect(!SecretDetector.isSecret(name: allowEmpty.name, value: allowEmpty.value))
        #expect(allowEmpty.location == SourceLocation(file: Paths.corpus("sock-shop/docker-compose.yml"), line: 44, column: 9))
        // The unset variable is reported, as docker compose does.
        #expect(Self.sockShop.diagnostics.contains { $0.severity == .warning && $0.message.contains("MYSQL_ROOT_PASSWORD") })
    }

    @Test("Sock Shop calls: user → user-db from MONGO_HOST, and each service to its own -db store by name; all in the README's list")
    func sockShopCalls() {
        let model = Self.sockShop.model
        #expect(model.callPairs == ["carts->carts-db", "catalogue->catalogue-db", "orders->orders-db", "user->user-db"])
        // MONGO_HOST=user-db:27017 is on line 155.
        #expect(model["user"]?.calls.first?.location.line == 155)
    }

    @Test("Robot Shop imports without errors; ${REPO} and ${TAG} come from the .env file")
    func robotShopComponents() {
        let result = Self.robotShop
        #expect(!result.hasErrors)
        #expect(result.model.components.map(\.name) == [
            "mongodb", "redis", "rabbitmq", "catalogue", "user", "cart", "mysql", "shipping", "ratings", "payment", "dispatch", "web",
        ])
        #expect(result.model["catalogue"]?.image == "robotshop/rs-catalogue:2.1.0")
        #expect(result.model["mongodb"]?.kind == .mongodb)
        #expect(result.model["mysql"]?.kind == .mysql)
        #expect(result.model["redis"]?.kind == .redis)
        #expect(result.model["rabbitmq"]?.kind == .rabbitmq)
        #expect(result.model.components.allSatisfy { $0.instances == 1 && $0.resources == nil && $0.volumes.isEmpty })
    }

    @Test("Robot Shop calls follow depends_on; shared stores show as several callers; calls to rabbitmq are async")
    func robotShopCalls() throws {
        let model = Self.robotShop.model
        #expect(model.callPairs == [
            "cart->redis", "catalogue->mongodb", "dispatch->rabbitmq", "payment->rabbitmq", "ratings->mysql", "shipping->mysql",
            "user->mongodb", "user->redis", "web->catalogue", "web->payment", "web->shipping", "web->user",
        ])
        #expect(model["payment"]?.calls.first?.mode == .async)
        #expect(model["dispatch"]?.calls.first?.mode == .async)
        #expect(model["web"]?.calls.allSatisfy { $0.mode == .sync } == true)
        // depends_on of web: `- catalogue` at line 150, column 9.
        #expect(model["web"]?.calls.first?.location.line == 150)
    }

    @Test("Robot Shop health checks: the services have them, the stores and dispatch do not")
    func robotShopHealth() {
        let model = Self.robotShop.model
        for name in ["catalogue", "user", "cart", "shipping", "ratings", "payment", "web"] {
            #expect(model[name]?.healthCheck != nil, "\(name)")
        }
        for name in ["mongodb", "redis", "mysql", "rabbitmq", "dispatch"] {
            #expect(model[name]?.healthCheck == nil, "\(name)")
        }
        #expect(model["ratings"]?.healthCheck?.path == "/_health")
        #expect(model["catalogue"]?.location(of: "health_check").line == 34)
    }

    @Test("Robot Shop: only web is published, on 8080")
    func robotShopExposure() {
        let model = Self.robotShop.model
        #expect(model.components.filter(\.isPublic).map(\.name) == ["web"])
        #expect(model["web"]?.ports == [8080])
    }

    @Test("Imported models list what deployment files cannot say")
    func unknownsListed() {
        let unknowns = Self.robotShop.model.origin.unknowns.joined(separator: " ")
        for word in ["latency", "timeouts", "retries"] { #expect(unknowns.contains(word)) }
        #expect(Self.robotShop.model.components.allSatisfy { $0.calls.allSatisfy { $0.timeout == nil && $0.retries == 0 } })
    }
}

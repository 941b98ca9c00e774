import LintelModel
import Testing
@testable import LintelImport

/// The Kubernetes manifests of the shared corpus, checked against the facts its README lists.
@Suite("Kubernetes corpus")
struct KubernetesCorpusTests {
    static let sockShopPath = Paths.corpus("sock-shop/complete-demo.yaml")
    static let boutiquePath = Paths.corpus("online-boutique/kubernetes-manifests.yaml")
    static let sockShop = KubernetesImporter().importFiles([sockShopPath])
    static let boutique = KubernetesImporter().importFiles([boutiquePath])

    @Test("Sock Shop manifests import without errors, named after their namespace, every Deployment at replicas: 1")
    func sockShopComponents() throws {
        let result = Self.sockShop
        #expect(!result.hasErrors)
        #expect(result.model.system == "sock-shop")
        #expect(result.model.components.map(\.name) == [
            "carts", "carts-db", "catalogue", "catalogue-db", "front-end", "orders", "orders-db", "payment",
            "queue-master", "rabbitmq", "session-db", "shipping", "user", "user-db",
        ])
        #expect(result.model.components.allSatisfy { $0.instances == 1 })
        // `replicas: 1` of carts is on line 15.
        #expect(result.model["carts"]?.location(of: "instances") == SourceLocation(file: Self.sockShopPath, line: 15, column: 3))
        #expect(result.model["session-db"]?.kind == .redis)
        #expect(result.model["catalogue-db"]?.kind == .mysql)
        #expect(result.model["user-db"]?.kind == .mongodb)
    }

    @Test("Sock Shop: the databases live on emptyDir or on nothing, never on a persistent volume")
    func sockShopVolumes() throws {
        let model = Self.sockShop.model
        for store in ["carts-db", "orders-db", "user-db"] {
            let volumes = try #require(model[store]?.volumes)
            #expect(volumes.map(\.kind) == [.ephemeral], "\(store)")
            #expect(volumes.first?.source == "emptyDir (Memory)")
        }
        for store in ["catalogue-db", "session-db", "rabbitmq"] {
            #expect(model[store]?.volumes.isEmpty == true, "\(store)")
        }
        // carts-db's volume is declared `emptyDir:` on line 112.
        #expect(model["carts-db"]?.volumes.first?.location?.line == 112)
    }

    @Test("Sock Shop probes only on catalogue, front-end, payment and user")
    func sockShopProbes() {
        let model = Self.sockShop.model
        #expect(model.components.filter { $0.healthCheck != nil }.map(\.name) == ["catalogue", "front-end", "payment", "user"])
        #expect(model["catalogue"]?.healthCheck == HealthCheck(path: "/health", liveness: true, readiness: true))
        #expect(model["catalogue"]?.location(of: "health_check").line == 173)
    }

    @Test("Sock Shop: the stores have no resource limits, the services do")
    func sockShopLimits() {
        let model = Self.sockShop.model
        for store in ["carts-db", "catalogue-db", "orders-db", "rabbitmq", "session-db", "user-db"] {
            #expect(model[store]?.resources?.hasLimits != true, "\(store)")
        }
        #expect(model["carts"]?.resources == Resources(cpuRequest: 0.1, memoryRequest: DataSize(bytes: 200 * 1_048_576),
                                                       cpuLimit: 0.3, memoryLimit: DataSize(bytes: 500 * 1_048_576)))
        #expect(model["carts"]?.location(of: "resources").line == 30)
    }

    @Test("Sock Shop: front-end is public through its NodePort Service; the plaintext MySQL password is located")
    func sockShopExposureAndSecrets() throws {
        let model = Self.sockShop.model
        #expect(model.components.filter(\.isPublic).map(\.name) == ["front-end"])
        #expect(model["front-end"]?.location(of: "public").line == 313)
        let password = try #require(model["catalogue-db"]?.variable("MYSQL_ROOT_PASSWORD"))
        #expect(password.value == "fake_password" && !password.fromSecret)
        #expect(password.location == SourceLocation(file: Self.sockShopPath, line: 227, column: 13))
    }

    @Test("Sock Shop calls: user → user-db from the `mongo` variable, the others by store name")
    func sockShopCalls() {
        #expect(Self.sockShop.model.callPairs == ["carts->carts-db", "catalogue->catalogue-db", "orders->orders-db", "user->user-db"])
        #expect(Self.sockShop.model["user"]?.calls.first?.location.line == 790)
    }

    @Test("Online Boutique imports without errors; no Deployment sets replicas, so every service is single")
    func boutiqueComponents() {
        let result = Self.boutique
        #expect(!result.hasErrors)
        #expect(result.model.components.map(\.name) == [
            "frontend", "adservice", "currencyservice", "cartservice", "redis-cart", "loadgenerator", "recommendationservice",
            "checkoutservice", "emailservice", "paymentservice", "shippingservice", "productcatalogservice",
        ])
        #expect(result.model.components.allSatisfy { $0.instances == 1 })
        #expect(result.model["loadgenerator"]?.location(of: "instances").line == 451)
        #expect(result.model["frontend"]?.location(of: "instances") == SourceLocation(file: Self.boutiquePath, line: 24, column: 3))
        #expect(result.model["redis-cart"]?.kind == .redis)
    }

    @Test("Online Boutique calls are the README's, from the *_ADDR variables, all gRPC but the HTTP ones")
    func boutiqueCalls() throws {
        let model = Self.boutique.model
        #expect(model.callPairs == [
            "cartservice->redis-cart",
            "checkoutservice->cartservice", "checkoutservice->currencyservice", "checkoutservice->emailservice",
            "checkoutservice->paymentservice", "checkoutservice->productcatalogservice", "checkoutservice->shippingservice",
            "frontend->adservice", "frontend->cartservice", "frontend->checkoutservice", "frontend->currencyservice",
            "frontend->productcatalogservice", "frontend->recommendationservice", "frontend->shippingservice",
            "loadgenerator->frontend",
            "recommendationservice->productcatalogservice",
        ])
        let frontend = try #require(model["frontend"])
        #expect(frontend.calls.allSatisfy { $0.protocolName == .grpc && $0.mode == .sync })
        #expect(frontend.calls.first?.location.line == 76)
        // The shopping assistant is not deployed by these manifests: a note, not a call.
        #expect(Self.boutique.diagnostics.contains { $0.severity == .note && $0.message.contains("shoppingassistantservice") })
    }

    @Test("Online Boutique strengths are preserved: probes, requests and limits, non-root, read-only root filesystem")
    func boutiqueStrengths() {
        for component in Self.boutique.model.components where component.name != "loadgenerator" {
            #expect(component.healthCheck?.liveness == true && component.healthCheck?.readiness == true, "\(component.name)")
        }
        for component in Self.boutique.model.components {
            #expect(component.resources?.hasLimits == true, "\(component.name)")
            #expect(component.resources?.cpuRequest != nil && component.resources?.memoryRequest != nil, "\(component.name)")
            #expect(component.security == SecurityContext(runAsNonRoot: true, readOnlyRootFilesystem: true, privileged: false),
                    "\(component.name)")
        }
    }

    @Test("Online Boutique weaknesses: redis-cart on emptyDir, only frontend public, no disruption budget or autoscaler")
    func boutiqueWeaknesses() throws {
        let model = Self.boutique.model
        let redis = try #require(model["redis-cart"])
        #expect(redis.volumes.map(\.kind) == [.ephemeral])
        #expect(redis.volumes.first?.mount == "/data")
        #expect(model.components.filter(\.isPublic).map(\.name) == ["frontend"])
        #expect(model["frontend"]?.location(of: "public").line == 136)
        #expect(model.components.allSatisfy { $0.disruptionBudget == false && $0.autoscale == nil })
    }
}

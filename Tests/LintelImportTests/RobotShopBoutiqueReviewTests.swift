import Foundation
import LintelModel
import LintelReview
import Testing
@testable import LintelImport

/// The reviews of Robot Shop (compose) and Online Boutique (Kubernetes), finding by finding,
/// against `shared/corpus/README.md`.
@Suite("Robot Shop and Online Boutique reviews")
struct RobotShopBoutiqueReviewTests {
    static let robotShop = CorpusReview("robot-shop/docker-compose.yaml")
    static let boutique = CorpusReview("online-boutique/kubernetes-manifests.yaml")

    static let robotShopServices: Set<String> = [
        "mongodb", "redis", "rabbitmq", "catalogue", "user", "cart", "mysql", "shipping", "ratings", "payment", "dispatch", "web",
    ]
    /// Every Deployment but the load generator.
    static let boutiqueServices: Set<String> = [
        "frontend", "adservice", "currencyservice", "cartservice", "redis-cart", "recommendationservice",
        "checkoutservice", "emailservice", "paymentservice", "shippingservice", "productcatalogservice",
    ]

    @Test("Robot Shop: recognised as compose; only the expected rules report")
    func robotShopRules() {
        #expect(Self.robotShop.format == .compose)
        #expect(Self.robotShop.rules == [
            "single-point-of-failure", "ephemeral-datastore-storage", "shared-datastore", "missing-health-check",
            "missing-resource-limits", "unknown-resilience-settings", "public-entry-without-tls", "missing-restart-policy",
        ])
        // Not in the README's list, true of the file: web (8080) is the only published port and serves plain HTTP,
        // and no service sets `restart:`, so a crashed container stays down.
        #expect(Self.robotShop.subjects("public-entry-without-tls") == ["web"])
        #expect(Self.robotShop.subjects("missing-restart-policy") == Self.robotShopServices)
    }

    @Test("Robot Shop: the README's weaknesses, finding by finding")
    func robotShopWeaknesses() throws {
        let review = Self.robotShop
        // No service sets deploy.replicas: every one runs a single copy.
        #expect(review.subjects("single-point-of-failure") == Self.robotShopServices)
        // "no store has a volume" (mongodb, mysql, rabbitmq; redis holds carts and sessions, a warning).
        #expect(review.subjects("ephemeral-datastore-storage") == ["mongodb", "mysql", "rabbitmq", "redis"])
        #expect(review.finding("ephemeral-datastore-storage", "redis")?.severity == .warning)
        #expect(review.finding("ephemeral-datastore-storage", "mysql")?.severity == .error)
        // "shared stores (mongodb used by catalogue and user; mysql by shipping and ratings; redis by cart and user)".
        #expect(review.subjects("shared-datastore") == ["mongodb", "mysql", "redis"])
        #expect(Set(try #require(review.finding("shared-datastore", "mongodb")).components) == ["mongodb", "catalogue", "user"])
        #expect(Set(try #require(review.finding("shared-datastore", "mysql")).components) == ["mysql", "shipping", "ratings"])
        #expect(Set(try #require(review.finding("shared-datastore", "redis")).components) == ["redis", "cart", "user"])
        // "no healthchecks on mongodb, redis, mysql, rabbitmq, dispatch".
        #expect(review.subjects("missing-health-check") == ["mongodb", "redis", "mysql", "rabbitmq", "dispatch"])
        // "no resource limits".
        #expect(review.subjects("missing-resource-limits") == Self.robotShopServices)
        // Nothing in the file is a secret or mounts the host.
        #expect(review.findings("plaintext-secret").isEmpty && review.findings("privileged-container").isEmpty)
    }

    @Test("Robot Shop: every finding points at the offending line of docker-compose.yaml")
    func robotShopLocations() {
        Self.robotShop.expectLocations([
            "single-point-of-failure": serviceKey,
            "shared-datastore": serviceKey,
            "missing-health-check": serviceKey,
            "missing-resource-limits": { _ in "image:" },
            "ephemeral-datastore-storage": { _ in "image:" },
            "unknown-resilience-settings": { _ in "services:" },
        ])
    }

    @Test("Online Boutique: recognised as Kubernetes; only the expected rules report")
    func boutiqueRules() {
        #expect(Self.boutique.format == .kubernetes)
        #expect(Self.boutique.rules == [
            "single-point-of-failure", "ephemeral-datastore-storage", "excessive-fan-out", "all-synchronous", "unknown-resilience-settings",
            "public-entry-without-tls", "floating-image-tag",
        ])
        // Not in the README's list, true of the manifests: the frontend's LoadBalancer serves HTTP on 80 without TLS,
        // and redis-cart runs `redis:alpine`, a moving tag. The strengths (probes, limits, non-root, read-only) stay unflagged.
        #expect(Self.boutique.subjects("public-entry-without-tls") == ["frontend"])
        #expect(Self.boutique.subjects("floating-image-tag") == ["redis-cart"])
        #expect(!Self.boutique.rules.contains("missing-security-context"))
    }

    @Test("Online Boutique: the README's weaknesses, finding by finding")
    func boutiqueWeaknesses() throws {
        let review = Self.boutique
        // "no Deployment sets replicas, so every service is a single instance"; "no PodDisruptionBudget or autoscaler".
        #expect(review.subjects("single-point-of-failure") == Self.boutiqueServices)
        #expect(review.findings("single-point-of-failure").allSatisfy { $0.message.contains("no PodDisruptionBudget or autoscaler") })
        // "redis-cart is single, on emptyDir".
        #expect(review.subjects("ephemeral-datastore-storage") == ["redis-cart"])
        #expect(review.finding("ephemeral-datastore-storage", "redis-cart")?.location.line == 424)
        // "frontend -> productcatalog, currency, cart, recommendation, shipping, checkout, ad": 7 synchronous calls.
        #expect(review.subjects("excessive-fan-out") == ["frontend"])
        // "all gRPC … No messaging": 10 services (the load generator is not one), and 7 + 6 + 1 calls
        // between them (frontend, checkout, recommendation; cart -> redis-cart is a store call).
        #expect(review.findings("all-synchronous").map(\.message) == ["10 services talk only synchronously (14 service-to-service calls, no topic or queue)"])
    }

    @Test("Online Boutique: the strengths are not flagged — probes, requests and limits, non-root, read-only root filesystem")
    func boutiqueStrengths() {
        let review = Self.boutique
        for rule in ["missing-health-check", "missing-resource-limits", "privileged-container", "plaintext-secret"] {
            #expect(review.findings(rule).isEmpty, "\(rule): \(review.findings(rule).map(\.message))")
        }
        // The load generator is test traffic, not part of the system: nothing is reported about it.
        #expect(!review.report.findings.contains { $0.components.contains("loadgenerator") })
    }

    @Test("Online Boutique: every finding points at the offending line of kubernetes-manifests.yaml")
    func boutiqueLocations() {
        Self.boutique.expectLocations([
            // No `replicas:` anywhere: the finding is at the Deployment's name.
            "single-point-of-failure": { "name: \($0)" },
            "ephemeral-datastore-storage": { _ in "emptyDir:" },
            "excessive-fan-out": { _ in "value: \"productcatalogservice:3550\"" },
            "all-synchronous": { _ in "name: frontend" },
            "unknown-resilience-settings": { _ in "name: frontend" },
        ])
    }

    @Test("Lintel models are not mistaken for deployment files")
    func detection() throws {
        let examples = Paths.repositoryRoot.appendingPathComponent("examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            #expect(DeploymentFile.format(ofPath: examples.appendingPathComponent(file).path) == .lintel, "\(file)")
        }
        #expect(DeploymentFile.format(ofText: "services: [a, b]\n") == .lintel)
        #expect(DeploymentFile.format(ofText: "lintel: 1\nservices: {}\n") == .lintel)
        #expect(DeploymentFile.format(ofText: "services:\n  web: { image: nginx }\n") == .compose)
        #expect(DeploymentFile.format(ofText: "---\n# c\n---\napiVersion: v1\nkind: Service\nmetadata: { name: a }\n") == .kubernetes)
        #expect(DeploymentFile.format(ofText: "{ not yaml") == .lintel)
    }
}

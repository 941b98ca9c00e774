import LintelModel
import LintelReview
import Testing
@testable import LintelImport

/// The review of Sock Shop, finding by finding, against the weaknesses and strengths
/// `shared/corpus/README.md` lists (read from the upstream files, not from this review's output).
@Suite("Sock Shop review")
struct SockShopReviewTests {
    static let compose = CorpusReview("sock-shop/docker-compose.yml")
    static let kubernetes = CorpusReview("sock-shop/complete-demo.yaml")

    /// Every service of the compose file but the load generator `user-sim`.
    static let composeWorkloads: Set<String> = [
        "front-end", "edge-router", "catalogue", "catalogue-db", "carts", "carts-db", "orders", "orders-db",
        "shipping", "queue-master", "rabbitmq", "payment", "user", "user-db",
    ]
    /// Every Deployment of the manifests.
    static let deployments: Set<String> = [
        "carts", "carts-db", "catalogue", "catalogue-db", "front-end", "orders", "orders-db", "payment",
        "queue-master", "rabbitmq", "session-db", "shipping", "user", "user-db",
    ]

    @Test("compose: the file is recognised as compose and only the expected rules report")
    func composeRules() {
        let review = Self.compose
        #expect(review.format == .compose)
        #expect(review.rules == [
            "single-point-of-failure", "ephemeral-datastore-storage", "missing-health-check", "plaintext-secret",
            "missing-resource-limits", "privileged-container", "unknown-resilience-settings", "public-entry-without-tls",
        ])
        // Not in the README's list, true of the file: edge-router publishes 80 and 8080 over plain HTTP.
        #expect(review.subjects("public-entry-without-tls") == ["edge-router"])
    }

    @Test("compose: the README's weaknesses, finding by finding")
    func composeWeaknesses() {
        let review = Self.compose
        // "every Deployment has replicas: 1" — compose sets no deploy.replicas, so every service runs one copy.
        #expect(review.subjects("single-point-of-failure") == Self.composeWorkloads)
        // "in compose no database has a volume, so data is lost on restart"; "rabbitmq single instance, no volume".
        #expect(review.subjects("ephemeral-datastore-storage") == ["catalogue-db", "carts-db", "orders-db", "user-db", "rabbitmq"])
        // "no compose healthchecks at all".
        #expect(review.subjects("missing-health-check") == Self.composeWorkloads)
        // "plaintext passwords (MYSQL_ALLOW_EMPTY_PASSWORD=true)"; MYSQL_ROOT_PASSWORD=${MYSQL_ROOT_PASSWORD} comes from the shell.
        #expect(review.subjects("plaintext-secret") == ["catalogue-db"])
        #expect(review.findings("plaintext-secret").count == 1)
        // "no resource limits on the stores" — in compose nothing has limits.
        #expect(review.subjects("missing-resource-limits") == Self.composeWorkloads)
        // "queue-master mounts /var/run/docker.sock".
        #expect(review.subjects("privileged-container") == ["queue-master"])
        #expect(review.finding("privileged-container", "queue-master")?.location.line == 115)
        #expect(review.finding("plaintext-secret", "catalogue-db")?.location.line == 44)
        // carts-db's only volume is the tmpfs at /tmp (line 71): ephemeral, not missing.
        #expect(review.finding("ephemeral-datastore-storage", "carts-db")?.location.line == 71)
    }

    @Test("compose: every finding points at the offending line of docker-compose.yml")
    func composeLocations() {
        let noVolume: Set<String> = ["catalogue-db", "rabbitmq"]
        Self.compose.expectLocations([
            "single-point-of-failure": serviceKey,
            "missing-health-check": serviceKey,
            "missing-resource-limits": { _ in "image:" },
            "ephemeral-datastore-storage": { noVolume.contains($0) ? "image:" : "- /tmp:" },
            "plaintext-secret": { _ in "MYSQL_ALLOW_EMPTY_PASSWORD=true" },
            "privileged-container": { _ in "/var/run/docker.sock" },
            "unknown-resilience-settings": { _ in "services:" },
        ])
    }

    @Test("Kubernetes: the manifests are recognised and only the expected rules report")
    func kubernetesRules() {
        let review = Self.kubernetes
        #expect(review.format == .kubernetes)
        #expect(review.rules == [
            "single-point-of-failure", "ephemeral-datastore-storage", "missing-health-check", "plaintext-secret",
            "missing-resource-limits", "missing-disruption-budget", "unknown-resilience-settings", "public-entry-without-tls",
            "floating-image-tag", "missing-security-context",
        ])
        // Not in the README's list, true of the manifests: the front-end NodePort serves plain HTTP; carts-db and
        // orders-db run `mongo` without a tag and session-db `redis:alpine`; catalogue-db and queue-master set no
        // securityContext (every other Deployment does).
        #expect(review.subjects("public-entry-without-tls") == ["front-end"])
        #expect(review.subjects("floating-image-tag") == ["carts-db", "orders-db", "session-db"])
        #expect(review.subjects("missing-security-context") == ["catalogue-db", "queue-master"])
    }

    @Test("Kubernetes: the README's weaknesses, finding by finding")
    func kubernetesWeaknesses() {
        let review = Self.kubernetes
        // "every Deployment has replicas: 1".
        #expect(review.subjects("single-point-of-failure") == Self.deployments)
        // "in Kubernetes every database lives on emptyDir (memory)" (carts-db, orders-db, user-db) or on nothing
        // (catalogue-db, rabbitmq: "no volume"); session-db (Redis) keeps the sessions in the container.
        #expect(review.subjects("ephemeral-datastore-storage") == ["carts-db", "orders-db", "user-db", "catalogue-db", "rabbitmq", "session-db"])
        #expect(review.finding("ephemeral-datastore-storage", "session-db")?.severity == .warning)
        // "Kubernetes probes only on catalogue, front-end, payment, user".
        #expect(review.subjects("missing-health-check") == Self.deployments.subtracting(["catalogue", "front-end", "payment", "user"]))
        // "MYSQL_ROOT_PASSWORD: fake_password".
        #expect(review.subjects("plaintext-secret") == ["catalogue-db"])
        #expect(review.finding("plaintext-secret", "catalogue-db")?.location.line == 227)
        // "no resource limits on the stores" — the services all set them.
        #expect(review.subjects("missing-resource-limits") == ["carts-db", "catalogue-db", "orders-db", "rabbitmq", "session-db", "user-db"])
        // Single-instance stores without a PodDisruptionBudget: a node drain evicts them (and their emptyDir data).
        #expect(review.subjects("missing-disruption-budget") == ["carts-db", "catalogue-db", "orders-db", "rabbitmq", "user-db"])
        // The Docker socket mount is in the compose file only; the queue-master Deployment mounts nothing.
        #expect(review.findings("privileged-container").isEmpty)
    }

    @Test("Kubernetes: the listed strengths are not flagged (probes on four services, limits on every service)")
    func kubernetesStrengths() {
        let review = Self.kubernetes
        for name in ["catalogue", "front-end", "payment", "user"] {
            #expect(review.finding("missing-health-check", name) == nil, "\(name) has liveness and readiness probes")
        }
        for name in ["carts", "catalogue", "front-end", "orders", "payment", "queue-master", "shipping", "user"] {
            #expect(review.finding("missing-resource-limits", name) == nil, "\(name) sets resources.limits")
        }
    }

    @Test("Kubernetes: every finding points at the offending line of complete-demo.yaml")
    func kubernetesLocations() {
        let noVolume: Set<String> = ["catalogue-db", "rabbitmq", "session-db"]
        Self.kubernetes.expectLocations([
            "single-point-of-failure": { _ in "replicas: 1" },
            "missing-health-check": { "- name: \($0)" },
            "missing-resource-limits": { _ in "image:" },
            // No volume at all: the container that should mount one.
            "ephemeral-datastore-storage": { noVolume.contains($0) ? "- name: \($0)" : "emptyDir:" },
            "plaintext-secret": { _ in "value: fake_password" },
            "missing-disruption-budget": { "name: \($0)" },
        ])
    }
}

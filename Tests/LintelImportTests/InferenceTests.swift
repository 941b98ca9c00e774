import LintelModel
import Testing
@testable import LintelImport

@Suite("Inference")
struct InferenceTests {
    @Test("Kinds from image names", arguments: [
        ("postgres:16", ComponentKind.postgres), ("bitnami/postgresql:15", .postgres), ("mysql:8", .mysql), ("mariadb:11", .mysql),
        ("mongo:3.4", .mongodb), ("robotshop/rs-mongodb:2.1.0", .mongodb), ("robotshop/rs-mysql-db:2.1.0", .mysql),
        ("weaveworksdemos/catalogue-db:0.3.0", .mysql), ("weaveworksdemos/user-db:0.4.0", .mongodb),
        ("redis:alpine", .redis), ("valkey/valkey:8", .redis), ("memcached:1.6", .memcached), ("rabbitmq:3.8-management-alpine", .rabbitmq),
        ("confluentinc/cp-kafka:7.6.0", .kafka), ("confluentinc/cp-zookeeper:7.6.0", .zookeeper),
        ("docker.elastic.co/elasticsearch/elasticsearch:8.13.0", .elasticsearch), ("opensearchproject/opensearch:2", .elasticsearch),
        ("nginx:1.27", .gateway), ("envoyproxy/envoy:v1.30", .gateway), ("traefik:v3", .gateway), ("haproxy:2.9", .loadBalancer),
        ("jaegertracing/all-in-one:1.57", .observability), ("openzipkin/zipkin", .observability), ("prom/prometheus", .observability),
        ("grafana/grafana:11", .observability), ("kbudde/rabbitmq-exporter", .observability), ("hashicorp/consul:1.18", .consul),
        ("quay.io/coreos/etcd:v3.5.13", .etcd), ("minio/minio", .objectStorage), ("mongo-express:1", .service),
        ("weaveworksdemos/front-end:0.3.12", .service), ("localhost:5000/team/orders@sha256:abc", .service),
    ])
    func kinds(_ image: String, _ kind: ComponentKind) {
        #expect(KindInference.kind(image: image, name: "x") == kind)
    }

    @Test("Without a telling image, the store's own variables or its name decide")
    func kindFallbacks() {
        #expect(KindInference.kind(image: "team/catalog-store:1", name: "catalog-store", environment: ["MYSQL_DATABASE"]) == .mysql)
        #expect(KindInference.kind(image: nil, name: "postgres") == .postgres)
        #expect(KindInference.kind(image: "team/app", name: "postgres") == .service)
    }

    @Test("Hosts in environment values", arguments: [
        ("DATABASE_URL", "postgres://u:p@orders-db:5432/orders", ["orders-db"]),
        ("PRODUCT_CATALOG_SERVICE_ADDR", "productcatalogservice:3550", ["productcatalogservice"]),
        ("REDIS_HOST", "cache", ["cache"]),
        ("KAFKA_BROKERS", "kafka-0:9092,kafka-1:9092", ["kafka-0", "kafka-1"]),
        ("DSN", "user:pw@tcp(mysql:3306)/db", ["mysql"]),
        ("JAVA_OPTS", "-Xmx128m -Djava.security.egd=file:/dev/urandom", []),
        ("SESSION_REDIS", "true", []),
        ("PGOPTS", "host=pg port=5432", ["pg"]),
    ])
    func hosts(_ name: String, _ value: String, _ hosts: [String]) {
        #expect(HostExtractor.endpoints(name: name, value: value).map(\.host) == hosts)
    }

    @Test("Secrets by name and by credentials in a URL", arguments: [
        ("DB_PASSWORD", "x", true), ("STRIPE_API_KEY", "x", true), ("GITHUB_TOKEN", "x", true), ("AWS_SECRET_ACCESS_KEY", "x", true),
        ("POSTGRES_PASSWORD_FILE", "/run/secrets/pg", false), ("LOG_LEVEL", "debug", false),
        ("DATABASE_URL", "postgres://app:hunter2@db/app", true), ("DATABASE_URL", "postgres://db/app", false),
        ("ORDERS_URL", "http://orders:8080/a@b", false),
        // The names review's secret rules read (CredentialNames): less obvious credentials are secrets, settings and switches are not.
        ("DB_PWD", "x", true), ("SMTP_PASS", "x", true), ("REDIS_AUTH", "x", true), ("SALT", "x", true), ("JWT_SIGNING_KEY", "x", true),
        ("TOKEN_TTL", "3600", false), ("KEYCLOAK_URL", "http://keycloak:8080", false), ("ENABLE_AUTH", "1", false),
        ("MYSQL_ALLOW_EMPTY_PASSWORD", "true", false),
    ])
    func secrets(_ name: String, _ value: String, _ secret: Bool) {
        #expect(SecretDetector.isSecret(name: name, value: value) == secret)
    }

    @Test("CPU and memory quantities of Kubernetes and Docker")
    func quantities() {
        #expect(ResourceQuantity.cpu("500m") == 0.5)
        #expect(ResourceQuantity.cpu("2") == 2)
        #expect(ResourceQuantity.kubernetesMemory("128Mi")?.bytes == 134_217_728)
        #expect(ResourceQuantity.kubernetesMemory("1G")?.bytes == 1e9)
        #expect(ResourceQuantity.kubernetesMemory("129e6")?.bytes == 129e6)
        #expect(ResourceQuantity.dockerMemory("512m")?.bytes == 536_870_912)
        #expect(ResourceQuantity.dockerMemory("1gb")?.bytes == 1_073_741_824)
        #expect(ResourceQuantity.dockerMemory("50M")?.bytes == 52_428_800)
        #expect(ResourceQuantity.cpu("lots") == nil)
    }

    @Test("Store owners by name", arguments: [
        ("orders-db", "orders"), ("redis-cart", "cart"), ("catalogue_db", "catalogue"), ("user-mongo", "user"), ("session", nil),
    ] as [(String, String?)])
    func owners(_ store: String, _ owner: String?) {
        #expect(StoreOwnership.ownerName(of: store) == owner)
    }
}

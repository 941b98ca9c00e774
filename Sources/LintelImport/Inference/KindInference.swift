import Foundation
import LintelModel

/// Infers a component's kind from its container image, its environment and its name.
public enum KindInference {
    /// Images whose names do not say what they run, from the public systems the importer is tested on.
    static let knownImages: [String: ComponentKind] = [
        "weaveworksdemos/catalogue-db": .mysql,
        "weaveworksdemos/user-db": .mongodb,
        "weaveworksdemos/edge-router": .gateway,
        "confluentinc/cp-server": .kafka,
        "confluentinc/cp-enterprise-kafka": .kafka,
        "bitnami/kafka": .kafka,
    ]

    /// Name tokens that mark an image as a tool around a product rather than the product (`mongo-express`).
    static let toolTokens: Set<String> = [
        "express", "commander", "ui", "admin", "dashboard", "insight", "console", "cli", "client", "operator",
        "migrate", "migration", "migrations", "init", "backup", "exporter", "setup", "test", "tests",
    ]

    /// Ordered rules: the first rule with a token in the image name decides.
    static let tokenRules: [(tokens: Set<String>, kind: ComponentKind)] = [
        (["exporter", "prometheus", "grafana", "jaeger", "jaegertracing", "zipkin", "openzipkin", "loki", "tempo", "otel", "opentelemetry",
          "fluentd", "fluent", "kibana", "alertmanager", "promtail", "victoriametrics"], .observability),
        (["postgres", "postgresql", "postgis", "timescaledb", "pgvector"], .postgres),
        (["mysql", "mariadb", "percona"], .mysql),
        (["mongo", "mongodb"], .mongodb),
        (["redis", "valkey", "keydb"], .redis),
        (["memcached"], .memcached),
        (["rabbitmq"], .rabbitmq),
        (["kafka", "redpanda"], .kafka),
        (["nats"], .nats),
        (["zookeeper"], .zookeeper),
        (["elasticsearch", "opensearch"], .elasticsearch),
        (["cassandra", "scylla"], .cassandra),
        (["clickhouse"], .clickhouse),
        (["consul"], .consul),
        (["etcd"], .etcd),
        (["minio"], .objectStorage),
        (["dynamodb"], .dynamodb),
        (["haproxy"], .loadBalancer),
        (["nginx", "envoy", "traefik", "kong", "caddy", "gateway", "openresty", "tyk", "krakend"], .gateway),
    ]

    /// Environment-variable prefixes that only an image of that product reads.
    static let environmentPrefixes: [(prefix: String, kind: ComponentKind)] = [
        ("MYSQL_", .mysql), ("MARIADB_", .mysql), ("POSTGRES_", .postgres), ("MONGO_INITDB_", .mongodb),
        ("RABBITMQ_", .rabbitmq), ("KAFKA_", .kafka), ("ZOO_", .zookeeper), ("MINIO_", .objectStorage),
        ("ETCD_", .etcd), ("CONSUL_", .consul),
    ]

    /// The kind for a component.
    /// - Parameters:
    ///   - image: the container image reference (`registry/org/name:tag@digest`), if any.
    ///   - name: the service or workload name, used only when there is no image.
    ///   - environment: names of the container's environment variables (`MYSQL_ROOT_PASSWORD` says MySQL).
    public static func kind(image: String?, name: String, environment: [String] = []) -> ComponentKind {
        if let image, !image.isEmpty {
            let path = repositoryPath(image)
            if let known = knownImages[path] { return known }
            if let kind = kind(tokens: tokens(lastComponent(path))) { return kind }
            // `jaegertracing/all-in-one`: the organisation names the product.
            let organisations = path.split(separator: "/").dropLast().flatMap { tokens(String($0)) }
            if let kind = kind(tokens: organisations), kind == .observability { return kind }
        }
        if let kind = serverKind(environment: environment) { return kind }
        if image == nil || image?.isEmpty == true, let kind = kind(tokens: tokens(name.lowercased())) { return kind }
        return .service
    }

    /// Name endings of the variables a client of a product sets to find it (`POSTGRES_HOST`,
    /// `POSTGRES_SEEDS`, `MYSQL_URL`, `POSTGRES_PWD`): a container setting one talks to the product.
    static let clientSuffixes = ["HOST", "HOSTNAME", "HOSTS", "SEEDS", "ADDR", "ADDRESS", "URL", "URI", "DSN", "SERVER",
                                 "SERVERS", "BROKERS", "ENDPOINT", "PWD", "PORT", "NODES"]

    /// The product a container runs, from variables only its server reads (`POSTGRES_PASSWORD`,
    /// `MYSQL_ROOT_PASSWORD`); `nil` when the same product's variables also say the container is a
    /// client of it (an API with `POSTGRES_HOST: db` is not a database).
    static func serverKind(environment: [String]) -> ComponentKind? {
        var found: ComponentKind?
        var clientOf: Set<ComponentKind> = []
        for variable in environment {
            let upper = variable.uppercased()
            guard let match = environmentPrefixes.first(where: { upper.hasPrefix($0.prefix) }) else { continue }
            if clientSuffixes.contains(where: { upper.hasSuffix("_" + $0) }) {
                clientOf.insert(match.kind)
            } else if found == nil {
                found = match.kind
            }
        }
        guard let found, !clientOf.contains(found) else { return nil }
        return found
    }

    static func kind(tokens: [String]) -> ComponentKind? {
        let set = Set(tokens)
        if set.contains("exporter") { return .observability }
        if !set.isDisjoint(with: toolTokens) { return nil }
        return tokenRules.first { !$0.tokens.isDisjoint(with: set) }?.kind
    }

    /// `docker.io/library/postgres:16@sha256:…` → `library/postgres`; `Registry:5000/a/b:1` → `a/b`.
    static func repositoryPath(_ image: String) -> String {
        var text = image.lowercased()
        if let at = text.firstIndex(of: "@") { text = String(text[..<at]) }
        var parts = text.split(separator: "/").map(String.init)
        if let last = parts.last, let colon = last.lastIndex(of: ":") {
            parts[parts.count - 1] = String(last[..<colon])
        }
        // A first component with a dot or a port, or `localhost`, is a registry host.
        if parts.count > 1, let first = parts.first, first.contains(".") || first.contains(":") || first == "localhost" {
            parts.removeFirst()
        }
        if parts.count == 2, parts[0] == "library" { parts.removeFirst() }
        return parts.joined(separator: "/")
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func tokens(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).map(String.init)
    }
}

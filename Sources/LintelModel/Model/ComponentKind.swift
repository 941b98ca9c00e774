/// What a component is. The kind decides its defaults and which rules apply to it.
public enum ComponentKind: String, Sendable, Codable, CaseIterable, Comparable {
    case gateway, loadBalancer = "load-balancer", service, worker, function
    case postgres, mysql, mongodb, cassandra, clickhouse, elasticsearch, dynamodb
    case redis, memcached
    case topic, queue
    case kafka, rabbitmq, nats
    case objectStorage = "object-storage", cdn, external
    case zookeeper, consul, etcd, observability

    public enum Category: String, Sendable, Codable, CaseIterable {
        /// Runs code and serves requests: gateways, load balancers, services, workers, functions.
        case compute
        /// Holds the system of record.
        case database
        /// Holds copies that can be rebuilt.
        case cache
        /// A named stream or queue of messages inside a broker.
        case channel
        /// A message broker process (imported systems usually show the broker, not its topics).
        case broker
        /// Blob storage and CDNs.
        case storage
        /// A third-party system outside the team's control.
        case external
        /// Coordination and observability infrastructure.
        case infrastructure
    }

    public var category: Category {
        switch self {
        case .gateway, .loadBalancer, .service, .worker, .function: .compute
        case .postgres, .mysql, .mongodb, .cassandra, .clickhouse, .elasticsearch, .dynamodb: .database
        case .redis, .memcached: .cache
        case .topic, .queue: .channel
        case .kafka, .rabbitmq, .nats: .broker
        case .objectStorage, .cdn: .storage
        case .external: .external
        case .zookeeper, .consul, .etcd, .observability: .infrastructure
        }
    }

    /// Keeps data that must survive a restart (databases, brokers, object storage, coordination).
    public var isStateful: Bool {
        switch category {
        case .database, .broker, .channel: true
        case .storage: self == .objectStorage
        case .infrastructure: self != .observability
        case .compute, .cache, .external: false
        }
    }

    /// A datastore: a database, cache or object storage.
    public var isDatastore: Bool {
        category == .database || category == .cache || self == .objectStorage
    }

    /// Receives messages rather than requests.
    public var isMessaging: Bool { category == .channel || category == .broker }

    /// Speaks SQL and accepts a bounded number of client connections.
    public var usesConnections: Bool {
        switch self {
        case .postgres, .mysql, .clickhouse: true
        default: false
        }
    }

    /// One line of what the kind is, for `lintel explain` and the JSON Schema.
    public var summary: String {
        switch self {
        case .gateway: "API gateway: the public entry point that routes, authenticates and rate-limits"
        case .loadBalancer: "load balancer spreading requests over instances"
        case .service: "a service answering synchronous requests"
        case .worker: "a background worker consuming queues or topics"
        case .function: "a serverless function"
        case .postgres: "PostgreSQL database"
        case .mysql: "MySQL or MariaDB database"
        case .mongodb: "MongoDB database"
        case .cassandra: "Cassandra or ScyllaDB database"
        case .clickhouse: "ClickHouse analytical database"
        case .elasticsearch: "Elasticsearch or OpenSearch cluster"
        case .dynamodb: "DynamoDB table (managed)"
        case .redis: "Redis or Valkey (cache, store or broker)"
        case .memcached: "Memcached cache"
        case .topic: "a publish/subscribe topic; every consumer group gets every message"
        case .queue: "a work queue; each message goes to one consumer"
        case .kafka: "a Kafka broker cluster"
        case .rabbitmq: "a RabbitMQ broker"
        case .nats: "a NATS server"
        case .objectStorage: "object storage (S3, GCS, MinIO)"
        case .cdn: "content delivery network"
        case .external: "a third-party system (payment provider, email API)"
        case .zookeeper: "ZooKeeper coordination service"
        case .consul: "Consul service discovery"
        case .etcd: "etcd key-value store"
        case .observability: "tracing, metrics or logging backend (Jaeger, Prometheus)"
        }
    }

    public static func < (lhs: ComponentKind, rhs: ComponentKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

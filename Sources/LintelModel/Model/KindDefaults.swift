/// Defaults that depend on a component's kind, published by `lintel explain` and the JSON Schema.
public struct KindDefaults: Sendable, Equatable {
    public var workers: Int
    public var latency: Latency
    public var availability: Double
    public var maxConnections: Int?

    /// The defaults for a kind. Latencies are the component's own service time at the server;
    /// availabilities are per instance, typical published figures for self-run software.
    public static func `for`(_ kind: ComponentKind) -> KindDefaults {
        func make(_ workers: Int, _ p50: Double, _ p99: Double, _ availability: Double, connections: Int? = nil) -> KindDefaults {
            KindDefaults(workers: workers, latency: Latency(p50: .milliseconds(p50), p99: .milliseconds(p99)),
                         availability: availability, maxConnections: connections)
        }
        switch kind {
        case .gateway: return make(1000, 1, 5, 0.999)
        case .loadBalancer: return make(10000, 0.5, 2, 0.9999)
        case .service: return make(64, 10, 50, 0.999)
        case .worker: return make(8, 50, 250, 0.999)
        case .function: return make(1, 20, 100, 0.9995)
        case .postgres: return make(32, 2, 20, 0.999, connections: 100)
        case .mysql: return make(32, 2, 20, 0.999, connections: 151)
        case .mongodb: return make(32, 2, 20, 0.999)
        case .cassandra: return make(64, 2, 15, 0.999)
        case .clickhouse: return make(16, 50, 500, 0.999, connections: 4096)
        case .elasticsearch: return make(32, 10, 100, 0.999)
        case .dynamodb: return make(1000, 5, 20, 0.9999)
        case .redis: return make(4, 0.1, 1, 0.999)
        case .memcached: return make(16, 0.1, 1, 0.999)
        case .topic, .queue: return make(1000, 2, 10, 0.9999)
        case .kafka, .rabbitmq, .nats: return make(1000, 2, 10, 0.999)
        case .objectStorage: return make(1000, 20, 200, 0.9999)
        case .cdn: return make(10000, 5, 50, 0.9999)
        case .external: return make(100, 100, 500, 0.999)
        case .zookeeper, .consul, .etcd: return make(100, 2, 10, 0.999)
        case .observability: return make(100, 5, 50, 0.99)
        }
    }
}

import LintelModel

/// A call the design proposes, before it becomes model text.
public struct PlannedCall: Sendable, Codable, Equatable {
    public var to: String
    public var async = false
    /// Seconds; nil for asynchronous publishes.
    public var timeout: Double?
    public var retries = 0
    public var idempotent: Bool?
    public var breaker = false
    public var callProtocol: String?
    public var operation: String?
    public var perRequest = 1.0
    public var hitRatio: Double?
    public var onMiss: String?
    public var optional = false
    public var tls = false
    /// Bulkhead: at most this many of the caller's workers wait on this call at once.
    public var bulkhead: Int?
    /// Connections this caller instance keeps to the callee (a store).
    public var pool: Int?
    public init(to: String) { self.to = to }
}

/// A component the design proposes.
public struct PlannedComponent: Sendable, Codable, Equatable {
    public var name: String
    public var kind: ComponentKind
    public var description: String?
    public var context: String?
    public var team: String?
    public var technology: String?
    public var instances = 1
    public var workers: Int?
    /// Own work per request, seconds (p50, p99).
    public var latencyP50: Double?
    public var latencyP99: Double?
    public var isPublic = false
    public var auth: String?
    public var tls = false
    public var rateLimit: Double?
    public var healthCheck = false
    public var calls: [PlannedCall] = []
    public var consumes: [String] = []
    public var idempotentConsumer = false
    public var replicas = 0
    public var backups: String?
    public var encrypted = false
    public var maxConnections: Int?
    public var pool: Int?
    public var storageBytes: Double?
    public var holds: [String] = []
    public var auditLog = false
    public var broker: Broker?
    public var partitions: Int?
    public var consumers: [String] = []
    public var deadLetter = false
    public var maxDeliveries: Int?

    public init(name: String, kind: ComponentKind) {
        self.name = name
        self.kind = kind
    }
}

/// A request flow the design proposes: one per bounded context, entering at the gateway.
public struct PlannedFlow: Sendable, Codable, Equatable {
    public var name: String
    public var route: [String]
    public var rate: Double
    public var peak: Double
    public var critical: Bool
}

/// A failure scenario: one critical dependency fails for a while at average load.
public struct PlannedScenario: Sendable, Codable, Equatable {
    public var name: String
    public var description: String
    public var component: String
    /// The whole component down, or one instance of it when it has several.
    public var instancesDown: Int?
    public var at: Double
    public var duration: Double
    public var length: Double
}

/// Everything design proposes, before it is written as a model file.
public struct Blueprint: Sendable, Codable, Equatable {
    public var components: [PlannedComponent]
    public var flows: [PlannedFlow]
    public var scenarios: [PlannedScenario]

    func index(of name: String) -> Int? { components.firstIndex { $0.name == name } }
}

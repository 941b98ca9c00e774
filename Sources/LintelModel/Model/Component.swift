/// One deployable part of the system: a service, a datastore, a queue, an external API.
///
/// Fields that have a default are non-optional and hold the default after loading;
/// optional fields are `nil` when the model does not say (and rules may report that).
public struct Component: Sendable, Codable, Equatable {
    public var name: String
    public var kind: ComponentKind
    public var description: String?
    /// The domain context the component belongs to (for grouping and ownership).
    public var context: String?
    public var team: String?
    public var technology: String?
    public var image: String?

    // MARK: Capacity
    /// Running copies; for datastores, the primary count (see `replicas`).
    public var instances: Int
    /// Requests one instance serves at the same time (threads, connections, event-loop concurrency).
    public var workers: Int
    /// Requests that may wait per instance before new ones are rejected; `nil` is unbounded.
    public var queueLimit: Int?
    /// The component's own service time, excluding time spent waiting on its calls.
    public var latency: Latency
    /// Availability of one instance, as a fraction.
    public var availability: Double
    /// How requests are spread over instances.
    public var loadBalancing: LoadBalancing
    public var autoscale: Autoscale?

    // MARK: Exposure and security
    public var isPublic: Bool
    public var auth: AuthMethod?
    public var rateLimit: Rate?
    /// Serves its traffic over TLS; `nil` when the model does not say.
    public var tls: Bool?
    public var healthCheck: HealthCheck?
    public var security: SecurityContext?
    public var auditLog: Bool?

    // MARK: Calls and messaging
    /// Every outgoing call the component declares, including publishes (as async calls): first its own
    /// calls in the order a request makes them, then the calls only its operations make (`declaredBy` set).
    public var calls: [Call]
    /// What the component does for its callers (HTTP endpoints or RPCs), in file order; empty when the
    /// model does not say. A flow targeting an operation makes only that operation's calls here.
    public var operations: [Operation]
    /// Topics and queues this component consumes from.
    public var consumes: [String]
    /// Consumes idempotently (safe under at-least-once redelivery); `nil` when not stated.
    public var idempotentConsumer: Bool?
    /// Publishes its events through a transactional outbox or change-data capture, so a write and the
    /// event it announces commit together; `nil` when not stated.
    public var outbox: Bool?

    // MARK: Datastores
    /// Copies beyond the primary: standbys or read replicas.
    public var replicas: Int
    public var readFromReplicas: Bool
    public var backups: BackupPolicy?
    public var encrypted: Bool?
    public var maxConnections: Int?
    /// Connections each client instance keeps open to this store.
    public var pool: Int?
    public var storage: DataSize?
    public var dataGrowth: DataGrowth?
    public var retention: TimeSpan?
    /// Classes of data held: `pii`, `payment`, `health`, `credentials`.
    public var holds: [String]
    public var partitionKey: String?

    // MARK: Topics and queues
    public var broker: Broker?
    public var partitions: Int?
    public var partitionThroughput: Rate?
    /// Consumer components of a topic or queue (merged with every component's `consumes`).
    public var consumers: [String]
    public var deadLetter: Bool?
    public var maxDeliveries: Int
    public var delivery: Delivery

    // MARK: Runtime (usually filled by importers)
    public var volumes: [Volume]
    public var resources: Resources?
    public var env: [EnvironmentVariable]
    public var ports: [Int]
    public var disruptionBudget: Bool?
    /// Runs once to completion (a setup, migration or seed job), not a long-running service:
    /// no health check or second instance is expected of it.
    public var job: Bool
    /// What the runtime does when the process exits; `nil` when the deployment does not say.
    public var restart: RestartPolicy?
    /// The container's command line (server flags such as `-c fsync=off`), when one is given.
    public var command: String?

    public var location: SourceLocation
    /// Where each key of this component was written, by its model-file name (`instances`, `calls`, …).
    public var keyLocations: [String: SourceLocation]

    public init(name: String, kind: ComponentKind, location: SourceLocation) {
        let defaults = KindDefaults.for(kind)
        self.name = name
        self.kind = kind
        self.instances = 1
        self.workers = defaults.workers
        self.queueLimit = nil
        self.latency = defaults.latency
        self.availability = defaults.availability
        self.loadBalancing = .roundRobin
        self.isPublic = false
        self.calls = []
        self.operations = []
        self.consumes = []
        self.replicas = 0
        self.readFromReplicas = false
        self.holds = []
        self.consumers = []
        self.maxDeliveries = 5
        self.delivery = .atLeastOnce
        self.volumes = []
        self.env = []
        self.ports = []
        self.job = false
        self.location = location
        self.keyLocations = [:]
    }

    /// Where `key` was written, or where the component was declared when the key is absent.
    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? location
    }

    /// Total concurrent capacity: instances × workers.
    public var servers: Int { instances * workers }

    /// The operation with this name, if declared.
    public func operation(named name: String) -> Operation? { operations.first { $0.name == name } }

    /// Positions in `calls` of the calls a request naming no operation makes: the component's own calls.
    public var ownCallIndices: [Int] { calls.indices.filter { calls[$0].declaredBy == nil } }

    /// The calls `operation` makes, in order.
    public func calls(of operation: Operation) -> [Call] {
        operation.calls.compactMap { calls.indices.contains($0) ? calls[$0] : nil }
    }

    /// Synchronous calls only.
    public var syncCalls: [Call] { calls.filter { $0.mode == .sync } }
}

/// Service-time distribution of a component's own work.
public struct Latency: Sendable, Codable, Equatable {
    public enum Distribution: String, Sendable, Codable, CaseIterable {
        case exponential, constant, lognormal
    }
    public var p50: TimeSpan
    public var p99: TimeSpan
    public var distribution: Distribution
    public init(p50: TimeSpan, p99: TimeSpan, distribution: Distribution = .lognormal) {
        self.p50 = p50
        self.p99 = p99
        self.distribution = distribution
    }

    /// Mean service time, from the fitted distribution (`ServiceTime`, the one place the fit lives).
    public var mean: TimeSpan { TimeSpan(seconds: ServiceTime(self).mean) }
}

public enum LoadBalancing: String, Sendable, Codable, CaseIterable {
    case roundRobin = "round-robin", leastOutstanding = "least-outstanding", random
}

public struct Autoscale: Sendable, Codable, Equatable {
    public var min: Int
    public var max: Int
    public var targetUtilisation: Double?
    public init(min: Int, max: Int, targetUtilisation: Double? = nil) {
        self.min = min
        self.max = max
        self.targetUtilisation = targetUtilisation
    }
}

public enum AuthMethod: String, Sendable, Codable, CaseIterable {
    case none, jwt, oauth2, oidc, mtls, apiKey = "api-key", basic, session
}

public struct HealthCheck: Sendable, Codable, Equatable {
    public var path: String?
    public var liveness: Bool
    public var readiness: Bool
    public init(path: String? = nil, liveness: Bool = true, readiness: Bool = true) {
        self.path = path
        self.liveness = liveness
        self.readiness = readiness
    }
}

public struct SecurityContext: Sendable, Codable, Equatable {
    public var runAsNonRoot: Bool?
    public var readOnlyRootFilesystem: Bool?
    public var privileged: Bool?
    public init(runAsNonRoot: Bool? = nil, readOnlyRootFilesystem: Bool? = nil, privileged: Bool? = nil) {
        self.runAsNonRoot = runAsNonRoot
        self.readOnlyRootFilesystem = readOnlyRootFilesystem
        self.privileged = privileged
    }
}

/// The restart policy of a container (compose `restart:`, a Kubernetes pod's `restartPolicy`).
public enum RestartPolicy: String, Sendable, Codable, CaseIterable {
    case always, onFailure = "on-failure", unlessStopped = "unless-stopped", no
}

public enum BackupPolicy: String, Sendable, Codable, CaseIterable {
    case none, continuous, hourly, daily, weekly
}

public enum Broker: String, Sendable, Codable, CaseIterable {
    case kafka, rabbitmq, sqs, sns, pubsub, nats, kinesis, redis
}

public enum Delivery: String, Sendable, Codable, CaseIterable {
    case atMostOnce = "at-most-once", atLeastOnce = "at-least-once", exactlyOnce = "exactly-once"
}

public struct Volume: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Survives restarts and rescheduling (named volume, PersistentVolumeClaim).
        case persistent
        /// Lost when the container or pod goes (emptyDir, anonymous container layer, tmpfs).
        case ephemeral
        /// A path of the host machine (bind mount, hostPath).
        case host
        /// Configuration or secrets mounted read-only.
        case config
    }
    public var mount: String
    public var kind: Kind
    public var source: String?
    public var location: SourceLocation?
    public init(mount: String, kind: Kind, source: String? = nil, location: SourceLocation? = nil) {
        self.mount = mount
        self.kind = kind
        self.source = source
        self.location = location
    }
}

public struct Resources: Sendable, Codable, Equatable {
    /// CPU cores and memory requested (the scheduler's guarantee).
    public var cpuRequest: Double?
    public var memoryRequest: DataSize?
    /// CPU cores and memory limits (the ceiling).
    public var cpuLimit: Double?
    public var memoryLimit: DataSize?
    public init(cpuRequest: Double? = nil, memoryRequest: DataSize? = nil, cpuLimit: Double? = nil, memoryLimit: DataSize? = nil) {
        self.cpuRequest = cpuRequest
        self.memoryRequest = memoryRequest
        self.cpuLimit = cpuLimit
        self.memoryLimit = memoryLimit
    }
    public var hasLimits: Bool { cpuLimit != nil || memoryLimit != nil }
}

public struct EnvironmentVariable: Sendable, Codable, Equatable {
    public var name: String
    /// The literal value; `nil` when it comes from a secret store or reference.
    public var value: String?
    /// True when the value is referenced from a secret manager rather than written in configuration.
    public var fromSecret: Bool
    /// The secret's name when the value comes from a secret store.
    public var secretReference: String?
    public var location: SourceLocation?
    public init(name: String, value: String?, fromSecret: Bool = false, location: SourceLocation? = nil) {
        self.name = name
        self.value = value
        self.fromSecret = fromSecret
        self.location = location
    }
}

import Foundation

/// One outgoing call a component makes while serving a request (or a message it publishes).
public struct Call: Sendable, Codable, Equatable {
    public var to: String
    public var mode: CallMode
    public var protocolName: CallProtocol?
    /// Caller-side timeout per attempt; `nil` when none is set.
    public var timeout: TimeSpan?
    /// Additional attempts after the first fails (0 means one attempt).
    public var retries: Int
    public var backoff: Backoff
    public var backoffBase: TimeSpan
    public var backoffCap: TimeSpan
    /// Retries allowed as a fraction of requests (e.g. 0.1); `nil` is unlimited.
    public var retryBudget: Double?
    public var circuitBreaker: CircuitBreaker?
    /// The operation is safe to repeat; `nil` when the model does not say.
    public var idempotent: Bool?
    /// Calls made per request that reaches the caller (may be fractional: 0.3 means 30% of requests).
    public var perRequest: Double
    /// For calls to a cache: the fraction of lookups that hit. For other calls: the fraction
    /// of requests a caller-side cache answers, skipping the call.
    public var hitRatio: Double?
    /// Made only when the named cache missed (cache-aside); its rate is multiplied by 1 − hit ratio.
    public var onMiss: String?
    /// Calls with the same group name run concurrently; the group finishes when its slowest call does.
    public var parallel: String?
    /// A soft dependency: the caller has a fallback, so this call's failure does not fail the request.
    public var optional: Bool
    public var tls: Bool?
    /// Whether the call reads or writes (the `operation` key of a call; not a component's `operations`).
    public var operation: DataAccess?
    /// Maximum concurrent calls (a bulkhead); `nil` when the calls share the caller's whole worker pool.
    public var bulkhead: Int?
    /// Connections each caller instance keeps to the target (overrides the target's `pool`).
    public var pool: Int?
    /// The operation whose `calls` declare this call, which only that operation makes; `nil` for the
    /// component's own calls (made by every request that names no operation).
    public var declaredBy: String?

    public var location: SourceLocation
    public var keyLocations: [String: SourceLocation]

    public init(to: String, mode: CallMode = .sync, location: SourceLocation) {
        self.to = to
        self.mode = mode
        self.retries = 0
        self.backoff = .none
        self.backoffBase = .milliseconds(100)
        self.backoffCap = TimeSpan(seconds: 10)
        self.perRequest = 1
        self.optional = false
        self.location = location
        self.keyLocations = [:]
    }

    /// Where `key` was written, or where the call was declared when the key is absent.
    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? location
    }

    /// Attempts per call in the worst case: 1 + retries.
    /// Saturates instead of trapping for a `retries` built outside the loader (which caps it at 20).
    public var attempts: Int { retries < Int.max ? 1 + max(0, retries) : Int.max }
}

public enum CallMode: String, Sendable, Codable, CaseIterable {
    /// The caller waits for the answer, holding its worker.
    case sync
    /// Fire and forget: a publish to a topic or queue.
    case async
}

public enum CallProtocol: String, Sendable, Codable, CaseIterable {
    case http, https, grpc, grpcs, graphql, websocket, amqp, amqps, kafka, sql, redis, memcached, tcp, tls, s3
    /// True for protocols that encrypt in transit.
    public var isEncrypted: Bool {
        switch self {
        case .https, .grpcs, .amqps, .tls, .s3: true
        default: false
        }
    }
}

/// Whether a call reads, writes or both (a call's `operation` key).
public enum DataAccess: String, Sendable, Codable, CaseIterable {
    case read, write, readWrite = "read-write"
}

/// How long a caller waits between attempts (Brooker, AWS Architecture Blog, 2015).
public enum Backoff: String, Sendable, Codable, CaseIterable {
    /// Retry at once.
    case none
    /// Always wait `backoff_base`.
    case constant
    /// Wait min(cap, base·2ⁿ).
    case exponential
    /// Wait random(0, min(cap, base·2ⁿ)).
    case fullJitter = "full-jitter"
    /// Wait half of min(cap, base·2ⁿ) plus random(0, that half).
    case equalJitter = "equal-jitter"
    /// Wait min(cap, random(base, 3·previous)).
    case decorrelatedJitter = "decorrelated-jitter"

    public var hasJitter: Bool { self == .fullJitter || self == .equalJitter || self == .decorrelatedJitter }
}

public struct CircuitBreaker: Sendable, Codable, Equatable {
    /// Failure fraction in the window that opens the breaker.
    public var failureThreshold: Double
    public var window: TimeSpan
    public var openFor: TimeSpan
    /// Calls needed in the window before the breaker may open.
    public var minimumRequests: Int
    /// Trial calls let through when half-open.
    public var halfOpenRequests: Int
    public var location: SourceLocation?

    public init(failureThreshold: Double = 0.5, window: TimeSpan = TimeSpan(seconds: 10), openFor: TimeSpan = TimeSpan(seconds: 30),
                minimumRequests: Int = 20, halfOpenRequests: Int = 1, location: SourceLocation? = nil) {
        self.failureThreshold = failureThreshold
        self.window = window
        self.openFor = openFor
        self.minimumRequests = minimumRequests
        self.halfOpenRequests = halfOpenRequests
        self.location = location
    }
}

/// One computed number with its unit and the formula or assumption it came from.
///
/// `value` is `nil` when the figure is undefined or unbounded (an unstable queue waits
/// forever); `formula` then says why.
public struct Figure: Sendable, Codable, Equatable {
    public enum Unit: String, Sendable, Codable {
        case perSecond = "/s", seconds = "s", fraction, count, bytes, months, minutes, factor = "x", erlangs
    }
    public var value: Double?
    public var unit: Unit
    public var formula: String

    public init(_ value: Double?, _ unit: Unit, _ formula: String) {
        self.value = value.flatMap { $0.isFinite ? $0 : nil }
        self.unit = unit
        self.formula = formula
    }
}

/// What `CapacityAnalyzer` evaluates: a load level, a projection horizon and targets.
public struct CapacityOptions: Sendable, Codable, Equatable {
    /// Multiple of every flow's peak rate to evaluate at (`--at 2x`).
    public var loadMultiple: Double
    /// Months of traffic growth (requirements.traffic.growth) applied on top (`--months 12`).
    public var months: Double
    /// Utilisation to size for (`--target-utilisation 70%`).
    public var targetUtilisation: Double
    /// Horizons for storage projections, in months.
    public var storageHorizons: [Double]
    /// Connections per caller instance when neither the call nor the store sets `pool`.
    public var defaultPool: Int

    public init(loadMultiple: Double = 1, months: Double = 0, targetUtilisation: Double = 0.7,
                storageHorizons: [Double] = [6, 12, 24], defaultPool: Int = 10) {
        self.loadMultiple = loadMultiple
        self.months = months
        self.targetUtilisation = targetUtilisation
        self.storageHorizons = storageHorizons
        self.defaultPool = defaultPool
    }
}

/// The capacity of a whole model at one load level.
public struct CapacityReport: Sendable, Codable, Equatable {
    public var system: String
    public var options: CapacityOptions
    /// Factor applied to every flow's peak rate: loadMultiple × growth^(months/12).
    public var peakScale: Figure
    /// How the evaluated load was formed, e.g. `peak × 2 × growth 1.73 (12 months at 3x/year)`.
    public var loadDescription: String
    /// Components in model order.
    public var components: [ComponentCapacity]
    public var flows: [FlowCapacity]
    public var connections: [ConnectionBudget]
    public var topics: [TopicCapacity]
    public var storage: [StorageProjection]
    public var scenarios: [ScenarioCapacity]
    /// The component with the highest utilisation at the evaluated load.
    public var busiest: String?
    /// Assumptions that hold for the whole report.
    public var assumptions: [String]
}

/// One component at the evaluated load.
public struct ComponentCapacity: Sendable, Codable, Equatable {
    public var name: String
    public var kind: String
    public var instances: Int
    public var workers: Int
    /// c = instances × workers.
    public var servers: Int
    /// What adds servers: `instances` (× workers) or, for a partitioned topic, `partitions`.
    public var scalesBy: String
    public var arrivalAverage: Figure
    public var arrivalPeak: Figure
    /// λ at the evaluated load.
    public var arrival: Figure
    /// Mean of the component's own service time.
    public var serviceMean: Figure
    /// Mean time a request holds a worker: own service + time blocked on synchronous calls.
    public var holdingTime: Figure
    /// a = λ·holding time, in erlangs (busy workers).
    public var offeredLoad: Figure
    public var utilisation: Figure
    public var probabilityOfWaiting: Figure
    public var meanWait: Figure
    public var queueLength: Figure
    public var responseP50: Figure
    public var responseP99: Figure
    public var instancesForUtilisation: Figure
    public var instancesForLatency: Figure
    /// The larger of the two instance counts above (and the current count when it is larger).
    public var instancesNeeded: Int
    /// Extra load the component absorbs before reaching the target utilisation.
    public var headroom: Figure
    /// Multiple of the evaluated load at which utilisation reaches 100%: c / a.
    public var saturationMultiple: Figure
    public var runwayToTarget: Figure
    public var runwayToSaturation: Figure
    /// Most attempts one request to a flow entry can cause here when everything below fails.
    public var retryAmplification: Figure
    public var saturated: Bool
    /// Each flow's share of λ, in flow order, flows that do not reach the component omitted.
    public var flows: [FlowShare]
    /// How requests are spread over instances: round-robin, random or least-outstanding (instances are separate queues).
    public var loadBalancing: String
    /// Fraction of offered requests turned away (rate limit, then a full queue: M/G/c/K blocking).
    public var rejected: Figure
    /// The fewest instances meeting the utilisation target and the latency slack (may be fewer than running).
    public var instancesSufficient: Int
    /// True when `instancesSufficient` is below the running count: fewer instances would do.
    public var fewerWouldDo: Bool
    /// For an `external` component: the rate or concurrency it must sustain (instances cannot be added); `nil` otherwise.
    public var externalDemand: Figure?
}

public struct FlowShare: Sendable, Codable, Equatable {
    public var flow: String
    public var rate: Double
}

/// One flow's availability, latency and retry figures.
public struct FlowCapacity: Sendable, Codable, Equatable {
    public var name: String
    public var entry: String
    public var rateAverage: Figure
    public var ratePeak: Figure
    public var rate: Figure
    /// Components whose failure fails the request: the route and hard synchronous calls.
    public var hardDependencies: [String]
    public var availability: Figure
    public var availabilityObjective: Double?
    public var meetsAvailability: Bool?
    public var errorBudget: Figure
    public var expectedDowntime: Figure
    /// p99 budget at the evaluated load: component p99s summed over the synchronous call tree, parallel groups take the max.
    public var latencyP99: Figure
    /// The same sum with service times only (no queueing).
    public var latencyP99Unloaded: Figure
    /// Worst case when calls time out: timeout × attempts + backoff per call that sets a timeout.
    public var latencyWorstCase: Figure
    public var latencyObjective: Double?
    public var meetsLatency: Bool?
    /// The route, then the callee contributing the most time at each step.
    public var criticalPath: [String]
    public var retryAmplification: Figure
    public var worstRetryPath: [String]
    /// Median latency, from the same distribution as `latencyP99`.
    public var latencyP50: Figure
    /// Mean latency (exact sums of mean waits and services; parallel groups by their expected maximum).
    public var latencyMean: Figure
    /// Steady-state load factor of retries: the flow's arrivals with retries / without (1 when nothing times out or is rejected).
    public var retryLoad: Figure
}

/// Connections a SQL store is asked for against what it accepts.
public struct ConnectionBudget: Sendable, Codable, Equatable {
    public struct Caller: Sendable, Codable, Equatable {
        public var component: String
        public var instances: Int
        public var pool: Int
        public var poolSource: String
    }
    public var store: String
    public var maxConnections: Figure
    public var callers: [Caller]
    /// Σ caller instances × pool.
    public var requested: Figure
    /// Little's law: call rate × store response time.
    public var inUse: Figure
    public var exceeded: Bool
}

/// A topic, queue or broker: partitions, consumer parallelism and lag.
public struct TopicCapacity: Sendable, Codable, Equatable {
    public struct Consumer: Sendable, Codable, Equatable {
        public var name: String
        public var parallelism: Figure
        public var capacity: Figure
        public var lagGrowth: Figure
    }
    public var name: String
    public var broker: String?
    public var rate: Figure
    public var partitions: Int?
    public var partitionThroughput: Figure
    public var perPartitionRate: Figure
    public var partitionsNeeded: Figure
    public var consumers: [Consumer]
}

/// Stored data projected over the horizons.
public struct StorageProjection: Sendable, Codable, Equatable {
    public struct Point: Sendable, Codable, Equatable {
        public var months: Double
        public var size: Figure
    }
    public var component: String
    public var source: String
    public var current: Figure
    public var growthPerMonth: Figure
    public var retentionMonths: Double?
    public var projections: [Point]
}

/// A scenario's load steps: the busiest component at each.
public struct ScenarioCapacity: Sendable, Codable, Equatable {
    public struct Step: Sendable, Codable, Equatable {
        public var at: Double
        public var totalRate: Figure
        public var busiest: String?
        public var utilisation: Figure
    }
    public var name: String
    public var steps: [Step]
}

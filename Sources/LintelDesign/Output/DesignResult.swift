import LintelCapacity
import LintelModel

/// A file of the design's output, relative to the output directory.
public struct DesignFile: Sendable, Equatable, Codable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// What `Designer.design` returns: the model, its decisions, its sizing, and every figure the design document
/// reports. Values only: `DesignDocument` (LintelRender) turns them into design.md and the ADRs, `JSONOutput`
/// into JSON (sorted keys).
public struct DesignResult: Sendable, Codable, Equatable {
    /// The designed model, loaded back from `modelYAML` (so it is exactly what `lintel check` reads).
    public var model: Model
    public var modelYAML: String
    /// The requirements and domain as design read them.
    public var inputs: DesignInputs
    /// What was chosen, per topic and per context.
    public var choices: DesignChoices
    public var decisions: [Decision]
    /// Capacity at peak with 12 months of growth at the target utilisation: the sizing's final check.
    public var capacity: CapacityReport
    public var sizingIterations: Int
    /// False when the sizing stopped at its iteration limit with something still short.
    public var sizingConverged: Bool
    /// Peak × this is the load sized for: 12 months of the stated growth.
    public var growth12: Double
    /// The utilisation every component is sized to at that load.
    public var targetUtilisation: Double
    /// The service time assumed for every designed service: median and p99, in seconds.
    public var assumedServiceP50: Double
    public var assumedServiceP99: Double
    /// Per compute component of the model, the entities it owns (in context order).
    public var ownership: [Ownership]
    /// Each decision's record file, `decisions/NNNN-title.md`, in decision order.
    public var decisionPaths: [String]
}

/// The choices behind the design, as the names the decision records use.
public struct DesignChoices: Sendable, Codable, Equatable {
    public var style: String
    /// True for microservices: one service and store per context.
    public var distributed: Bool
    /// The message broker, nil when no events leave a context.
    public var broker: String?
    public var publicAPI: String
    public var internalAPI: String?
    /// How a change spanning contexts is kept consistent.
    public var transactions: String
    /// Per bounded context, in the inputs' order.
    public var contexts: [ContextChoice]
}

/// One bounded context's store and cache.
public struct ContextChoice: Sendable, Codable, Equatable {
    public var name: String
    public var store: String
    public var cache: String
    /// Reads per write (writes floored at 0.01/s).
    public var readWriteRatio: Double
    /// Hit ratio assumed for its cache (the read share × 90%, in whole percent); nil without a cache.
    public var hitRatio: Double?
}

/// The entities one compute component owns.
public struct Ownership: Sendable, Codable, Equatable {
    public var component: String
    public var entities: [String]
}

/// A backend system as described in one model file: what it must do, what it is made of,
/// how its parts call each other, and the situations to test it under.
///
/// A `Model` returned by `ModelLoader` is validated: every reference names an existing
/// component, flow rates are resolved, and defaults are filled in.
public struct Model: Sendable, Codable, Equatable {
    /// The schema version (`lintel: 1`).
    public var version: Int
    public var system: String
    public var description: String?
    public var requirements: Requirements
    public var domain: Domain
    /// Components in file order.
    public var components: [Component]
    public var flows: [Flow]
    public var scenarios: [Scenario]
    public var accept: [AcceptedRisk]
    /// What `lintel design` should lean towards; nil when the file states none.
    public var preferences: DesignPreferences?
    /// Where the model came from: a Lintel file, or files it was imported from.
    public var origin: Origin
    /// Where `system` was written; findings about the whole system point here.
    public var location: SourceLocation

    public init(
        version: Int = 1, system: String, description: String? = nil, requirements: Requirements = Requirements(),
        domain: Domain = Domain(), components: [Component] = [], flows: [Flow] = [], scenarios: [Scenario] = [],
        accept: [AcceptedRisk] = [], origin: Origin = Origin(), location: SourceLocation
    ) {
        self.version = version
        self.system = system
        self.description = description
        self.requirements = requirements
        self.domain = domain
        self.components = components
        self.flows = flows
        self.scenarios = scenarios
        self.accept = accept
        self.origin = origin
        self.location = location
    }

    /// The component with this name, if any.
    public func component(named name: String) -> Component? {
        components.first { $0.name == name }
    }

    /// An index from component name to its position in `components`.
    public var componentIndex: [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(components.count)
        for (position, component) in components.enumerated() { index[component.name] = position }
        return index
    }
}

/// Where a model came from.
public struct Origin: Sendable, Codable, Equatable {
    public enum Format: String, Sendable, Codable, Equatable {
        case lintel, compose, kubernetes
    }
    public var format: Format
    public var files: [String]
    /// Facts an importer could not infer (timeouts, retries, latencies); review reports them as unknown.
    public var unknowns: [String]

    public init(format: Format = .lintel, files: [String] = [], unknowns: [String] = []) {
        self.format = format
        self.files = files
        self.unknowns = unknowns
    }
}

/// A risk the team has reviewed and accepted, with a reason and an expiry date.
public struct AcceptedRisk: Sendable, Codable, Equatable {
    public var rule: String
    public var component: String?
    public var flow: String?
    public var reason: String
    public var until: CalendarDate?
    public var location: SourceLocation

    public init(rule: String, component: String? = nil, flow: String? = nil, reason: String, until: CalendarDate? = nil, location: SourceLocation) {
        self.rule = rule
        self.component = component
        self.flow = flow
        self.reason = reason
        self.until = until
        self.location = location
    }
}

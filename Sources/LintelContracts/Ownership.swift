import LintelModel

/// Which service owns each entity: the one place both generators (OpenAPI and SQL) ask, so an
/// entity's API and its table always belong to the same service.
///
/// An entity is owned by the first service, in file order, that
/// 1. belongs to the entity's bounded context (`context:`) and calls the entity's `store`, else
/// 2. belongs to the entity's bounded context, else
/// 3. calls the entity's `store`.
/// A model with one service owns everything in it. An entity that none of these places is unowned.
public struct Ownership: Sendable, Equatable {
    /// One entity and where it lives.
    public struct Placement: Sendable, Equatable {
        public var entity: Entity
        public var context: String
        /// The owning service; nil when no service can be found.
        public var service: String?
    }

    /// Every entity of the domain, in domain order.
    public var placements: [Placement]

    public init(_ model: Model) {
        let services = model.components.filter(\.servesRequests)
        placements = model.domain.contexts.flatMap { context in
            context.entities.map { entity in
                Placement(entity: entity, context: context.name, service: Self.owner(of: entity, in: context.name, services: services))
            }
        }
    }

    static func owner(of entity: Entity, in context: String, services: [Component]) -> String? {
        let callsStore: (Component) -> Bool = { service in
            guard let store = entity.store else { return false }
            return service.calls.contains { $0.to == store }
        }
        if let owner = services.first(where: { $0.context == context && callsStore($0) }) { return owner.name }
        if let owner = services.first(where: { $0.context == context }) { return owner.name }
        if let owner = services.first(where: callsStore) { return owner.name }
        return services.count == 1 ? services.first?.name : nil
    }

    /// The entities `service` owns, in domain order.
    public func entities(ownedBy service: String) -> [Placement] {
        placements.filter { $0.service == service }
    }

    /// The placement of the entity called `name`.
    public func placement(of name: String) -> Placement? {
        placements.first { $0.entity.name == name }
    }
}

extension Component {
    /// Serves requests with its own code and so owns an API: services and functions
    /// (gateways and load balancers route, workers consume).
    var servesRequests: Bool {
        switch kind {
        case .service, .function: true
        default: false
        }
    }
}

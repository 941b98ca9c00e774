import LintelCapacity
import LintelModel

/// Several services exposed to the internet each on their own.
public struct PublicServicesWithoutGateway: Rule {
    public static let description = RuleDescription(
        id: "public-services-without-gateway", title: "Several public services without a gateway", category: .fit, severity: .warning,
        rationale: "When several services are public each on their own, authentication, rate limiting, TLS, CORS and request logging are implemented (and drift) in each; clients couple to the internal service layout and every new service widens the attack surface.",
        remedy: "Put an API gateway (or one load balancer with routing) in front as the single public entry, make the services private, and move the cross-cutting concerns there.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              users: { kind: service, public: true, auth: jwt, tls: true, rate_limit: 100/s }
              orders: { kind: service, public: true, auth: jwt, tls: true, rate_limit: 100/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              gateway:
                kind: gateway
                public: true
                auth: jwt
                tls: true
                rate_limit: 100/s
                calls: [ { to: users, timeout: 1s }, { to: orders, timeout: 1s } ]
              users: { kind: service }
              orders: { kind: service }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        let exposed = context.components.filter { $0.isPublic && ($0.kind == .service || $0.kind == .function) }
        guard exposed.count >= 2 else { return [] }
        let hasGateway = context.components.contains { $0.kind == .gateway || $0.kind == .loadBalancer }
        let count = Figure(Double(exposed.count), .count, "public services and functions")
        let text = "\(Figures.text(count)) services are public on their own (\(exposed.map(\.name).joined(separator: ", ")))"
            + (hasGateway ? ", bypassing the gateway" : " with no gateway in front")
        return [finding(text, components: exposed.map(\.name), at: exposed[0].location(of: "public"), figures: [count])]
    }
}

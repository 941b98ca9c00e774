import LintelModel

/// The API style at one boundary: the public edge, or calls between services.
enum APIStyle: String, CaseIterable {
    case rest = "REST", graphql = "GraphQL", grpc = "gRPC"

    struct Facts {
        var isPublic: Bool
        var callRate: Double
        var contexts: Int
        var preferences = Preferences()
    }

    static func matrix(_ facts: Facts) -> DecisionMatrix {
        // Columns: REST, GraphQL, gRPC.
        let audience = facts.isPublic ? [5, 4, 1] : [4, 2, 5]
        let rate = facts.callRate >= 1_000 ? [2, 2, 5] : facts.callRate >= 100 ? [4, 3, 4] : [5, 4, 3]
        let aggregation = facts.isPublic && facts.contexts >= 5 ? [3, 5, 1] : [4, 3, 3]
        let tooling = [5, 3, 3]
        let criteria = [
            Criterion("audience", weight: 3, basis: facts.isPublic ? "public clients (browsers, partners)" : "internal services"),
            Criterion("call rate", weight: 2, basis: "\(DesignFormat.rate(facts.callRate)) at peak"),
            Criterion("client-side aggregation", weight: 1, basis: "\(facts.contexts) context(s) behind the boundary"),
            Criterion("tooling and caching", weight: 1, basis: "HTTP caching, OpenAPI, debuggability"),
        ]
        var rows = [audience, rate, aggregation, tooling]
        var allCriteria = criteria
        if let (criterion, scores) = facts.preferences.criterion([["rest"], ["graphql"], ["grpc"]]) {
            allCriteria.append(criterion)
            rows.append(scores)
        }
        return DecisionMatrix(criteria: allCriteria, options: allCases.enumerated().map { column, choice in
            DecisionMatrix.Option(choice.rawValue, rows.map { $0[column] })
        })
    }

    static func decide(_ facts: Facts) -> (APIStyle, Decision) {
        let matrix = matrix(facts)
        let choice = allCases.first { $0.rawValue == matrix.winner } ?? .rest
        let levers: [Lever<Facts>] = [
            Lever(input: "call rate", candidates: [10.0, 100, 1_000, 10_000].filter { $0 != facts.callRate }
                .sorted { abs($0 - facts.callRate) < abs($1 - facts.callRate) }.map { value in
                    var changed = facts
                    changed.callRate = value
                    return ("\(DesignFormat.rate(value)) at peak", changed)
                }),
            Lever(input: "bounded contexts", candidates: [1, 3, 5, 10].filter { $0 != facts.contexts }.map { value in
                var changed = facts
                changed.contexts = value
                return ("\(value) contexts behind the boundary", changed)
            }),
        ]
        let boundary = facts.isPublic ? "public API" : "service-to-service calls"
        let decision = Decision(
            topic: facts.isPublic ? "api-public" : "api-internal", title: "Use \(choice.rawValue) for the \(boundary)",
            context: facts.isPublic
                ? "Clients reach the system through the gateway. The public API is versioned in the URL (/v1) and documented with OpenAPI."
                : "Services call each other synchronously where a request needs another context's answer now.",
            drivers: matrix.criteria.map { "\($0.name): \($0.basis)" }, matrix: matrix,
            consequences: choice.consequences, flips: flips(facts, levers: levers, matrix: Self.matrix))
        return (choice, decision)
    }

    var consequences: [String] {
        switch self {
        case .rest: ["Good: resource URLs, HTTP caching, any client; cursor pagination for lists.", "Bad: chatty for screens that combine many resources."]
        case .graphql: ["Good: one round trip per screen.", "Bad: per-query cost control and N+1 resolution are needed."]
        case .grpc: ["Good: compact binary framing and generated clients; lower per-call overhead at high rates.",
                     "Bad: not browser-native; needs schema (protobuf) governance."]
        }
    }

    var callProtocol: String { self == .grpc ? "grpc" : "http" }
}

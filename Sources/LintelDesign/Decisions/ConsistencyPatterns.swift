import LintelModel

/// How a business transaction that spans contexts stays consistent: a saga (choreography or
/// orchestration), or local transactions when every context shares one process and database.
enum TransactionPattern: String, CaseIterable {
    case local = "local transactions", choreography = "choreographed saga", orchestration = "orchestrated saga"

    struct Facts {
        var distributed: Bool
        var crossContextWrites: Int
        var teams: Int
    }

    static func matrix(_ facts: Facts) -> DecisionMatrix {
        // Columns: local, choreography, orchestration.
        let deployment = facts.distributed ? [0, 5, 5] : [5, 2, 2]
        let steps = facts.crossContextWrites >= 3 ? [3, 2, 5] : facts.crossContextWrites >= 1 ? [4, 5, 3] : [5, 2, 1]
        let coupling = facts.teams >= 3 ? [2, 5, 3] : [4, 3, 3]
        let criteria = [
            Criterion("deployment", weight: 3, basis: facts.distributed ? "contexts in separate services and stores" : "one process, one database"),
            Criterion("steps across contexts", weight: 2, basis: "\(facts.crossContextWrites) cross-context reference(s)"),
            Criterion("team coupling", weight: 1, basis: "\(facts.teams) team(s)"),
        ]
        let rows = [deployment, steps, coupling]
        return DecisionMatrix(criteria: criteria, options: allCases.enumerated().map { column, choice in
            DecisionMatrix.Option(choice.rawValue, rows.map { $0[column] })
        })
    }

    static func decide(_ facts: Facts, hasEvents: Bool, textSearch: [String]) -> (TransactionPattern, Decision) {
        let matrix = matrix(facts)
        let choice = allCases.first { $0.rawValue == matrix.winner } ?? .local
        let levers: [Lever<Facts>] = [
            Lever(input: "architecture style", candidates: [(facts.distributed ? "one deployable" : "separate services", { var c = facts; c.distributed.toggle(); return c }())]),
            Lever(input: "cross-context references", candidates: [0, 1, 3, 6].filter { $0 != facts.crossContextWrites }.map { value in
                var changed = facts
                changed.crossContextWrites = value
                return ("\(value) cross-context references", changed)
            }),
        ]
        var consequences = choice.consequences
        if hasEvents {
            consequences.append("Outbox: each context writes its events to an outbox table in the same transaction as the state change; "
                                + "a relay publishes them, so no event is lost or invented.")
        }
        if !textSearch.isEmpty {
            consequences.append("CQRS: \(textSearch.joined(separator: ", ")) serve text queries from a search index (a read model) fed by events.")
        }
        let decision = Decision(
            topic: "consistency-patterns", title: "Keep cross-context work consistent with \(choice.rawValue)",
            context: "Some requests change data in more than one bounded context. The pattern decides whether one "
                + "transaction covers them or a sequence of local transactions with compensations does.",
            drivers: matrix.criteria.map { "\($0.name): \($0.basis)" }, matrix: matrix,
            consequences: consequences, flips: flips(facts, levers: levers, matrix: Self.matrix))
        return (choice, decision)
    }

    var consequences: [String] {
        switch self {
        case .local: ["Good: one ACID transaction per request; no compensation logic."]
        case .choreography: ["Good: each context reacts to the previous context's event; no coordinator to fail.",
                             "Bad: the flow is implicit; trace ids across events are needed to follow it."]
        case .orchestration: ["Good: one coordinator states the steps and compensations explicitly.",
                              "Bad: the coordinator is a dependency of every step and must be made highly available."]
        }
    }
}

import LintelModel

/// The architecture style: monolith, modular monolith or microservices.
///
/// Criteria follow the evaluation framework an architect applies (team structure, team size,
/// domain clarity, differing scaling needs, consistency, operational maturity); each score is a
/// step function of one input, documented beside it.
enum ArchitectureStyle: String, CaseIterable {
    case monolith = "monolith"
    case modularMonolith = "modular monolith"
    case microservices = "microservices"

    static func matrix(_ inputs: DesignInputs) -> DecisionMatrix {
        let teams = inputs.teams, engineers = inputs.engineers
        let contexts = inputs.contexts.count, spread = inputs.scalingSpread
        // Independent ownership needs several teams; one team gains nothing from service boundaries.
        let team = teams >= 3 ? [1, 5, 5] : teams == 2 ? [3, 5, 2] : [5, 4, 0]
        // Below ~10 engineers distributed-systems overhead dominates; above ~25 one codebase slows everyone.
        let size = engineers < 10 ? [5, 4, 0] : engineers < 25 ? [3, 5, 3] : [1, 3, 5]
        // Clear bounded contexts allow boundaries; one context has nothing to split.
        let clarity = contexts <= 1 ? [5, 2, 0] : contexts == 2 ? [2, 5, 2] : [2, 5, 4]
        // Busiest over quietest context: a 10× spread makes independent scaling worth its cost.
        let scaling = spread >= 10 ? [1, 2, 5] : spread >= 3 ? [1, 2, 3] : [4, 3, 1]
        let consistency: [Int] = switch inputs.consistency {
        case .strong: [5, 4, 1]
        case .readYourWrites: [4, 4, 2]
        case .eventual: [2, 3, 5]
        }
        let maturity: [Int] = switch inputs.maturity {
        case .low: [5, 4, 0]
        case .medium: [3, 4, 3]
        case .high: [2, 3, 5]
        }
        let criteria = [
            Criterion("team structure", weight: 3, basis: "\(teams) team\(teams == 1 ? "" : "s")"),
            Criterion("team size", weight: 2, basis: "\(engineers) engineers"),
            Criterion("domain clarity", weight: 2, basis: "\(contexts) bounded context\(contexts == 1 ? "" : "s")"),
            Criterion("differing scaling needs", weight: 2,
                      basis: "busiest/quietest context load \(DesignFormat.number(spread))×"),
            Criterion("data consistency", weight: 2, basis: inputs.consistency.rawValue),
            Criterion("operational maturity", weight: 2, basis: inputs.maturity.rawValue),
        ]
        let rows = [team, size, clarity, scaling, consistency, maturity]
        let options = allCases.enumerated().map { column, style in
            DecisionMatrix.Option(style.rawValue, rows.map { $0[column] })
        }
        return DecisionMatrix(criteria: criteria, options: options)
    }

    static func decide(_ inputs: DesignInputs) -> (ArchitectureStyle, Decision) {
        let matrix = matrix(inputs)
        let style = allCases.first { $0.rawValue == matrix.winner } ?? .monolith
        var levers: [Lever<DesignInputs>] = []
        levers.append(Lever(input: "requirements.team.teams", candidates: (1...12).filter { $0 != inputs.teams }
            .sorted { abs($0 - inputs.teams) < abs($1 - inputs.teams) }.map { value in
                var changed = inputs
                changed.teams = value
                changed.engineers = max(changed.engineers, value)
                return ("\(value) team\(value == 1 ? "" : "s")", changed)
            }))
        levers.append(Lever(input: "requirements.team.engineers", candidates: [3, 6, 9, 12, 20, 30, 60].filter { $0 != inputs.engineers }
            .sorted { abs($0 - inputs.engineers) < abs($1 - inputs.engineers) }.map { value in
                var changed = inputs
                changed.engineers = value
                changed.teams = min(changed.teams, value)
                changed.maturity = DesignInputs.inferredMaturity(engineers: value)
                return ("\(value) engineers", changed)
            }))
        levers.append(Lever(input: "requirements.consistency", candidates: Consistency.allCases.filter { $0 != inputs.consistency }.map { value in
            var changed = inputs
            changed.consistency = value
            return ("\(value.rawValue) consistency", changed)
        }))
        levers.append(Lever(input: "preferences.maturity", candidates: Maturity.allCases.filter { $0 != inputs.maturity }.map { value in
            var changed = inputs
            changed.maturity = value
            return ("\(value.rawValue) operational maturity", changed)
        }))
        let decision = Decision(
            topic: "architecture-style",
            title: "Use a \(style.rawValue) architecture",
            context: "The system \(inputs.system) is built by \(inputs.engineers) engineers in \(inputs.teams) team(s) and has "
                + "\(inputs.contexts.count) bounded context(s). The style decides how many deployable units there are, "
                + "who owns them and how much distributed-systems machinery the team must run.",
            drivers: matrix.criteria.map { "\($0.name): \($0.basis)" },
            matrix: matrix,
            consequences: style.consequences,
            flips: flips(inputs, levers: levers, matrix: Self.matrix))
        return (style, decision)
    }

    var consequences: [String] {
        switch self {
        case .monolith:
            ["Good: one deployable, one database transaction for any change, no network between modules.",
             "Bad: every change ships the whole application; the busiest part sets the scale of all of it.",
             "Keep module boundaries in the code (one package per bounded context) so a later split is cheap."]
        case .modularMonolith:
            ["Good: one deployable with enforced module boundaries, one schema per module, local transactions.",
             "Good: a module can be extracted into a service when its team or scaling needs diverge.",
             "Bad: modules still share a release train and a process; a memory leak in one affects all."]
        case .microservices:
            ["Good: each team owns, deploys and scales its service and its data independently.",
             "Bad: cross-context changes need eventual consistency (events, sagas) and distributed tracing.",
             "Bad: more moving parts to run: broker, per-service stores, gateway, service-to-service security."]
        }
    }
}

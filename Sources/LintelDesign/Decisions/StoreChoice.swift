import LintelModel

/// The primary store of one bounded context, chosen from data shape, query patterns,
/// consistency, volume and write rate. Relational is the default: it wins every tie.
enum StoreChoice: String, CaseIterable {
    case relational, document, keyValue = "key-value", wideColumn = "wide-column", columnar = "columnar analytics"

    func kind(managed: Bool) -> ComponentKind {
        switch self {
        case .relational: .postgres
        case .document: .mongodb
        case .keyValue: managed ? .dynamodb : .cassandra
        case .wideColumn: .cassandra
        case .columnar: .clickhouse
        }
    }

    /// The scoring inputs, separated from the profile so flips can move one at a time.
    struct Facts {
        var consistency: Consistency
        var referencesInside: Bool
        var keyLookupsOnly: Bool
        var timeRange: Bool
        var flexibleSchema: Bool
        var writes: Double
        var rows: Double
        var preferences = Preferences()
    }

    static let aliases = [["postgres", "postgresql", "mysql", "relational", "sql"], ["mongodb", "document"],
                          ["dynamodb", "key-value"], ["cassandra", "scylladb", "wide-column"], ["clickhouse", "columnar"]]

    static func matrix(_ facts: Facts) -> DecisionMatrix {
        // Columns: relational, document, key-value, wide-column, columnar.
        let transactional = facts.consistency == .strong || facts.referencesInside
        let integrity = transactional ? [5, 3, 1, 1, 0] : [3, 3, 3, 3, 2]
        let queries: [Int] = facts.keyLookupsOnly ? [4, 4, 5, 3, 1]
            : facts.timeRange ? (facts.writes >= 10_000 ? [2, 2, 2, 5, 4] : [4, 3, 1, 4, 3])
            : [5, 4, 1, 2, 2]
        let writeRate = facts.writes >= 10_000 ? [1, 2, 4, 5, 4] : facts.writes >= 1_000 ? [3, 4, 5, 5, 4] : [5, 4, 4, 3, 2]
        let volume = facts.rows >= 1e9 ? [2, 3, 4, 5, 5] : [5, 4, 4, 3, 3]
        let schema = facts.flexibleSchema ? [4, 5, 3, 2, 2] : [5, 3, 3, 3, 3]
        let familiarity = [5, 3, 3, 2, 2]
        let criteria = [
            Criterion("transactions and integrity", weight: 3,
                      basis: "consistency \(facts.consistency.rawValue)" + (facts.referencesInside ? ", references inside the context" : "")),
            Criterion("query patterns", weight: 3,
                      basis: facts.keyLookupsOnly ? "lookups by unique key only" : facts.timeRange ? "time-range queries" : "queries by several attributes"),
            Criterion("write rate", weight: 2, basis: "\(DesignFormat.rate(facts.writes)) writes"),
            Criterion("volume", weight: 1, basis: "\(DesignFormat.number(facts.rows)) rows"),
            Criterion("schema flexibility", weight: 1, basis: facts.flexibleSchema ? "json fields" : "fixed fields"),
            Criterion("operational familiarity", weight: 2, basis: "relational is the default an architect justifies leaving"),
        ]
        var rows = [integrity, queries, writeRate, volume, schema, familiarity]
        var allCriteria = criteria
        if let (criterion, scores) = facts.preferences.criterion(aliases) {
            allCriteria.append(criterion)
            rows.append(scores)
        }
        return DecisionMatrix(criteria: allCriteria, options: allCases.enumerated().map { column, choice in
            DecisionMatrix.Option(choice.rawValue, rows.map { $0[column] })
        })
    }

    static func decide(_ profile: ContextProfile, inputs: DesignInputs) -> (StoreChoice, Decision) {
        let facts = Facts(consistency: inputs.consistency, referencesInside: profile.hasReferencesInside,
                          keyLookupsOnly: profile.keyLookupsOnly, timeRange: profile.timeRange,
                          flexibleSchema: profile.flexibleSchema, writes: profile.writes, rows: profile.rows,
                          preferences: inputs.preferences)
        let matrix = matrix(facts)
        let choice = allCases.first { $0.rawValue == matrix.winner } ?? .relational
        var levers: [Lever<Facts>] = []
        levers.append(Lever(input: "domain.contexts.\(profile.name) write rate", candidates: [100.0, 1_000, 10_000, 100_000]
            .filter { $0 > facts.writes }.map { value in
                var changed = facts
                changed.writes = value
                return ("\(DesignFormat.rate(value)) writes", changed)
            }))
        levers.append(Lever(input: "domain.contexts.\(profile.name) rows", candidates: [1e9, 1e10, 1e11].filter { $0 > facts.rows }.map { value in
            var changed = facts
            changed.rows = value
            return ("\(DesignFormat.number(value)) rows", changed)
        }))
        levers.append(Lever(input: "requirements.consistency", candidates: Consistency.allCases.filter { $0 != facts.consistency }.map { value in
            var changed = facts
            changed.consistency = value
            return ("\(value.rawValue) consistency", changed)
        }))
        levers.append(Lever(input: "query patterns", candidates: [("lookups by unique key only", true)].map { label, _ in
            var changed = facts
            changed.keyLookupsOnly = !facts.keyLookupsOnly
            return (facts.keyLookupsOnly ? "queries by several attributes" : label, changed)
        }))
        let decision = Decision(
            topic: "store-\(profile.name)",
            title: "Store the \(profile.name) context in a \(choice.rawValue) database",
            context: "The \(profile.name) context owns \(profile.entities.joined(separator: ", ")). Its store must serve "
                + "\(DesignFormat.rate(profile.reads)) reads and \(DesignFormat.rate(profile.writes)) writes over \(DesignFormat.number(profile.rows)) rows.",
            drivers: matrix.criteria.map { "\($0.name): \($0.basis)" },
            matrix: matrix,
            consequences: choice.consequences,
            flips: flips(facts, levers: levers, matrix: Self.matrix))
        return (choice, decision)
    }

    var consequences: [String] {
        switch self {
        case .relational: ["Good: transactions, constraints and ad-hoc queries; indexes follow the query patterns.",
                           "Bad: writes scale vertically; beyond one primary the data must be partitioned by key."]
        case .document: ["Good: nested, evolving records without migrations.", "Bad: no cross-document transactions by default."]
        case .keyValue: ["Good: predictable single-digit-millisecond lookups at any scale.", "Bad: no secondary queries without extra indexes."]
        case .wideColumn: ["Good: very high write rates and time-ordered rows per partition key.",
                           "Bad: queries must follow the partition key; no joins or transactions."]
        case .columnar: ["Good: fast aggregations over billions of rows.", "Bad: slow single-row updates; not a system of record for mutable data."]
        }
    }
}

import LintelModel

/// Whether a context's reads go through a shared cache, and how it is invalidated.
enum CacheChoice: String, CaseIterable {
    case none = "no cache", ttl = "cache-aside with TTL", events = "cache-aside with event invalidation"

    struct Facts {
        var reads: Double
        var writes: Double
        var consistency: Consistency
    }

    static func matrix(_ facts: Facts) -> DecisionMatrix {
        let ratio = facts.reads / max(0.01, facts.writes)
        // Columns: none, TTL, event invalidation.
        let readWrite = ratio >= 10 ? [0, 5, 5] : ratio >= 3 ? [2, 4, 4] : [5, 1, 1]
        let staleness: [Int] = switch facts.consistency {
        case .strong: [5, 0, 3]
        case .readYourWrites: [4, 2, 4]
        case .eventual: [3, 5, 4]
        }
        let load = facts.reads >= 1_000 ? [1, 5, 5] : facts.reads >= 100 ? [3, 4, 4] : [5, 2, 2]
        let simplicity = [5, 4, 2]
        let criteria = [
            Criterion("read/write ratio", weight: 3, basis: "\(DesignFormat.number(ratio)) reads per write"),
            Criterion("staleness tolerance", weight: 2, basis: "consistency: \(facts.consistency.rawValue)"),
            Criterion("read load on the store", weight: 3, basis: "\(DesignFormat.rate(facts.reads)) reads"),
            Criterion("simplicity", weight: 1, basis: "fewer moving parts"),
        ]
        let rows = [readWrite, staleness, load, simplicity]
        return DecisionMatrix(criteria: criteria, options: allCases.enumerated().map { column, choice in
            DecisionMatrix.Option(choice.rawValue, rows.map { $0[column] })
        })
    }

    static func decide(_ profile: ContextProfile, consistency: Consistency) -> (CacheChoice, Decision) {
        let facts = Facts(reads: profile.reads, writes: profile.writes, consistency: consistency)
        let matrix = matrix(facts)
        let choice = allCases.first { $0.rawValue == matrix.winner } ?? .none
        let levers: [Lever<Facts>] = [
            Lever(input: "domain.contexts.\(profile.name) reads", candidates: [3.0, 10, 30, 100].map { factor in
                var changed = facts
                changed.reads = max(1, facts.writes) * factor
                return ("\(DesignFormat.number(factor)) reads per write", changed)
            }.filter { $0.1.reads != facts.reads }),
            Lever(input: "requirements.consistency", candidates: Consistency.allCases.filter { $0 != consistency }.map { value in
                var changed = facts
                changed.consistency = value
                return ("\(value.rawValue) consistency", changed)
            }),
        ]
        let decision = Decision(
            topic: "cache-\(profile.name)", title: "\(choice == .none ? "No cache" : "Cache") for the \(profile.name) context"
                + (choice == .none ? "" : ": \(choice.rawValue)"),
            context: "Reads of \(profile.name) could be served from a shared cache in front of its store. "
                + "It reads \(DesignFormat.rate(profile.reads)) and writes \(DesignFormat.rate(profile.writes)).",
            drivers: matrix.criteria.map { "\($0.name): \($0.basis)" }, matrix: matrix,
            consequences: choice.consequences, flips: flips(facts, levers: levers, matrix: Self.matrix))
        return (choice, decision)
    }

    /// Expected hit ratio of the lookup when cached: the read share of requests × 90% of reads found.
    static func hitRatio(_ profile: ContextProfile) -> Double {
        let share = profile.reads / max(0.01, profile.reads + profile.writes)
        return (share * 0.9 * 100).rounded(.down) / 100
    }

    var consequences: [String] {
        switch self {
        case .none: ["Good: every read sees the latest write.", "Bad: every read reaches the store."]
        case .ttl: ["Good: most reads never reach the store.", "Bad: a read may be stale for up to the TTL."]
        case .events: ["Good: most reads never reach the store, and writes evict their keys through the context's events.",
                       "Bad: invalidation depends on the event path; a lost event leaves a stale key until its TTL."]
        }
    }
}

import LintelModel

/// Operational maturity: how much distributed-systems machinery the team can run.
public enum Maturity: String, Sendable, Codable, CaseIterable {
    case low, medium, high
}

/// Preferences that steer choices without being requirements.
public struct Preferences: Sendable, Codable, Equatable {
    /// When nil, inferred from the team (see `DesignInputs.inferredMaturity`).
    public var maturity: Maturity?
    /// Prefer managed cloud services (SQS, DynamoDB) over self-hosted ones.
    public var managedServices: Bool
    /// Lower-case technology names to lean towards or stay away from.
    public var prefer: [String]
    public var avoid: [String]
    public var languages: [String]
    public init(maturity: Maturity? = nil, managedServices: Bool = false, prefer: [String] = [], avoid: [String] = [], languages: [String] = []) {
        self.maturity = maturity
        self.managedServices = managedServices
        self.prefer = prefer
        self.avoid = avoid
        self.languages = languages
    }

    /// The preferences a model file states (`preferences:`).
    public init(_ stated: DesignPreferences?) {
        self.init(maturity: stated?.maturity.flatMap(Maturity.init(rawValue:)), managedServices: stated?.hosting == .cloud,
                  prefer: stated?.prefer ?? [], avoid: stated?.avoid ?? [], languages: stated?.languages ?? [])
    }

    /// The "team preference" criterion for options known by these names: 0 avoided, 5 preferred, 3 otherwise;
    /// nil when the preferences name none of the options (the criterion is then left out).
    func criterion(_ aliases: [[String]]) -> (Criterion, [Int])? {
        let scores = aliases.map { names in
            names.contains { avoid.contains($0) } ? 0 : names.contains { prefer.contains($0) } ? 5 : 3
        }
        guard scores.contains(where: { $0 != 3 }) else { return nil }
        let named = (prefer.map { "prefer " + $0 } + avoid.map { "avoid " + $0 }).joined(separator: ", ")
        return (Criterion("team preference", weight: 2, basis: named), scores)
    }
}

/// What design knows about one bounded context, read from the domain.
public struct ContextProfile: Sendable, Codable, Equatable {
    public var name: String
    public var entities: [String]
    /// Σ entity reads (volume.reads, else the sum of its query rates), per second.
    public var reads: Double
    /// Σ entity writes, per second.
    public var writes: Double
    public var rows: Double
    public var events: [String]
    /// Contexts whose entities this context's fields reference (`ref(Entity)`), in domain order.
    public var references: [String]
    public var hasReferencesInside: Bool
    public var textSearch: Bool
    public var timeRange: Bool
    public var keyLookupsOnly: Bool
    public var flexibleSchema: Bool
    public var hasStateMachine: Bool
    public var sensitive: Bool
    /// Share of the system's traffic this context serves (its reads + writes over the total; equal shares when none are given).
    public var share: Double
    public var requests: Double { reads + writes }
}

/// The inputs every decision reads, derived once from requirements, domain and preferences.
public struct DesignInputs: Sendable, Codable, Equatable {
    public var system: String
    public var engineers: Int
    public var teams: Int
    public var averageRate: Double
    public var peakRate: Double
    public var growthPerYear: Double
    public var availability: Double
    public var latencyP99: Double
    public var consistency: Consistency
    public var compliance: [Compliance]
    public var maturity: Maturity
    public var managedServices: Bool
    public var preferences: Preferences
    public var contexts: [ContextProfile]

    /// Documented defaults when requirements are silent: 1 engineer in 1 team, 10/s average, peak 3× average,
    /// no growth, 99.9% availability, p99 500 ms, strong consistency.
    public init(model: Model, preferences: Preferences = Preferences()) {
        let requirements = model.requirements
        system = model.system
        engineers = max(1, min(100_000, requirements.team?.engineers ?? 1))
        teams = max(1, min(engineers, requirements.team?.teams ?? 1))
        let average = requirements.traffic?.average?.perSecond ?? (requirements.traffic?.peak?.perSecond).map { $0 / 3 } ?? 10
        averageRate = Self.clampRate(average)
        peakRate = max(averageRate, Self.clampRate(requirements.traffic?.peak?.perSecond ?? averageRate * 3))
        growthPerYear = min(100, max(1, requirements.traffic?.growth?.factorPerYear ?? 1))
        availability = min(0.99999, max(0.9, requirements.slo?.availability ?? 0.999))
        latencyP99 = min(60, max(0.02, requirements.slo?.latencyP99?.seconds ?? 0.5))
        consistency = requirements.consistency ?? .strong
        compliance = requirements.compliance
        maturity = preferences.maturity ?? Self.inferredMaturity(engineers: engineers)
        managedServices = preferences.managedServices
        self.preferences = preferences
        contexts = Self.profiles(model.domain)
    }

    /// 20 or more engineers can staff platform work (tracing, mesh, on-call per service): high;
    /// 8 or more: medium; fewer: low.
    public static func inferredMaturity(engineers: Int) -> Maturity {
        engineers >= 20 ? .high : engineers >= 8 ? .medium : .low
    }

    static func clampRate(_ value: Double) -> Double {
        value.isFinite ? min(10_000_000, max(0.01, value)) : 1
    }

    static func nonNegative(_ value: Double) -> Double {
        value.isFinite ? min(10_000_000, max(0, value)) : 0
    }

    static func profiles(_ domain: Domain) -> [ContextProfile] {
        var owner: [String: String] = [:]
        for context in domain.contexts { for entity in context.entities where owner[entity.name] == nil { owner[entity.name] = context.name } }
        var result: [ContextProfile] = []
        for context in domain.contexts {
            var reads = 0.0, writes = 0.0, rows = 0.0
            var references: [String] = []
            var inside = false, text = false, time = false, keyOnly = !context.entities.isEmpty, flexible = false
            var states = false, sensitive = false
            for entity in context.entities {
                let queryRate = entity.queries.reduce(0.0) { $0 + ($1.rate?.perSecond ?? 0) }
                reads += nonNegative(entity.volume?.reads?.perSecond ?? queryRate)
                writes += nonNegative(entity.volume?.writes?.perSecond ?? 0)
                rows += min(1e15, max(0, entity.volume?.rows ?? 0))
                var types: [String: FieldType] = [:]
                for field in entity.fields { types[field.name] = field.type }
                for field in entity.fields {
                    switch field.type {
                    case .reference(let target):
                        if let other = owner[target], other != context.name {
                            if !references.contains(other) { references.append(other) }
                        } else if owner[target] == context.name { inside = true }
                    case .json: flexible = true
                    case .enumeration: if field.name == "status" { states = true }
                    default: break
                    }
                    if field.sensitive { sensitive = true }
                }
                if entity.queries.isEmpty { keyOnly = false }
                for query in entity.queries {
                    let fields = query.by + (query.order.map { [$0] } ?? [])
                    if fields.contains(where: { types[$0] == .text }) { text = true }
                    if fields.contains(where: { types[$0] == .timestamp || types[$0] == .date }) { time = true }
                    let unique = query.by.count == 1 && entity.fields.contains { $0.name == query.by[0] && $0.unique }
                    if !(unique || query.by == entity.key) || query.order != nil { keyOnly = false }
                }
            }
            result.append(ContextProfile(
                name: context.name, entities: context.entities.map(\.name), reads: reads, writes: writes, rows: rows,
                events: context.events.map(\.name), references: references, hasReferencesInside: inside, textSearch: text,
                timeRange: time, keyLookupsOnly: keyOnly, flexibleSchema: flexible, hasStateMachine: states,
                sensitive: sensitive, share: 0))
        }
        let total = result.reduce(0.0) { $0 + $1.requests }
        for index in result.indices {
            result[index].share = total > 0 ? result[index].requests / total : 1 / Double(result.count)
        }
        return result
    }

    /// Peak rate over the average rate.
    public var peakFactor: Double { peakRate / averageRate }
    /// Growth over the next 12 months.
    public var growth12: Double { growthPerYear }
    /// The ratio of the busiest context's requests to the quietest's (1 with fewer than two contexts).
    public var scalingSpread: Double {
        let rates = contexts.map { max(0.01, $0.requests) }
        guard let high = rates.max(), let low = rates.min(), rates.count > 1 else { return 1 }
        return high / low
    }
}

/// What the system must do: team, load, service levels, data, consistency, compliance and budget.
public struct Requirements: Sendable, Codable, Equatable {
    public var team: Team?
    public var traffic: Traffic?
    public var slo: ServiceLevel?
    public var data: DataRequirements?
    public var consistency: Consistency?
    public var compliance: [Compliance]
    public var budget: Money?
    public var location: SourceLocation?

    public init(team: Team? = nil, traffic: Traffic? = nil, slo: ServiceLevel? = nil, data: DataRequirements? = nil,
                consistency: Consistency? = nil, compliance: [Compliance] = [], budget: Money? = nil, location: SourceLocation? = nil) {
        self.team = team
        self.traffic = traffic
        self.slo = slo
        self.data = data
        self.consistency = consistency
        self.compliance = compliance
        self.budget = budget
        self.location = location
    }

    /// True when any regulation that protects stored data applies.
    public var handlesRegulatedData: Bool { !compliance.isEmpty }
}

public struct Team: Sendable, Codable, Equatable {
    public var engineers: Int
    public var teams: Int
    public var location: SourceLocation?
    public init(engineers: Int, teams: Int = 1, location: SourceLocation? = nil) {
        self.engineers = engineers
        self.teams = teams
        self.location = location
    }
}

public struct Traffic: Sendable, Codable, Equatable {
    public var average: Rate?
    public var peak: Rate?
    public var growth: Growth?
    public var location: SourceLocation?
    public init(average: Rate? = nil, peak: Rate? = nil, growth: Growth? = nil, location: SourceLocation? = nil) {
        self.average = average
        self.peak = peak
        self.growth = growth
        self.location = location
    }
}

/// Service-level objectives, for the whole system or one flow.
public struct ServiceLevel: Sendable, Codable, Equatable {
    /// As a fraction: 99.95% is 0.9995.
    public var availability: Double?
    public var latencyP50: TimeSpan?
    public var latencyP99: TimeSpan?
    public var location: SourceLocation?
    public var keyLocations: [String: SourceLocation]
    public init(availability: Double? = nil, latencyP50: TimeSpan? = nil, latencyP99: TimeSpan? = nil,
                location: SourceLocation? = nil, keyLocations: [String: SourceLocation] = [:]) {
        self.availability = availability
        self.latencyP50 = latencyP50
        self.latencyP99 = latencyP99
        self.location = location
        self.keyLocations = keyLocations
    }
}

public struct DataRequirements: Sendable, Codable, Equatable {
    public var size: DataSize?
    public var growth: DataGrowth?
    public var retention: TimeSpan?
    public var location: SourceLocation?
    public init(size: DataSize? = nil, growth: DataGrowth? = nil, retention: TimeSpan? = nil, location: SourceLocation? = nil) {
        self.size = size
        self.growth = growth
        self.retention = retention
        self.location = location
    }
}

public enum Consistency: String, Sendable, Codable, CaseIterable {
    case strong, readYourWrites = "read-your-writes", eventual
}

public enum Compliance: String, Sendable, Codable, CaseIterable {
    case pciDss = "pci-dss", gdpr, hipaa, sox, soc2, iso27001
}

/// Where the system may run: managed cloud services, or software the team operates itself.
public enum Hosting: String, Sendable, Codable, CaseIterable {
    case cloud, selfHosted = "self-hosted"
}

/// Choices that steer `lintel design` without being requirements (the model file's `preferences`).
public struct DesignPreferences: Sendable, Codable, Equatable {
    public var languages: [String]
    public var hosting: Hosting?
    /// Lower-case technology names.
    public var prefer: [String]
    public var avoid: [String]
    /// `low`, `medium` or `high`; inferred from the team when absent.
    public var maturity: String?
    public init(languages: [String] = [], hosting: Hosting? = nil, prefer: [String] = [], avoid: [String] = [], maturity: String? = nil) {
        self.languages = languages
        self.hosting = hosting
        self.prefer = prefer
        self.avoid = avoid
        self.maturity = maturity
    }
}

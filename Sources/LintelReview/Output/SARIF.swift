import LintelCapacity
/// The part of the SARIF 2.1.0 object model Lintel writes (OASIS SARIF v2.1.0, §3).
/// Optional properties left nil are omitted from the JSON.
public enum SARIF {
    public struct Log: Sendable, Codable, Equatable {
        public var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        public var version = "2.1.0"
        public var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    public struct Run: Sendable, Codable, Equatable {
        public var tool: Tool
        public var results: [Result]
        /// Lintel counts columns in Unicode scalars, as its YAML reader reports them.
        public var columnKind = "unicodeCodePoints"
    }

    public struct Tool: Sendable, Codable, Equatable {
        public var driver: Driver
    }

    public struct Driver: Sendable, Codable, Equatable {
        public var name: String
        public var version: String
        public var semanticVersion: String
        public var informationUri: String
        public var rules: [ReportingDescriptor]
    }

    public struct ReportingDescriptor: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var shortDescription: Message
        public var fullDescription: Message
        public var help: Message
        public var defaultConfiguration: Configuration
        public var properties: RuleProperties
    }

    public struct Configuration: Sendable, Codable, Equatable {
        public var level: Level
    }

    public struct RuleProperties: Sendable, Codable, Equatable {
        public var tags: [String]
        /// GitHub code scanning shows security rules by this CVSS-like score ("0.1"…"10.0").
        public var securitySeverity: String?

        enum CodingKeys: String, CodingKey {
            case tags, securitySeverity = "security-severity"
        }
    }

    /// SARIF's result levels; Lintel's `info` is SARIF's `note`.
    public enum Level: String, Sendable, Codable, Equatable {
        case error, warning, note

        public init(_ severity: Severity) {
            switch severity {
            case .error: self = .error
            case .warning: self = .warning
            case .info: self = .note
            }
        }
    }

    public struct Message: Sendable, Codable, Equatable {
        public var text: String
        public var markdown: String?
    }

    public struct Result: Sendable, Codable, Equatable {
        public var ruleId: String
        public var ruleIndex: Int
        public var level: Level
        public var message: Message
        public var locations: [Location]
        public var partialFingerprints: [String: String]
        public var suppressions: [Suppression]?
        public var properties: ResultProperties
    }

    public struct ResultProperties: Sendable, Codable, Equatable {
        public var category: String
        public var components: [String]
        public var flow: String?
        public var remedy: String
        /// The figures the message quotes (value, unit, formula), as in the JSON output; absent when it quotes none.
        public var figures: [Figure]?
    }

    public struct Location: Sendable, Codable, Equatable {
        public var physicalLocation: PhysicalLocation
    }

    public struct PhysicalLocation: Sendable, Codable, Equatable {
        public var artifactLocation: ArtifactLocation
        /// Absent when the finding has no line (SARIF requires `startLine` ≥ 1).
        public var region: Region?
    }

    public struct ArtifactLocation: Sendable, Codable, Equatable {
        public var uri: String
    }

    public struct Region: Sendable, Codable, Equatable {
        public var startLine: Int
        public var startColumn: Int?
    }

    /// A result the team has accepted: `inSource` for the model's `accept:`, `external` for a baseline file.
    public struct Suppression: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable, Equatable {
            case inSource, external
        }

        public var kind: Kind
        public var justification: String?
    }
}

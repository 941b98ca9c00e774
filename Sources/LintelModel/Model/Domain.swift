/// The business domain: bounded contexts with their entities and events.
public struct Domain: Sendable, Codable, Equatable {
    public var contexts: [BoundedContext]
    public init(contexts: [BoundedContext] = []) { self.contexts = contexts }
    public var entities: [Entity] { contexts.flatMap(\.entities) }
}

public struct BoundedContext: Sendable, Codable, Equatable {
    public var name: String
    public var description: String?
    public var team: String?
    public var entities: [Entity]
    public var events: [DomainEvent]
    public var location: SourceLocation
    public init(name: String, entities: [Entity] = [], events: [DomainEvent] = [], location: SourceLocation) {
        self.name = name
        self.entities = entities
        self.events = events
        self.location = location
    }
}

public struct Entity: Sendable, Codable, Equatable {
    public var name: String
    public var fields: [Field]
    /// Primary key columns; `id` (uuid) when not given.
    public var key: [String]
    public var queries: [QueryPattern]
    public var volume: EntityVolume?
    /// The component that stores it.
    public var store: String?
    public var retention: TimeSpan?
    public var partitionBy: String?
    public var location: SourceLocation
    public init(name: String, fields: [Field] = [], key: [String] = ["id"], queries: [QueryPattern] = [], location: SourceLocation) {
        self.name = name
        self.fields = fields
        self.key = key
        self.queries = queries
        self.location = location
    }
    /// True when any field holds personal or payment data.
    public var holdsSensitiveData: Bool { fields.contains { $0.sensitive } }
}

public struct Field: Sendable, Codable, Equatable {
    public var name: String
    public var type: FieldType
    public var nullable: Bool
    public var unique: Bool
    /// Personal, payment or health data.
    public var sensitive: Bool
    public var location: SourceLocation
    public init(name: String, type: FieldType, nullable: Bool = false, unique: Bool = false, sensitive: Bool = false, location: SourceLocation) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.unique = unique
        self.sensitive = sensitive
        self.location = location
    }
}

public enum FieldType: Sendable, Codable, Equatable, CustomStringConvertible {
    case uuid, string, text, int, bigint, decimal, float, bool, timestamp, date, json, bytes
    case enumeration([String])
    case reference(String)

    public static let scalarNames: [String: FieldType] = [
        "uuid": .uuid, "string": .string, "text": .text, "int": .int, "integer": .int, "bigint": .bigint,
        "decimal": .decimal, "money": .decimal, "float": .float, "double": .float, "bool": .bool, "boolean": .bool,
        "timestamp": .timestamp, "datetime": .timestamp, "date": .date, "json": .json, "bytes": .bytes,
    ]

    /// Parses `uuid`, `enum(a,b)`, `ref(Order)`; a trailing `?` (nullable) must be stripped first.
    public static func parse(_ text: String) -> FieldType? {
        let trimmed = text.trimmed
        if let scalar = scalarNames[trimmed.lowercased()] { return scalar }
        func argument(_ prefix: String) -> String? {
            guard trimmed.lowercased().hasPrefix(prefix + "("), trimmed.hasSuffix(")") else { return nil }
            return String(trimmed.dropFirst(prefix.count + 1).dropLast())
        }
        if let values = argument("enum") {
            let cases = values.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
            return cases.isEmpty ? nil : .enumeration(cases)
        }
        if let target = argument("ref") {
            let name = target.trimmed
            return name.isEmpty ? nil : .reference(name)
        }
        return nil
    }

    public var description: String {
        switch self {
        case .enumeration(let values): "enum(\(values.joined(separator: ",")))"
        case .reference(let entity): "ref(\(entity))"
        case .uuid: "uuid"
        case .string: "string"
        case .text: "text"
        case .int: "int"
        case .bigint: "bigint"
        case .decimal: "decimal"
        case .float: "float"
        case .bool: "bool"
        case .timestamp: "timestamp"
        case .date: "date"
        case .json: "json"
        case .bytes: "bytes"
        }
    }
}

public struct QueryPattern: Sendable, Codable, Equatable {
    public var by: [String]
    public var order: String?
    public var rate: Rate?
    public var location: SourceLocation
    public init(by: [String], order: String? = nil, rate: Rate? = nil, location: SourceLocation) {
        self.by = by
        self.order = order
        self.rate = rate
        self.location = location
    }
}

public struct EntityVolume: Sendable, Codable, Equatable {
    public var rows: Double?
    public var writes: Rate?
    public var reads: Rate?
    public var rowSize: DataSize?
    public init(rows: Double? = nil, writes: Rate? = nil, reads: Rate? = nil, rowSize: DataSize? = nil) {
        self.rows = rows
        self.writes = writes
        self.reads = reads
        self.rowSize = rowSize
    }
}

public struct DomainEvent: Sendable, Codable, Equatable {
    public var name: String
    public var fields: [Field]
    public var topic: String?
    public var location: SourceLocation
    public init(name: String, fields: [Field] = [], topic: String? = nil, location: SourceLocation) {
        self.name = name
        self.fields = fields
        self.topic = topic
        self.location = location
    }
}

import Foundation

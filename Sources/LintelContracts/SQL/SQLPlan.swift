import LintelModel

/// The tables the DDL creates, before they are written as text: tests read it to know which
/// schema, table, column and index each entity and query pattern became.
public struct SQLPlan: Sendable, Equatable {
    public var schemas: [SchemaPlan]

    /// Every table, in creation order.
    public var tables: [TablePlan] { schemas.flatMap(\.tables) }

    /// The table an entity became.
    public func table(for entity: String) -> TablePlan? { tables.first { $0.entity.name == entity } }
}

/// One PostgreSQL schema: the tables of one owning service (or of a context without one).
public struct SchemaPlan: Sendable, Equatable {
    public var name: String
    /// The owning service; nil when the entities have none and the schema is named after their context.
    public var owner: String?
    /// Tables with the ones they reference first.
    public var tables: [TablePlan]
}

public struct TablePlan: Sendable, Equatable {
    public var entity: Entity
    public var schema: String
    public var name: String
    public var columns: [ColumnPlan]
    public var primaryKey: [String]
    /// Columns with a UNIQUE constraint (each alone).
    public var uniqueColumns: [String]
    public var foreignKeys: [ForeignKeyPlan]
    public var indexes: [IndexPlan]
    public var partition: PartitionPlan?
    /// Why the table is (or is not) partitioned, and other facts for its comment.
    public var notes: [String]

    /// `schema.table`, quoted where needed.
    public var qualifiedName: String { "\(SQLText.identifier(schema)).\(SQLText.identifier(name))" }

    public func column(_ name: String) -> ColumnPlan? { columns.first { $0.name == name } }
}

public struct ColumnPlan: Sendable, Equatable {
    public var name: String
    public var sqlType: String
    public var nullable: Bool
    public var defaultExpression: String?
    /// Allowed values of an enum field, enforced by a CHECK constraint.
    public var allowedValues: [String]?
    public var comment: String?
    /// The model's field type; nil for a generated key.
    public var fieldType: FieldType?
}

public struct ForeignKeyPlan: Sendable, Equatable {
    public var column: String
    /// `schema.table` of the referenced table, quoted where needed.
    public var referencedTable: String
    public var referencedColumn: String
    public var name: String
}

public struct IndexPlan: Sendable, Equatable {
    public var name: String
    public var columns: [String]
    public var include: [String]
    /// Why the index exists: the query pattern or foreign key it serves.
    public var reason: String
    /// The query patterns this index serves (several when one index's columns start with another's).
    public var serves: [QueryPattern]
}

public struct PartitionPlan: Sendable, Equatable {
    public var column: String
    /// The first monthly partition.
    public var firstMonth: SQLGenerator.Month
    public var retention: TimeSpan?

    public var firstPartitionName: String { "p\(firstMonth.compact)" }
}

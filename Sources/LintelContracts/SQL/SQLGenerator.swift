import LintelModel

/// PostgreSQL DDL from the model's entities: one schema per owning service (see `Ownership`).
///
/// Foreign keys are declared only inside one schema: a reference to another service's entity is a
/// plain indexed column, because each service owns its data and a cross-service constraint would
/// couple their deployments. A reference to a partitioned table is not enforced either: a partitioned
/// table's unique keys must include its partition column.
public enum SQLGenerator {
    public struct Options: Sendable, Equatable {
        /// The month of the first partition of time-partitioned tables.
        public var partitionStart: Month
        /// Tables expected to hold at least this many rows are partitioned by time when they have a time column.
        public var largeTableRows: Double
        /// A list query's index gets INCLUDE columns when the entity is read at least this many times per write.
        public var coveringReadWriteRatio: Double

        public init(partitionStart: Month, largeTableRows: Double = 10_000_000, coveringReadWriteRatio: Double = 10) {
            self.partitionStart = partitionStart
            self.largeTableRows = largeTableRows
            self.coveringReadWriteRatio = coveringReadWriteRatio
        }
    }

    /// The DDL as text; nil when the domain declares no entities.
    public static func ddl(for model: Model, options: Options) -> String? {
        let plan = plan(for: model, options: options)
        return plan.tables.isEmpty ? nil : SQLWriter.write(plan, system: model.system)
    }

    /// The tables, columns, keys, indexes and partitions the DDL creates.
    public static func plan(for model: Model, options: Options) -> SQLPlan {
        let ownership = Ownership(model)
        let schemaOf: (Ownership.Placement) -> String = { Naming.snake($0.service ?? $0.context) }
        // Which tables are partitioned is decided first: references to them cannot be foreign keys.
        var partitions: [String: PartitionPlan] = [:]
        for placement in ownership.placements {
            if let partition = partition(placement.entity, options: options, model: model) {
                partitions[placement.entity.name] = partition
            }
        }
        var tables: [TablePlan] = []
        for placement in ownership.placements {
            tables.append(table(placement, schema: schemaOf(placement), ownership: ownership, schemaOf: schemaOf,
                                partitions: partitions, options: options))
        }
        var schemas: [SchemaPlan] = []
        for name in Set(tables.map(\.schema)).sorted() {
            let members = tables.filter { $0.schema == name }
            let owner = ownership.placements.first { schemaOf($0) == name }?.service
            schemas.append(SchemaPlan(name: name, owner: owner, tables: dependencyOrder(members)))
        }
        return SQLPlan(schemas: schemas)
    }

    /// Referenced tables before the tables whose foreign keys point at them; ties by name.
    static func dependencyOrder(_ tables: [TablePlan]) -> [TablePlan] {
        var remaining = tables.sorted { $0.name < $1.name }
        var ordered: [TablePlan] = []
        while !remaining.isEmpty {
            let created = Set(ordered.map(\.qualifiedName))
            let index = remaining.firstIndex { table in
                table.foreignKeys.allSatisfy { created.contains($0.referencedTable) || $0.referencedTable == table.qualifiedName }
            } ?? 0 // a cycle of references: take the first; PostgreSQL will report it.
            ordered.append(remaining.remove(at: index))
        }
        return ordered
    }

    /// Monthly range partitions on the time column of a large table, or where `partition_by` asks for them.
    static func partition(_ entity: Entity, options: Options, model: Model) -> PartitionPlan? {
        let retention = entity.retention ?? model.requirements.data?.retention
        if let column = entity.partitionBy {
            guard let field = entity.fields.first(where: { $0.name == column }), field.type.isTime else { return nil }
            return PartitionPlan(column: column, firstMonth: options.partitionStart, retention: retention)
        }
        guard let rows = entity.volume?.rows, rows >= options.largeTableRows else { return nil }
        let times = entity.fields.filter { $0.type == .timestamp && !$0.nullable }
        guard let column = times.first(where: { $0.name == "created_at" }) ?? times.first else { return nil }
        return PartitionPlan(column: column.name, firstMonth: options.partitionStart, retention: retention)
    }

    static func table(_ placement: Ownership.Placement, schema: String, ownership: Ownership, schemaOf: (Ownership.Placement) -> String,
                      partitions: [String: PartitionPlan], options: Options) -> TablePlan {
        let entity = placement.entity
        let name = Naming.plural(Naming.snake(entity.name))
        var notes: [String] = []
        var columns: [ColumnPlan] = []
        for key in EntitySchemas.generatedKey(entity) {
            columns.append(ColumnPlan(name: key, sqlType: "uuid", nullable: false, defaultExpression: "gen_random_uuid()",
                                      allowedValues: nil, comment: nil, fieldType: nil))
        }
        var foreignKeys: [ForeignKeyPlan] = []
        var referenceColumns: [String] = []
        for field in entity.fields {
            var column = ColumnPlan(name: field.name, sqlType: sqlType(field.type, ownership: ownership), nullable: field.nullable,
                                    defaultExpression: nil, allowedValues: nil, comment: nil, fieldType: field.type)
            var comments: [String] = []
            if field.sensitive { comments.append("Personal or payment data.") }
            if case .enumeration(let values) = field.type { column.allowedValues = values }
            if case .reference(let target) = field.type, let targetPlacement = ownership.placement(of: target) {
                referenceColumns.append(field.name)
                let targetTable = "\(SQLText.identifier(schemaOf(targetPlacement))).\(SQLText.identifier(Naming.plural(Naming.snake(target))))"
                let targetKey = targetPlacement.entity.key
                if schemaOf(targetPlacement) != schema {
                    comments.append("References \(targetTable) (\(targetKey.joined(separator: ", "))), owned by \(targetPlacement.service ?? targetPlacement.context): not a foreign key, each service owns its data.")
                } else if partitions[target] != nil {
                    comments.append("References \(targetTable) (\(targetKey.joined(separator: ", "))): not a foreign key, the target is partitioned and its unique key includes the partition column.")
                } else if targetKey.count == 1, let key = targetKey.first {
                    foreignKeys.append(ForeignKeyPlan(column: field.name, referencedTable: targetTable, referencedColumn: key,
                                                      name: SQLText.objectName("\(name)_\(field.name)_fkey")))
                } else {
                    comments.append("References \(targetTable) by a composite key: not a foreign key.")
                }
            }
            column.comment = comments.isEmpty ? nil : comments.joined(separator: " ")
            columns.append(column)
        }
        let partition = partitions[entity.name]
        var primaryKey = entity.key
        var unique = entity.fields.filter(\.unique).map(\.name)
        if let partition {
            if !primaryKey.contains(partition.column) { primaryKey.append(partition.column) }
            if !unique.isEmpty {
                notes.append("Unique fields \(unique.joined(separator: ", ")) are indexed but not enforced: a partitioned table enforces uniqueness only with the partition column.")
            }
            notes.append("Partitioned by month on \(partition.column).")
        }
        let indexes = IndexPlanner.indexes(
            entity: entity, table: name, primaryKey: primaryKey,
            uniqueColumns: partition == nil ? unique : [],
            extraIndexed: partition == nil ? [] : unique,
            referenceColumns: referenceColumns, options: options)
        if partition != nil { unique = [] }
        return TablePlan(entity: entity, schema: schema, name: name, columns: columns, primaryKey: primaryKey,
                         uniqueColumns: unique, foreignKeys: foreignKeys, indexes: indexes, partition: partition, notes: notes)
    }

    /// The PostgreSQL type of a field; a reference takes the type of the referenced entity's key.
    static func sqlType(_ type: FieldType, ownership: Ownership) -> String {
        switch type {
        case .uuid: "uuid"
        case .string, .text: "text" // varchar(n) would need an ACCESS EXCLUSIVE lock to widen; text does not.
        case .int: "integer"
        case .bigint: "bigint"
        case .decimal: "numeric"
        case .float: "double precision"
        case .bool: "boolean"
        case .timestamp: "timestamptz"
        case .date: "date"
        case .json: "jsonb"
        case .bytes: "bytea"
        case .enumeration: "text"
        case .reference(let target):
            if let entity = ownership.placement(of: target)?.entity, entity.key.count == 1, let key = entity.key.first,
               let field = entity.fields.first(where: { $0.name == key }), !field.type.isReference {
                sqlType(field.type, ownership: ownership)
            } else {
                "uuid"
            }
        }
    }
}

extension FieldType {
    /// A point in time: range predicates and time partitions apply to it.
    var isTime: Bool {
        switch self {
        case .timestamp, .date: true
        default: false
        }
    }

    var isReference: Bool {
        if case .reference = self { return true }
        return false
    }

    /// Stored in a fixed, small width: cheap to carry in an index's INCLUDE list.
    var isNarrow: Bool {
        switch self {
        case .uuid, .int, .bigint, .float, .bool, .timestamp, .date, .enumeration, .reference: true
        case .string, .text, .decimal, .json, .bytes: false
        }
    }
}

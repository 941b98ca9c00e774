import LintelContracts
import LintelModel

/// Test data for a generated schema: `INSERT … SELECT … FROM generate_series` per table, with
/// references that hit existing rows, a rare enum value to look up, and times inside the first partition.
struct RowGenerator {
    let plan: SQLPlan
    let month: SQLGenerator.Month
    /// Rows of the table expected to be largest (by `volume.rows`); the others are scaled to it.
    let largest: Int
    let smallest = 2_000

    /// Rows for each entity: `largest` for the largest, proportionally fewer for the others.
    func rows(_ entity: Entity) -> Int {
        let volumes = plan.tables.map { $0.entity.volume?.rows ?? 0 }
        let top = volumes.max() ?? 0
        guard top > 0, let rows = entity.volume?.rows else { return smallest }
        return max(smallest, Int((Double(largest) * rows / top).rounded()))
    }

    /// The value of `column` in row `row` (an SQL expression in which `row` may be `g`).
    func value(_ table: TablePlan, _ column: String, row: String) -> String {
        let entity = table.entity
        guard let field = entity.fields.first(where: { $0.name == column }) else {
            return "md5('\(entity.name)' || \(row))::uuid" // the generated id key
        }
        switch field.type {
        case .uuid: return "md5('\(field.name)' || \(row))::uuid"
        case .reference(let target):
            guard let targetTable = plan.table(for: target), let key = targetTable.entity.key.first else { return "NULL" }
            return value(targetTable, key, row: "(1 + ((\(row)) % \(rows(targetTable.entity))))")
        case .string, .text: return "'\(field.name)-' || (\(row))"
        case .int, .bigint: return "((\(row)) % 1000)"
        case .decimal: return "(((\(row)) % 10000) / 100.0)"
        case .float: return "(((\(row)) % 1000) / 10.0)"
        case .bool: return "((\(row)) % 2 = 0)"
        // Spread over the first 28 days of the first partition's month.
        case .timestamp: return "(timestamptz '\(month.firstDay) 00:00:00+00' + (((\(row)) * 7919) % 2419200) * interval '1 second')"
        case .date: return "(date '\(month.firstDay)' + ((\(row)) % 28))"
        case .json: return "'{}'::jsonb"
        case .bytes: return "'\\x00'::bytea"
        case .enumeration(let values):
            // The last value is rare (one row in 500), as the value a status query looks for usually is.
            guard let rare = values.last, let common = values.first, values.count > 1 else {
                return SQLText.literal(values.first ?? "")
            }
            return "(CASE WHEN (\(row)) % 500 = 0 THEN \(SQLText.literal(rare)) ELSE \(SQLText.literal(common)) END)"
        }
    }

    /// INSERTs for every table, referenced tables first.
    func inserts() -> String {
        plan.tables.map { table in
            let columns = table.columns.map(\.name)
            let values = columns.map { value(table, $0, row: "g") }
            return "INSERT INTO \(table.qualifiedName) (\(columns.map(SQLText.identifier).joined(separator: ", ")))\n"
                + "SELECT \(values.joined(separator: ", ")) FROM generate_series(1, \(rows(table.entity))) AS g;"
        }.joined(separator: "\n") + "\nANALYZE;\n"
    }

    /// The SQL a query pattern stands for: equality on a row's values (the rare value for an enum),
    /// a one-day window on time fields, the sort, and a page of 20.
    func query(_ pattern: QueryPattern, on table: TablePlan) -> String {
        let row = "500"
        var predicates: [String] = []
        for name in pattern.by {
            let field = table.entity.fields.first { $0.name == name }
            switch field?.type {
            case .timestamp?:
                predicates.append("\(SQLText.identifier(name)) >= timestamptz '\(month.firstDay) 00:00:00+00' + interval '3 days'"
                                  + " AND \(SQLText.identifier(name)) < timestamptz '\(month.firstDay) 00:00:00+00' + interval '4 days'")
            case .date?:
                predicates.append("\(SQLText.identifier(name)) = date '\(month.firstDay)' + 3")
            default:
                predicates.append("\(SQLText.identifier(name)) = \(value(table, name, row: row))")
            }
        }
        var sql = "SELECT * FROM \(table.qualifiedName) WHERE \(predicates.joined(separator: " AND "))"
        if let order = pattern.order { sql += " ORDER BY \(SQLText.identifier(order))" }
        return sql + " LIMIT 20"
    }
}

import LintelCapacity
import LintelModel

/// A large, growing table with neither retention nor partitioning.
public struct UnboundedTable: Rule {
    public static let description = RuleDescription(
        id: "unbounded-table", title: "Large table without retention or partitioning", category: .data, severity: .warning,
        rationale: "A table with over 100 million rows (or, when the row count is not given, writes adding that many a year) that keeps every row forever in one piece makes every index rebuild, vacuum, migration and restore slower each month, until an ALTER TABLE takes a maintenance window and a restore misses the recovery objective.",
        remedy: "Set a `retention` (archive old rows to object storage) or `partition_by` a time column so old partitions can be detached and dropped.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            domain:
              contexts:
                ordering:
                  entities:
                    OrderLine:
                      fields: { order_id: uuid, sku: string, created_at: timestamp }
                      volume: { rows: 200M, writes: 90/s }
                      store: db
            components:
              db: { kind: postgres, backups: daily }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            domain:
              contexts:
                ordering:
                  entities:
                    OrderLine:
                      fields: { order_id: uuid, sku: string, created_at: timestamp }
                      volume: { rows: 200M, writes: 90/s }
                      store: db
                      partition_by: created_at
            components:
              db: { kind: postgres, backups: daily }
            """)])

    public init() {}

    static let rowLimit = 100_000_000.0
    static let secondsPerYear = 365.0 * 86_400

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for entity in context.model.domain.entities where entity.retention == nil && entity.partitionBy == nil {
            guard let volume = entity.volume else { continue }
            // Writes may be updates, so they count only when the row count is unknown.
            let rows = volume.rows ?? 0
            let writes = volume.writes?.perSecond ?? 0
            guard rows >= Self.rowLimit || (volume.rows == nil && writes * Self.secondsPerYear >= Self.rowLimit) else { continue }
            if let store = entity.store, let index = context.index[store], context.component(index).retention != nil { continue }
            var figures: [Figure] = []
            if volume.rows != nil { figures.append(Figure(rows, .count, "given: \(entity.name).volume.rows")) }
            if writes > 0 { figures.append(Figure(writes, .perSecond, "given: \(entity.name).volume.writes")) }
            let size = volume.rows != nil ? "has \(UnitFormat.number(rows / 1e6))M rows" : "has no row count"
            let text = "entity \(entity.name) \(size)" + (writes > 0 ? " and takes \(UnitFormat.rate(writes)) writes" : "")
                + ", with no retention or partitioning"
            findings.append(finding(text, components: entity.store.map { [$0] } ?? [], at: entity.location, figures: figures))
        }
        return findings
    }
}

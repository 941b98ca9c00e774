import LintelCapacity
import LintelModel

/// Data or messages partitioned by a key with few distinct values.
public struct HotPartitionKey: Rule {
    public static let description = RuleDescription(
        id: "hot-partition-key", title: "Low-cardinality partition key", category: .data, severity: .warning,
        rationale: "Partitioning by a status, type, flag or date puts most rows or messages on a handful of partitions: today's date or the `pending` status takes all the writes while the other partitions idle, so adding partitions adds no throughput.",
        remedy: "Partition by a high-cardinality key (the entity id, customer id), or combine the low-cardinality field with one (`status` + `id` hash).",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, publishes: [orders] }
              orders: { kind: topic, partitions: 12, partition_key: status, dead_letter: true, consumers: [worker] }
              worker: { kind: worker, idempotent_consumer: true }
            """), RuleExample("""
            lintel: 1
            system: demo
            domain:
              contexts:
                sales:
                  entities:
                    Order:
                      fields: { customer_id: uuid, paid: bool }
                      partition_by: paid
                      store: db
            components:
              db: { kind: cassandra, backups: daily }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, publishes: [orders] }
              orders: { kind: topic, partitions: 12, partition_key: order_id, dead_letter: true, consumers: [worker] }
              worker: { kind: worker, idempotent_consumer: true }
            """)])

    public init() {}

    static let lowCardinalityNames: Set<String> = [
        "status", "state", "type", "kind", "category", "country", "region", "gender", "enabled", "active", "deleted", "flag",
        "priority", "level", "date", "day", "month", "year", "hour", "currency", "language", "locale",
    ]

    /// Why a key has few values, from its field type when known, else from its name.
    static func reason(_ key: String, field: Field?) -> String? {
        if let field {
            switch field.type {
            case .bool: return "a boolean"
            case .enumeration(let values): return "an enum of \(values.count) values"
            case .date: return "a date (all of today's writes go to one partition)"
            default: return nil
            }
        }
        let lower = key.lowercased()
        if lowCardinalityNames.contains(lower) { return "a low-cardinality field" }
        if lower.hasPrefix("is_") || lower.hasPrefix("has_") { return "a boolean flag" }
        if lower.hasSuffix("_status") || lower.hasSuffix("_type") || lower.hasSuffix("_date") { return "a low-cardinality field" }
        return nil
    }

    /// The number of values an enum key can take, as the figure its reason quotes.
    static func figures(_ field: Field?) -> [Figure] {
        guard case .enumeration(let values)? = field?.type else { return [] }
        return [Figure(Double(values.count), .count, "values of the enum field \(field?.name ?? "")")]
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        var findings: [Finding] = []
        for component in context.components {
            guard let key = component.partitionKey else { continue }
            let field = context.entities(storedIn: component.name).lazy.compactMap { $0.fields.first { $0.name == key } }.first
            guard let reason = Self.reason(key, field: field) else { continue }
            let text = "\(component.name) is partitioned by \(key), \(reason): a few partitions take most of the load"
            findings.append(finding(text, components: [component.name], at: component.location(of: "partition_key"), figures: Self.figures(field)))
        }
        for entity in context.model.domain.entities {
            let field = entity.fields.first { $0.name == entity.partitionBy }
            guard let key = entity.partitionBy, let reason = Self.reason(key, field: field) else { continue }
            let text = "entity \(entity.name) is partitioned by \(key), \(reason): a few partitions take most of the load"
            findings.append(finding(text, components: entity.store.map { [$0] } ?? [], at: entity.location, figures: Self.figures(field)))
        }
        return findings
    }
}

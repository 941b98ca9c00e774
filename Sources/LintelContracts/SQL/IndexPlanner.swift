import LintelModel

/// Indexes from an entity's declared query patterns and references.
///
/// A pattern's columns are ordered equality first, then range, then sort: `by` fields are equality
/// predicates except time fields (timestamp, date), which are range predicates (a time window), and
/// `order` is the sort column. Equality columns first let one B-tree descent reach the matching run;
/// the range column next bounds it; the sort column last returns rows in order without a sort step
/// when no range precedes it (or when the range and sort column are the same).
/// A list pattern (one with `order`) of a read-heavy entity (reads ≥ `coveringReadWriteRatio` × writes)
/// INCLUDEs up to three narrow columns so a page of summaries is an index-only scan.
/// An index whose columns begin another index's (or the primary key's, or a unique column) is dropped:
/// the longer index serves its queries.
enum IndexPlanner {
    struct Candidate {
        var columns: [String]
        var include: [String]
        var reason: String
        var serves: [QueryPattern]
    }

    static func indexes(entity: Entity, table: String, primaryKey: [String], uniqueColumns: [String], extraIndexed: [String],
                        referenceColumns: [String], options: SQLGenerator.Options) -> [IndexPlan] {
        let fields = Dictionary(entity.fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var candidates: [Candidate] = []
        for query in entity.queries {
            let equality = query.by.filter { !(fields[$0]?.type.isTime ?? false) }
            let range = query.by.filter { fields[$0]?.type.isTime ?? false }
            var columns: [String] = []
            for column in equality + range where !columns.contains(column) { columns.append(column) }
            if let order = query.order, !columns.contains(order) { columns.append(order) }
            guard !columns.isEmpty else { continue }
            var include: [String] = []
            if query.order != nil, isReadHeavy(entity, ratio: options.coveringReadWriteRatio) {
                include = entity.fields.filter { $0.type.isNarrow && !columns.contains($0.name) && !primaryKey.contains($0.name) }
                    .prefix(3).map(\.name)
            }
            var reason = "query by \(query.by.joined(separator: ", "))"
            if let order = query.order { reason += " order by \(order)" }
            if !include.isEmpty { reason += "; covering for a read-heavy list" }
            candidates.append(Candidate(columns: columns, include: include, reason: reason, serves: [query]))
        }
        for column in extraIndexed {
            candidates.append(Candidate(columns: [column], include: [], reason: "unique field \(column) (not enforced on a partitioned table)", serves: []))
        }
        for column in referenceColumns {
            candidates.append(Candidate(columns: [column], include: [], reason: "reference \(column): joins and deletes of the referenced row", serves: []))
        }

        // Existing unique indexes (primary key, unique columns) serve every candidate they begin with.
        let existing: [[String]] = [primaryKey] + uniqueColumns.map { [$0] }
        var kept: [Candidate] = []
        for candidate in candidates {
            if existing.contains(where: { $0.starts(with: candidate.columns) }) { continue }
            if let index = kept.firstIndex(where: { $0.columns.starts(with: candidate.columns) }) {
                kept[index].serves += candidate.serves
                kept[index].include += candidate.include.filter { !kept[index].include.contains($0) && !kept[index].columns.contains($0) }
                continue
            }
            if let index = kept.firstIndex(where: { candidate.columns.starts(with: $0.columns) }) {
                var merged = candidate
                merged.serves = kept[index].serves + candidate.serves
                merged.include += kept[index].include.filter { !merged.include.contains($0) && !merged.columns.contains($0) }
                merged.reason = kept[index].reason + "; " + candidate.reason
                kept[index] = merged
                continue
            }
            kept.append(candidate)
        }
        return kept.map { candidate in
            IndexPlan(name: SQLText.objectName("\(table)_\(candidate.columns.joined(separator: "_"))_idx"),
                      columns: candidate.columns, include: Array(candidate.include.prefix(3)), reason: candidate.reason,
                      serves: candidate.serves)
        }
    }

    static func isReadHeavy(_ entity: Entity, ratio: Double) -> Bool {
        guard let reads = entity.volume?.reads?.perSecond else { return false }
        let writes = entity.volume?.writes?.perSecond ?? 0
        return writes <= 0 ? reads > 0 : reads / writes >= ratio
    }
}

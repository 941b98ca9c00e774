import Foundation
import LintelContracts
import LintelModel
import Testing

/// Every generated DDL in a real PostgreSQL: it loads, takes ≥ 100k generated rows in its largest
/// table, and after ANALYZE the planner answers each declared query pattern with an index.
@Suite("Generated DDL in a real PostgreSQL", .serialized)
struct PostgresTests {
    static let month = SQLGenerator.Month(year: 2026, month: 1)

    @Test("every generated DDL loads, and EXPLAIN shows each declared query pattern using an index")
    func queryPatternsUseIndexes() throws {
        let month = try #require(Self.month)
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let models = Tools.domainModelFiles
        #expect(models.count >= 4, "the examples, the golden design models and the test domain")
        var checked = 0
        for (number, url) in models.enumerated() {
            let label = Tools.label(url)
            let model = try Tools.load(url)
            let options = SQLGenerator.Options(partitionStart: month)
            let ddl = try #require(SQLGenerator.ddl(for: model, options: options))
            let plan = SQLGenerator.plan(for: model, options: options)
            let database = "model\(number)"
            let created = try cluster.psql("CREATE DATABASE \(database);")
            try #require(created.status == 0, "\(created.stderr)")

            let loaded = try cluster.psql(ddl, database: database)
            #expect(loaded.status == 0, "\(label): the DDL does not load: \(loaded.stderr)")
            guard loaded.status == 0 else { continue }

            let rows = RowGenerator(plan: plan, month: month, largest: 100_000)
            let inserted = try cluster.psql(rows.inserts(), database: database)
            #expect(inserted.status == 0, "\(label): inserting rows failed: \(inserted.stderr)")
            guard inserted.status == 0 else { continue }
            let largest = plan.tables.map { rows.rows($0.entity) }.max() ?? 0
            #expect(largest >= 100_000, "\(label): the largest table has \(largest) rows")

            for table in plan.tables {
                let count = try cluster.psql("SELECT count(*) FROM \(table.qualifiedName);", database: database)
                #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == String(rows.rows(table.entity)),
                        "\(label): \(table.qualifiedName) holds \(count.stdout)")
                for pattern in table.entity.queries {
                    let sql = rows.query(pattern, on: table)
                    let explained = try cluster.psql("EXPLAIN (FORMAT JSON) \(sql);", database: database)
                    #expect(explained.status == 0, "\(label): \(sql): \(explained.stderr)")
                    let indexes = try Self.indexNames(inPlan: explained.stdout)
                    #expect(!indexes.isEmpty, "\(label): \(sql) is answered without an index:\n\(explained.stdout)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 10, "query patterns checked: \(checked)")
    }

    /// Every "Index Name" in an EXPLAIN (FORMAT JSON) plan (Index Scan, Index Only Scan, Bitmap Index Scan).
    static func indexNames(inPlan json: String) throws -> [String] {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        var names: [String] = []
        func walk(_ node: Any) {
            if let object = node as? [String: Any] {
                if let name = object["Index Name"] as? String { names.append(name) }
                for (_, child) in object { walk(child) }
            } else if let array = node as? [Any] {
                for child in array { walk(child) }
            }
        }
        walk(value)
        return names.sorted()
    }
}

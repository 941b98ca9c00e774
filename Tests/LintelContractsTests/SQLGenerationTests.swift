import Foundation
import LintelContracts
import LintelModel
import Testing

@Suite("lintel generate sql")
struct SQLGenerationTests {
    static let options = SQLGenerator.Options(partitionStart: SQLGenerator.Month(year: 2026, month: 1) ?? .current())

    func ledger() throws -> SQLPlan {
        SQLGenerator.plan(for: try Tools.load(Tools.fixtures.appendingPathComponent("models/ledger.yaml")), options: Self.options)
    }

    @Test("squawk finds no error in any generated DDL; its only warnings are the 32-bit int columns the models declare",
          arguments: Tools.domainModelFiles)
    func squawk(_ url: URL) throws {
        let squawk = try #require(Tools.find("squawk", extra: [NSHomeDirectory() + "/.local/bin"]), "squawk is needed: pip install squawk-cli (scripts/test installs it)")
        let ddl = try #require(SQLGenerator.ddl(for: try Tools.load(url), options: Self.options))
        let directory = try Tools.temporaryDirectory("lintel-squawk")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("schema.sql")
        try ddl.write(to: file, atomically: true, encoding: .utf8)
        let result = try Tools.run(squawk, ["--reporter", "json", file.path])
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]],
                                   "squawk printed no JSON: \(result.stdout) \(result.stderr)")
        let errors = reports.filter { ($0["level"] as? String)?.lowercased() == "error" }
        #expect(errors.isEmpty, "\(Tools.label(url)): \(errors)")
        let rules = Set(reports.compactMap { $0["rule_name"] as? String })
        #expect(rules.isSubset(of: ["prefer-bigint-over-int"]), "\(Tools.label(url)): \(rules.sorted())")
    }

    @Test("one schema per owning service, and a table per entity in it")
    func schemas() throws {
        let plan = try ledger()
        #expect(plan.schemas.map(\.name) == ["accounts", "audit"])
        #expect(plan.schemas.map(\.owner) == ["accounts", "audit"])
        #expect(plan.tables.map(\.qualifiedName) == ["accounts.accounts", "accounts.entries", "accounts.statements", "audit.groups"])
    }

    @Test("indexes put equality columns first, then the time range, then the sort; a read-heavy list INCLUDEs narrow columns")
    func indexOrder() throws {
        let plan = try ledger()
        let entries = try #require(plan.table(for: "Entry"))
        #expect(entries.indexes.map(\.columns) == [["account_id", "booked_at"], ["direction", "booked_at"]])
        // Entry is read 10× more often than written: its list query covers `order` and `direction`.
        #expect(entries.indexes.first?.include == ["order", "direction"])
        #expect(entries.indexes.last?.include == [])
        let accounts = try #require(plan.table(for: "Account"))
        // `by: handle` is served by the UNIQUE constraint's index: no second index.
        #expect(accounts.uniqueColumns == ["handle"])
        #expect(accounts.indexes.map(\.columns) == [["kind", "opened_on"]])
    }

    @Test("a large table with a time column, or one with partition_by, is range-partitioned by month; its key gains the column")
    func partitions() throws {
        let plan = try ledger()
        let entries = try #require(plan.table(for: "Entry"))
        #expect(entries.partition?.column == "booked_at")
        #expect(entries.primaryKey == ["id", "booked_at"])
        #expect(abs((entries.partition?.retention?.seconds ?? 0) - 400 * 86_400) < 1)
        let statements = try #require(plan.table(for: "Statement"))
        #expect(statements.partition?.column == "issued_at")
        #expect(statements.primaryKey == ["account_id", "period", "issued_at"])
        // A unique field cannot be enforced on a partitioned table: it is indexed instead.
        #expect(statements.uniqueColumns == [])
        #expect(statements.indexes.map(\.columns) == [["number"]])
        #expect(try #require(plan.table(for: "Account")).partition == nil, "2M rows is below the 10M threshold")
    }

    @Test("foreign keys only inside a schema and never to a partitioned table; a reserved word is quoted; enum quotes are escaped")
    func keysAndQuoting() throws {
        let plan = try ledger()
        #expect(try #require(plan.table(for: "Entry")).foreignKeys.map(\.referencedTable) == ["accounts.accounts"])
        let ddl = try #require(SQLGenerator.ddl(for: try Tools.load(Tools.fixtures.appendingPathComponent("models/ledger.yaml")), options: Self.options))
        #expect(ddl.contains("\"order\" integer NOT NULL"))
        #expect(ddl.contains("CHECK (kind IN ('personal', 'business', 'o''reilly'))"))
        #expect(ddl.contains("PARTITION OF accounts.entries\n    FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');"))

        let shop = SQLGenerator.plan(for: try Tools.load(Tools.root.appendingPathComponent("examples/order-system.yaml")), options: Self.options)
        // Orders reference customers, owned by another service: an indexed column, no constraint.
        let orders = try #require(shop.table(for: "Order"))
        #expect(orders.foreignKeys.isEmpty)
        #expect(orders.column("customer_id")?.comment?.contains("owned by customers") == true)
        // Order lines reference the partitioned orders table: no constraint either, but an index.
        let lines = try #require(shop.table(for: "OrderLine"))
        #expect(lines.foreignKeys.isEmpty)
        #expect(lines.indexes.map(\.columns) == [["order_id"]])
    }

    @Test("the CLI refuses to overwrite without --force and writes with it; a model without entities exits 2")
    func cli() throws {
        let directory = try Tools.temporaryDirectory("lintel-sql-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("shop.sql").path
        let first = try Tools.lintel(["generate", "sql", "examples/order-system.yaml", "-o", file, "--partition-start", "2026-01"])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try Tools.lintel(["generate", "sql", "examples/order-system.yaml", "-o", file])
        #expect(again.status == 2)
        #expect(again.stderr.contains("pass --force"))
        let forced = try Tools.lintel(["generate", "sql", "examples/order-system.yaml", "-o", file, "--force", "--partition-start", "2026-01"])
        #expect(forced.status == 0)
        let empty = try Tools.lintel(["generate", "sql", "examples/analytics-platform.yaml"])
        #expect(empty.status == 2)
        let openapi = try Tools.lintel(["generate", "openapi", "examples/analytics-platform.yaml"])
        #expect(openapi.status == 2)
        let badMonth = try Tools.lintel(["generate", "sql", "examples/order-system.yaml", "--partition-start", "2026-13"])
        #expect(badMonth.status == 64)
    }
}

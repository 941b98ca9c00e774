import Foundation
import LintelModel
import LintelReview
import Testing

enum ExamplePaths {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("examples")
    static var files: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: examples, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
    }

    static func review(_ name: String, today: CalendarDate = CalendarDate(year: 2026, month: 1, day: 1)) throws -> ReviewReport {
        let model = try ModelLoader.load(path: examples.appendingPathComponent(name).path).model
        return Reviewer.review(model, options: ReviewOptions(today: today))
    }
}

@Suite("Example models reviewed")
struct ExampleModelReviewTests {
    @Test("every example model in examples/ is reviewed", arguments: ExamplePaths.files)
    func reviews(_ file: URL) throws {
        let model = try ModelLoader.load(path: file.path).model
        let report = Reviewer.review(model, options: ReviewOptions(today: CalendarDate(year: 2026, month: 1, day: 1)))
        #expect(report.rules.count == RuleRegistry.all.count)
        for finding in report.findings {
            #expect(RuleRegistry.rule(id: finding.ruleID) != nil)
            #expect(finding.location.line > 0, "\(finding.ruleID) has no location")
            #expect(finding.location.file.hasSuffix(file.lastPathComponent), "\(finding.ruleID) points outside the model file")
        }
    }

    @Test("reviewing the same model twice gives the same findings in the same order")
    func deterministic() throws {
        let first = try ExamplePaths.review("order-system.yaml")
        let second = try ExamplePaths.review("order-system.yaml")
        #expect(first == second)
    }
}

@Suite("Findings an architect expects of the examples")
struct ExpectedExampleFindingsTests {
    /// The order system is a well-built microservice shop; what remains are the subtle problems:
    /// - timeout-inversion gateway → orders: orders may retry inventory (3 × 300ms + backoff) and payments
    ///   (2 × 800ms + backoff) and write orders-db 3 × 200ms, 3.54s in all, while the gateway gives up at 1.5s;
    /// - timeout-inversion orders → payments: payments waits up to 2 × 2s + 100ms on the card processor, orders gives up at 800ms;
    /// - latency-above-slo on checkout: the card processor alone has a 900ms p99 against the 200ms objective;
    /// - unbounded-table OrderLine: 200M rows, no retention or partitioning;
    /// - no missing-bulkhead at the gateway: best-effort browsing at its 500/s peak holds at most
    ///   500/s × 500ms × 2 attempts = 500 of the gateway's 3 × 1,000 workers (Little's law), so it cannot starve checkout;
    /// - partitions-below-parallelism: 12 partitions for 16 shipping consumers;
    /// - single-point-of-failure card-processor, accepted in the model until 2027-06-30;
    /// - dual-write-without-outbox orders: place-order writes orders-db and publishes order-events, no outbox stated;
    /// - multi-service-write-without-saga on checkout: orders, inventory (catalog-db) and payments write their stores, no saga stated.
    /// Nothing else: every call has a timeout, retries are idempotent with jitter or single, stores are
    /// replicated, encrypted and audited, the topic has a dead-letter queue, the consumer is idempotent.
    @Test("order-system gets exactly the findings an architect would write")
    func orderSystem() throws {
        let report = try ExamplePaths.review("order-system.yaml")
        let open = Set(report.open.map { "\($0.ruleID) \($0.components.prefix(2).joined(separator: ","))" })
        #expect(open == [
            "timeout-inversion gateway,orders",
            "timeout-inversion orders,payments",
            "latency-above-slo gateway,orders",
            "unbounded-table orders-db",
            "partitions-below-parallelism order-events,shipping",
            "dual-write-without-outbox orders,orders-db",
            "multi-service-write-without-saga orders,inventory",
        ])
        let accepted = try #require(report.accepted.first)
        #expect(report.accepted.count == 1)
        #expect(accepted.ruleID == "single-point-of-failure" && accepted.components == ["card-processor"])
        #expect(accepted.acceptance?.contains("until 2027-06-30") == true)
        let inversion = try #require(report.findings.first { $0.ruleID == "timeout-inversion" && $0.components.first == "gateway" })
        // 40ms + (300ms × 3 + 100ms + 200ms) + (800ms × 2 + 100ms) + 3 × 200ms = 3.54s.
        #expect(inversion.message.contains("3.54s"))
        #expect(inversion.location.line == 73)
    }

    /// A past expiry turns the acceptance back into an open finding plus an expired-acceptance finding.
    @Test("order-system's acceptance expires after 2027-06-30")
    func orderSystemExpiry() throws {
        let report = try ExamplePaths.review("order-system.yaml", today: CalendarDate(year: 2027, month: 7, day: 1))
        #expect(report.accepted.isEmpty)
        #expect(report.open.contains { $0.ruleID == "single-point-of-failure" && $0.components == ["card-processor"] })
        let expired = try #require(report.open.first { $0.ruleID == "expired-acceptance" })
        #expect(expired.components == ["card-processor"])
        // The accept entry is the last line of the file (operations added above it moved it from 199).
        #expect(expired.location.line == 223)
    }

    /// The Django monolith is the typical small-company setup, and its typical risks:
    /// single nginx and single Redis (cache and broker), the streaming replica read under read-your-writes,
    /// availability below 99.9% because of those single copies, Celery under-provisioned for the peak,
    /// and the Celery task queue without dead-lettering, idempotency, health check or safe retries of the mail API.
    @Test("django-monolith gets the small-setup findings")
    func djangoMonolith() throws {
        let report = try ExamplePaths.review("django-monolith.yaml")
        let rules = Set(report.open.map(\.ruleID))
        for expected in ["single-point-of-failure", "stale-replica-reads", "availability-below-slo", "consumer-lag", "missing-dead-letter",
                         "non-idempotent-consumer", "retry-non-idempotent", "missing-audit-log", "missing-health-check"] {
            #expect(rules.contains(expected), "\(expected) missing")
        }
        let spof = Set(report.open.filter { $0.ruleID == "single-point-of-failure" }.compactMap(\.components.first))
        #expect(spof == ["lb", "redis", "replica-reads"])
        // One team, web and Celery are one codebase: sharing PostgreSQL is not a finding; nor is the replica's lack of backups.
        #expect(!rules.contains("shared-datastore") && !rules.contains("missing-backups") && !rules.contains("team-too-small-for-services"))
    }

    /// The analytics pipeline: the load balancer gives up on the collector (200ms) before the collector's
    /// Kafka retries (3 × 50ms + 300ms backoff) end, and the aggregator has no headroom at 1M events/s.
    @Test("analytics-platform gets the timeout inversion and the aggregator's missing headroom")
    func analytics() throws {
        let report = try ExamplePaths.review("analytics-platform.yaml")
        let open = Set(report.open.map { "\($0.ruleID) \($0.components[0])" })
        #expect(open.isSuperset(of: ["timeout-inversion edge-lb", "high-utilisation aggregator", "short-runway aggregator"]))
        // Writer plus read-only query API on ClickHouse is a read model, not a shared database.
        #expect(!open.contains("shared-datastore clickhouse"))
    }

    /// The flash sale admits orders through a queue: no errors; only the missing breaker at the gateway, a
    /// worker exactly at capacity for the drop (the queue absorbs it), and the stock count kept only in a
    /// replicated Redis under strong consistency (a failover loses the last decrements: a warning).
    @Test("flash-sale has no errors")
    func flashSale() throws {
        let report = try ExamplePaths.review("flash-sale.yaml")
        #expect(report.failing(at: .error).isEmpty)
        #expect(Set(report.open.map(\.ruleID)) == ["missing-circuit-breaker", "consumer-lag", "cache-as-source-of-truth"])
    }
}

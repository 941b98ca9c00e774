import Foundation
import LintelModel
import Testing
@testable import LintelReview

/// Dual writes, multi-service writes, caches as the source of truth and caches doubling as queues:
/// each rule on a model that has the flaw and on the same model with the fix applied.
@Suite("Consistency rules: outbox, saga, cache as truth, cache as queue")
struct ConsistencyRuleTests {
    static func orders(outbox: String = "", operation: String = "write") -> String {
        """
        lintel: 1
        system: t
        components:
          gateway: { kind: gateway, calls: [ { to: orders, timeout: 2s, per_request: 2 } ] }
          orders:
            kind: service\(outbox)
            calls: [ { to: orders-db, timeout: 1s, operation: \(operation) } ]
            publishes: [ order-events ]
          orders-db: { kind: postgres }
          order-events: { kind: topic, consumers: [ shipping ] }
          shipping: { kind: worker }
        flows:
          place: { entry: gateway, route: [orders], rate: 12/s }
        """
    }

    @Test("a request that writes orders-db and publishes order-events is a dual write at 12/s × 2 = 24/s; outbox: true or a read clears it")
    func dualWrite() throws {
        let found = try findings(of: DualWriteWithoutOutbox.self, in: Self.orders())
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.ruleID == "dual-write-without-outbox" && finding.components == ["orders", "orders-db", "order-events"])
        // The route hop gateway → orders carries its per_request: orders receives 12 × 2 = 24 requests/s.
        #expect(abs((figure(finding, "requests reaching orders") ?? 0) - 24) < 1e-9)
        #expect(try findings(of: DualWriteWithoutOutbox.self, in: Self.orders(outbox: "\n    outbox: true")).isEmpty)
        #expect(try findings(of: DualWriteWithoutOutbox.self, in: Self.orders(operation: "read")).isEmpty)
    }

    @Test("an operation that writes and publishes is a dual write even when the component's own calls do not")
    func dualWriteInOperation() throws {
        let yaml = """
        lintel: 1
        system: t
        components:
          orders:
            kind: service
            calls: [ { to: orders-db, timeout: 1s, operation: read } ]
            operations:
              place: { http: "POST /orders", calls: [ { to: orders-db, timeout: 1s, operation: write } ], publishes: [ order-events ] }
          orders-db: { kind: postgres }
          order-events: { kind: topic, consumers: [ shipping ] }
          shipping: { kind: worker }
        """
        let found = try findings(of: DualWriteWithoutOutbox.self, in: yaml)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("operation place") == true)
    }

    static func checkout(saga: String = "", payment: String = "idempotent: false") -> String {
        """
        lintel: 1
        system: t
        components:
          orders: { kind: service, calls: [ { to: orders-db, timeout: 1s }, { to: inventory, timeout: 1s }, { to: psp, timeout: 3s, \(payment) } ] }
          inventory: { kind: service, calls: [ { to: stock-db, timeout: 1s, operation: write }, { to: stock-cache, timeout: 50ms, hit_ratio: 0.9 } ] }
          orders-db: { kind: postgres }
          stock-db: { kind: postgres }
          stock-cache: { kind: redis }
          psp: { kind: external }
        flows:
          checkout: { entry: orders, rate: 8/s, peak: 30/s\(saga) }
        """
    }

    @Test("a flow writing orders-db (orders), stock-db (inventory) and charging psp is three services without a saga: an error (external write)")
    func multiServiceWrite() throws {
        let found = try findings(of: MultiServiceWriteWithoutSaga.self, in: Self.checkout())
        let finding = try #require(found.first)
        #expect(found.count == 1)
        // In the core's edge order: orders' calls (orders-db, psp) before inventory's.
        #expect(finding.components == ["orders", "psp", "inventory"] && finding.flow == "checkout")
        #expect(finding.severity == .error)
        #expect(figure(finding, "services whose own stores") == 3)
        #expect(figure(finding, "flow checkout's peak rate") == 30)
        // Without the external charge it is two services: a warning.
        let twoServices = try findings(of: MultiServiceWriteWithoutSaga.self, in: Self.checkout(payment: "idempotent: true, operation: read"))
        #expect(twoServices.map(\.severity) == [.warning])
        #expect(twoServices.first.flatMap { figure($0, "services whose own stores") } == 2)
        // The fix: a saga stated on the flow.
        #expect(try findings(of: MultiServiceWriteWithoutSaga.self, in: Self.checkout(saga: ", saga: true")).isEmpty)
    }

    @Test("writes reached only through an optional call or a read are not counted")
    func multiServiceWriteNeedsHardWrites() throws {
        let optional = Self.checkout(payment: "idempotent: true, operation: read")
            .replacingOccurrences(of: "{ to: inventory, timeout: 1s }", with: "{ to: inventory, timeout: 1s, optional: true }")
        #expect(try findings(of: MultiServiceWriteWithoutSaga.self, in: optional).isEmpty)
    }

    static func sessions(requirements: String = "strong", calls: String = "[ { to: session-store, timeout: 100ms, operation: read-write } ]") -> String {
        """
        lintel: 1
        system: t
        requirements: { consistency: \(requirements) }
        components:
          sessions: { kind: service, calls: \(calls) }
          session-store: { kind: redis }
          users-db: { kind: postgres }
        flows:
          login: { entry: sessions, rate: 40/s }
        """
    }

    @Test("a Redis no caller backs with a database is the only copy under strong consistency: an error with the 40/s call rate")
    func cacheAsOnlyCopy() throws {
        let found = try findings(of: CacheAsSourceOfTruth.self, in: Self.sessions())
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.components == ["session-store", "sessions"] && finding.severity == .error && finding.flow == "login")
        #expect(finding.figures?.first?.value == 40)
        #expect(try findings(of: CacheAsSourceOfTruth.self, in: Self.sessions(requirements: "eventual")).isEmpty)
        let cacheAside = "[ { to: session-store, timeout: 100ms, hit_ratio: 0.9 }, { to: users-db, timeout: 1s, on_miss: session-store } ]"
        #expect(try findings(of: CacheAsSourceOfTruth.self, in: Self.sessions(calls: cacheAside)).isEmpty)
    }

    @Test("a strong flow reading a search index only a consumer writes reads an asynchronous copy: a warning; reading the store of record clears it")
    func asynchronousReadModel() throws {
        let yaml = """
        lintel: 1
        system: t
        components:
          api: { kind: service, calls: [ { to: orders-db, timeout: 1s, operation: write }, { to: order-search, timeout: 1s, operation: read, per_request: 2 } ], publishes: [ order-events ] }
          orders-db: { kind: postgres }
          order-events: { kind: topic, consumers: [ indexer ] }
          indexer: { kind: worker, calls: [ { to: order-search, timeout: 1s, operation: write } ] }
          order-search: { kind: elasticsearch }
        flows:
          place: { entry: api, rate: 15/s, consistency: strong }
        """
        let found = try findings(of: CacheAsSourceOfTruth.self, in: yaml)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.components == ["order-search", "indexer"] && finding.severity == .warning)
        // 15/s × 2 reads per request.
        #expect(finding.figures?.first?.value == 30)
        let fixed = yaml.replacingOccurrences(of: "{ to: order-search, timeout: 1s, operation: read, per_request: 2 }",
                                              with: "{ to: orders-db, timeout: 1s, operation: read, per_request: 2 }")
        #expect(try findings(of: CacheAsSourceOfTruth.self, in: fixed).isEmpty)
    }

    static func redis(split: Bool) -> String {
        let queue = split ? "jobs-redis" : "redis"
        return """
        lintel: 1
        system: t
        components:
          web: { kind: service, calls: [ { to: redis, timeout: 50ms, hit_ratio: 0.8, per_request: 3 }, { to: \(queue), mode: async } ] }
          mailer: { kind: worker, calls: [ { to: \(queue), timeout: 5s } ] }
          redis: { kind: redis }
          jobs-redis: { kind: redis }
        flows:
          browse: { entry: web, rate: 25/s }
        """
    }

    @Test("one Redis with lookups (25/s × 3 = 75/s) and a queue (25/s) is both cache and broker; two instances clear it")
    func cacheAndBroker() throws {
        let found = try findings(of: CacheAndBrokerShared.self, in: Self.redis(split: false))
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.components == ["redis", "web", "mailer"])
        #expect(figure(finding, "components using redis as a cache") == 1)
        #expect(figure(finding, "components using redis as a queue") == 2)
        #expect(figure(finding, "cache lookups at peak") == 75)
        #expect(figure(finding, "queue operations at peak") == 25)
        #expect(try findings(of: CacheAndBrokerShared.self, in: Self.redis(split: true)).isEmpty)
    }

    @Test("every new rule is registered")
    func registered() {
        for id in ["default-credentials", "dual-write-without-outbox", "multi-service-write-without-saga", "cache-as-source-of-truth",
                   "cache-and-broker-shared", "rate-limit-exceeded", "retry-storm"] {
            #expect(RuleRegistry.rule(id: id) != nil, "\(id)")
        }
    }
}

import Foundation
import LintelModel
import LintelDesign
import LintelRender
import Testing

/// The decisions for each requirement set are the ones the architect's frameworks give for those
/// inputs; each expectation states the reason.
@Suite("Decisions follow the frameworks")
struct DecisionTests {
    @Test("order system: modular monolith, relational stores, a cache for the catalog, Kafka, REST")
    func orderSystem() async throws {
        let result = try await design("order-system")
        // 12 engineers in 3 teams favour boundaries, but strong consistency and medium maturity keep one deployable.
        #expect(result.decision("architecture-style")?.outcome == "modular monolith")
        // Strong consistency and queries by several attributes: relational for every context.
        for context in ["ordering", "customers", "catalog"] {
            #expect(result.decision("store-\(context)")?.outcome == "relational")
        }
        // 400 reads per write at 2K reads/s: cache the catalog; ordering's 2.5 reads per write are not worth it.
        #expect(result.decision("cache-catalog")?.outcome != "no cache")
        #expect(result.decision("cache-ordering")?.outcome == "no cache")
        // 1.2K events/s at peak with ordered state changes (Order.status): Kafka.
        #expect(result.decision("message-broker")?.outcome == "Kafka")
        #expect(result.decision("api-public")?.outcome == "REST")
        // The flip is computed from the same matrix: eventual consistency would make microservices win.
        let flips = result.decision("architecture-style")?.flips ?? []
        #expect(flips.contains { $0.newWinner == "microservices" && $0.input == "requirements.consistency" })
    }

    @Test("django bookings: a monolith with one relational store, no broker, no cache")
    func djangoMonolith() async throws {
        let result = try await design("django-monolith")
        // 4 engineers, one team, one context: nothing to split.
        #expect(result.decision("architecture-style")?.outcome == "monolith")
        #expect(result.decision("store-bookings")?.outcome == "relational")
        // No domain events: no broker decision at all.
        #expect(result.decision("message-broker") == nil)
        #expect(result.decision("consistency-patterns")?.outcome == "local transactions")
        #expect(result.model.components.filter { $0.kind == .service }.map(\.name) == ["app"])
    }

    @Test("flash sale: a monolith, and RabbitMQ because a six-person team cannot run Kafka")
    func flashSale() async throws {
        let result = try await design("flash-sale")
        #expect(result.decision("architecture-style")?.outcome == "monolith")
        // 1.4K events/s is within RabbitMQ's reach; low operational maturity outweighs Kafka's ordering.
        #expect(result.decision("message-broker")?.outcome == "RabbitMQ")
    }

    @Test("analytics: microservices, a wide-column store for raw events, Kafka for 400K events/s")
    func analytics() async throws {
        let result = try await design("analytics-platform")
        // 20 engineers in 4 teams, eventual consistency and a 1000× spread between ingestion and dashboards.
        #expect(result.decision("architecture-style")?.outcome == "microservices")
        // 400K writes/s of time-ordered rows, no transactions: wide-column.
        #expect(result.decision("store-ingestion")?.outcome == "wide-column")
        // Dashboards: modest rates and queries by several attributes: the relational default.
        #expect(result.decision("store-dashboards")?.outcome == "relational")
        #expect(result.decision("message-broker")?.outcome == "Kafka")
    }

    @Test("three-person startup: a monolith, relational, no cache, no broker")
    func startup() async throws {
        let result = try await design("startup")
        // 3 engineers, one team, low maturity: distributed-systems overhead would dominate.
        #expect(result.decision("architecture-style")?.outcome == "monolith")
        #expect(result.decision("store-contacts")?.outcome == "relational")
        // 2 reads/s never needs a cache, whatever the ratio.
        #expect(result.decision("cache-accounts")?.outcome == "no cache")
        #expect(result.decision("message-broker") == nil)
        // Microservices would need several teams: the flip names the team count.
        let flips = result.decision("architecture-style")?.flips ?? []
        #expect(flips.contains { $0.input == "requirements.team.teams" })
    }

    @Test("60 engineers in 10 teams at 50K/s: microservices, one service per context, Kafka, sagas")
    func largeOrganisation() async throws {
        let result = try await design("large-organisation")
        #expect(result.decision("architecture-style")?.outcome == "microservices")
        // Bounded contexts become services, each entity owned by exactly one store.
        let services = result.model.components.filter { $0.kind == .service }
        #expect(services.count == 10)
        let owners = result.model.domain.entities.map { $0.store }
        #expect(owners.allSatisfy { $0 != nil })
        #expect(Set(owners.compactMap { $0 }).count == 10)
        // Eventual consistency: cross-context references become events, not synchronous calls.
        for service in services {
            #expect(service.calls.allSatisfy { result.component($0.to)?.kind != .service }, "\(service.name) calls another service")
        }
        #expect(result.decision("message-broker")?.outcome == "Kafka")
        // Several cross-context write steps with many teams: an orchestrated saga.
        #expect(result.decision("consistency-patterns")?.outcome == "orchestrated saga")
    }
}

@Suite("Preferences steer the decisions")
struct PreferenceTests {
    @Test("a file's preferences load, travel into model.yaml, and avoiding Kafka picks RabbitMQ even on cloud hosting")
    func avoidKafka() throws {
        var text = try String(contentsOf: DesignPaths.requirements.appendingPathComponent("order-system.yaml"), encoding: .utf8)
        text += "\npreferences:\n  languages: [go, typescript]\n  hosting: cloud\n  avoid: [kafka]\n"
        let input = try ModelLoader.load(text: text, file: "order-system+preferences.yaml").model
        #expect(input.preferences?.avoid == ["kafka"])
        #expect(input.preferences?.hosting == .cloud)
        let result = try Designer.design(input)
        // Kafka scores 0 on the team-preference criterion. Managed hosting favours SQS by 3 points, but orders
        // change state (Order.status), and ordering per key is worth 2 × (3 − 2) more to RabbitMQ, whose
        // routing (+3) then decides: RabbitMQ 49, SQS 47, Kafka 45.
        let broker = try #require(result.decision("message-broker"))
        #expect(broker.matrix.criteria.contains { $0.name == "team preference" })
        #expect(broker.outcome == "RabbitMQ")
        let totals = broker.matrix.options.map { broker.matrix.total($0) }
        #expect(totals == [45, 49, 47])
        #expect(result.model.components.contains { $0.broker == .rabbitmq })
        #expect(result.model.preferences == input.preferences)
        #expect(result.document.contains("- Languages: go, typescript."))
    }

    @Test("without stated preferences no preference criterion appears and maturity is inferred from the team")
    func noPreferences() async throws {
        let result = try await design("order-system")
        #expect(result.decisions.allSatisfy { decision in !decision.matrix.criteria.contains { $0.name == "team preference" } })
        #expect(result.decision("architecture-style")?.matrix.criteria.last?.basis == "medium")
    }
}

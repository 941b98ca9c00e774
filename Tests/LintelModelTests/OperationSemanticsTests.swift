import Foundation
import LintelModel
import Testing

/// Operations in the semantic core, against closed forms: a flow that targets an operation makes
/// only that operation's calls at its last hop; everything else behaves as before.
@Suite("Semantic core: operations")
struct OperationSemanticsTests {
    /// trips has two operations: get-status reads trips-db; complete reads and writes trips-db twice,
    /// charges payments and publishes; its own calls (no operation named) read trips-db only.
    static let model = """
        lintel: 1
        system: rides
        components:
          gateway: { kind: gateway, calls: [ { to: trips, timeout: 1s } ] }
          trips:
            kind: service
            calls: [ { to: trips-db, timeout: 100ms } ]
            operations:
              get-status: { http: "GET /v1/trips/{id}", calls: [trips-db] }
              complete:
                http: "POST /v1/trips/{id}/complete"
                calls:
                  - { to: trips-db, per_request: 2, timeout: 100ms }
                  - { to: payments, timeout: 2s }
                  - { to: fraud, timeout: 1s, optional: true, per_request: 0.5 }
                publishes: [trip-events]
          trips-db: { kind: postgres }
          payments: { kind: service, calls: [ { to: card-processor, timeout: 2s } ] }
          card-processor: { kind: external }
          fraud: { kind: service }
          trip-events: { kind: topic, consumers: [receipts] }
          receipts: { kind: worker }
        flows:
          status: { entry: gateway, operation: trips.get-status, rate: 50/s }
          finish: { entry: gateway, operation: trips.complete, rate: 5/s }
          plain: { entry: gateway, route: [trips], rate: 2/s }
        """

    func semantics(_ text: String = model) throws -> SemanticModel { SemanticModel(try ModelLoader.load(text: text).model) }

    func rates(_ s: SemanticModel, _ flowRates: [Double]) throws -> [String: Double] {
        let arrivals = s.arrivals(flowRates: flowRates)
        return Dictionary(uniqueKeysWithValues: s.model.components.enumerated().map { ($1.name, arrivals[$0]) })
    }

    @Test("each callee's arrival rate is the rate of only the flows whose operation calls it")
    func arrivalsPerOperation() throws {
        let s = try semantics()
        let λ = try rates(s, [50, 5, 2])
        // trips-db: 50 (get-status, once) + 5 × 2 (complete) + 2 (own calls) = 62.
        #expect(abs(λ["trips-db", default: -1] - 62) < 1e-9)
        // payments and its callee: complete only.
        #expect(abs(λ["payments", default: -1] - 5) < 1e-9)
        #expect(abs(λ["card-processor", default: -1] - 5) < 1e-9)
        #expect(abs(λ["fraud", default: -1] - 2.5) < 1e-9)
        #expect(abs(λ["trip-events", default: -1] - 5) < 1e-9 && abs(λ["receipts", default: -1] - 5) < 1e-9)
        #expect(abs(λ["trips", default: -1] - 57) < 1e-9 && abs(λ["gateway", default: -1] - 57) < 1e-9)
        // One flow at a time: the status flow alone never reaches payments.
        let statusOnly = try rates(s, [1, 0, 0])
        #expect(statusOnly["payments"] == 0 && statusOnly["trip-events"] == 0 && statusOnly["trips-db"] == 1)
    }

    @Test("the steady-state propagation agrees with the unit loads and splits the component's arrivals by operation")
    func propagation() throws {
        let s = try semantics()
        let load = s.propagate(flowRates: [50, 5, 2])
        let unit = s.arrivals(flowRates: [50, 5, 2])
        for node in unit.indices { #expect(abs(load.arrival[node] - unit[node]) < 1e-9, "\(s.model.components[node].name)") }
        let edges = s.edgeRates(flowRates: [50, 5, 2])
        for e in edges.indices { #expect(abs(load.edgeRate[e] - edges[e]) < 1e-9) }
        let trips = try #require(s.index["trips"])
        #expect(load.operationArrival[trips] == [50, 5])
    }

    @Test("dependencies count only the operation's calls: reading a trip's status does not depend on the payment provider")
    func dependencies() throws {
        let s = try semantics()
        let names = s.model.components.map(\.name)
        let status = s.flows[0], finish = s.flows[1], plain = s.flows[2]
        #expect(status.hardDependencies.map { names[$0] } == ["gateway", "trips", "trips-db"])
        #expect(status.reachable.map { names[$0] } == ["gateway", "trips", "trips-db"])
        // complete: payments and the card processor are hard; fraud is optional, the topic asynchronous.
        #expect(finish.hardDependencies.map { names[$0] } == ["gateway", "trips", "trips-db", "payments", "card-processor"])
        #expect(finish.reachable.map { names[$0] }.sorted() == ["card-processor", "fraud", "gateway", "payments", "receipts", "trip-events", "trips", "trips-db"])
        #expect(plain.hardDependencies.map { names[$0] } == ["gateway", "trips", "trips-db"])
        #expect(status.operation == 0 && finish.operation == 1 && plain.operation == nil)
        #expect(s.dependencies(of: finish).line
            == "flow finish → gateway, trips.complete, trips-db, payments, fraud, trip-events, card-processor (external), receipts")
        #expect(s.dependencies(of: status).line == "flow status → gateway, trips.get-status, trips-db")
    }

    @Test("the last hop's plan is the operation's; callees keep their own plans; shared calls are one edge")
    func plans() throws {
        let s = try semantics()
        let trips = try #require(s.index["trips"])
        let targets = { (plan: CallPlan) in plan.edges.map { s.model.components[s.graph.edges[$0].target].name } }
        #expect(targets(s.plans[trips]) == ["trips-db"])
        #expect(targets(s.operationPlans[trips][0]) == ["trips-db"])
        #expect(s.operationPlans[trips][0].edges == s.plans[trips].edges)
        #expect(targets(s.operationPlans[trips][1]) == ["trips-db", "payments", "fraud", "trip-events"])
        #expect(s.flows[1].lastPlan == s.operationPlans[trips][1])
        // The operation-only calls are outside the component's own range of edges.
        #expect(s.graph.outgoing(trips).count == 1)
        #expect(s.operationPlans[trips][1].edges.dropFirst().allSatisfy { s.graph.edges[$0].operationOnly })
        // Callers include the operation's callees' callers.
        let payments = try #require(s.index["payments"])
        #expect(s.graph.callers[payments] == [trips] && s.graph.syncCallers[payments] == [trips])
    }

    @Test("an operation's latency is its own service time; without one it is the component's")
    func serviceTimes() throws {
        let text = Self.model.replacingOccurrences(of: "get-status: { http: \"GET /v1/trips/{id}\", calls: [trips-db] }",
                                                   with: "get-status: { http: \"GET /v1/trips/{id}\", calls: [trips-db], latency: 4ms }")
        let s = try semantics(text)
        let trips = try #require(s.index["trips"])
        // A single duration is the mean of an exponential.
        #expect(abs(s.operationService[trips][0].mean - 0.004) < 1e-12)
        #expect(s.operationService[trips][1] == s.service[trips])
    }

    @Test("a model without operations resolves exactly as before: each flow's last plan is its last hop's plan")
    func unchangedWithoutOperations() throws {
        for file in Paths.exampleFiles {
            let s = SemanticModel(try ModelLoader.load(path: file.path).model)
            for flow in s.flows where s.model.components[flow.last].operations.isEmpty {
                #expect(flow.operation == nil && flow.lastPlan == s.plans[flow.last])
            }
            #expect(s.graph.edges.count == s.graph.offsets.last
                    || s.model.components.contains { !$0.operations.isEmpty })
        }
    }
}

import Foundation
import LintelModel
import Testing

@Suite("Operations: loading, defaults and located errors")
struct OperationLoaderTests {
    static let trips = """
        lintel: 1
        system: rides
        domain:
          contexts:
            trips:
              entities:
                Trip: { fields: { rider_id: uuid, status: "enum(requested,active,done)" } }
                TripStatus: { fields: { status: "enum(requested,active,done)" } }
        components:
          gateway: { kind: gateway, calls: [ { to: trips, timeout: 1s } ] }
          trips:
            kind: service
            calls:
              - { to: trips-db, timeout: 100ms, retries: 1 }
            operations:
              get-status:
                http: GET /v1/trips/{id}
                response: TripStatus
                latency: { p50: 2ms, p99: 9ms }
                calls: [trips-db]
              list:
                http: GET /v1/trips
                response: list(Trip)
                calls: [trips-db]
              complete:
                http: POST /v1/trips/{id}/complete
                request: Trip
                response: Trip
                calls:
                  - trips-db
                  - { to: payments, timeout: 2s, idempotent: true }
                publishes: [trip-events]
              put:
                http: PUT /v1/trips/{id}
              recalc:
                rpc: TripService.Recalculate
                idempotent: true
          trips-db: { kind: postgres }
          payments: { kind: external }
          trip-events: { kind: topic }
        flows:
          status: { entry: gateway, operation: trips.get-status, rate: 50/s }
          finish: { entry: gateway, route: [trips], operation: complete, rate: 5/s }
          other: { entry: gateway, route: [trips], rate: 1/s }
        """

    @Test("an operation's method, path, entities, latency and idempotency are read; defaults follow RFC 9110")
    func fields() throws {
        let model = try ModelLoader.load(text: Self.trips).model
        let trips = try #require(model.component(named: "trips"))
        #expect(trips.operations.map(\.name) == ["get-status", "list", "complete", "put", "recalc"])
        let status = try #require(trips.operation(named: "get-status"))
        #expect(status.method == .get && status.path == "/v1/trips/{id}" && status.signature == "GET /v1/trips/{id}")
        #expect(status.response == EntityReference(entity: "TripStatus") && status.request == nil)
        let latency = try #require(status.latency)
        #expect(abs(latency.p50.seconds - 0.002) < 1e-12 && abs(latency.p99.seconds - 0.009) < 1e-12 && latency.distribution == .lognormal)
        #expect(trips.operation(named: "list")?.response == EntityReference(entity: "Trip", isList: true))
        // GET and PUT idempotent, POST not, an RPC only when it says so.
        #expect(trips.operations.map(\.idempotent) == [true, true, false, true, true])
        #expect(trips.operation(named: "recalc")?.rpc == "TripService.Recalculate" && trips.operation(named: "recalc")?.method == nil)
        #expect(trips.operation(named: "put")?.latency == nil)
    }

    @Test("a name alone reuses the component's own call; other calls are appended and marked with their operation")
    func calls() throws {
        let trips = try #require(try ModelLoader.load(text: Self.trips).model.component(named: "trips"))
        #expect(trips.calls.map(\.to) == ["trips-db", "payments", "trip-events"])
        #expect(trips.calls.map(\.declaredBy) == [nil, "complete", "complete"])
        #expect(trips.ownCallIndices == [0])
        #expect(trips.operation(named: "get-status")?.calls == [0])
        #expect(trips.operation(named: "complete")?.calls == [0, 1, 2])
        #expect(trips.operation(named: "put")?.calls == [])
        let complete = try #require(trips.operation(named: "complete"))
        #expect(trips.calls(of: complete).map(\.to) == ["trips-db", "payments", "trip-events"])
        // The shared call keeps the component's settings; the publish is asynchronous.
        #expect(trips.calls[0].retries == 1 && trips.calls[0].timeout == .milliseconds(100))
        #expect(trips.calls[2].mode == .async && trips.calls[1].mode == .sync)
    }

    @Test("a flow's operation resolves, and its component is appended to a route that ends at a caller")
    func flows() throws {
        let flows = try ModelLoader.load(text: Self.trips).model.flows
        #expect(flows[0].operation == OperationReference(component: "trips", operation: "get-status"))
        #expect(flows[0].route == ["trips"] && flows[0].path == ["gateway", "trips"])
        #expect(flows[1].operation == OperationReference(component: "trips", operation: "complete"))
        #expect(flows[1].route == ["trips"])
        #expect(flows[2].operation == nil)
    }

    @Test("a component name may contain dots: the operation is after the last one")
    func dottedComponent() {
        #expect(OperationReference(parsing: "api.v2.get", defaultComponent: nil) == OperationReference(component: "api.v2", operation: "get"))
        #expect(OperationReference(parsing: "get", defaultComponent: "api") == OperationReference(component: "api", operation: "get"))
        #expect(OperationReference(parsing: "get", defaultComponent: nil) == nil)
        #expect(OperationReference(parsing: "api.", defaultComponent: nil) == nil)
    }

    @Test("path templates: good ones pass, each malformed one is named", arguments: [
        ("/v1/trips/{id}", nil), ("/", nil), ("/v1/trips/{trip_id}/legs/{leg-id}", nil),
        ("v1/trips", "start with '/'"), ("/v1//trips", "empty segment"), ("/v1/trips/", "end with '/'"),
        ("/v1/trips?x=1", "query"), ("/v1/trips/{id", "whole segment"), ("/v1/trips/x{id}", "whole segment"),
        ("/v1/{}", "needs a name"), ("/a/{id}/b/{id}", "twice"),
    ] as [(String, String?)])
    func paths(_ path: String, _ problem: String?) {
        let found = Operation.pathTemplateProblem(path)
        if let problem { #expect(found?.contains(problem) == true, "\(path): \(found ?? "no problem")") } else { #expect(found == nil) }
    }

    /// Each broken model: the text, then the line:column and a fragment of the expected error.
    static let broken: [(String, String, String)] = [
        ("bad method", """
            trips:
              kind: service
              operations:
                get: { http: "FETCH /v1/trips" }
            """, "unknown HTTP method 'FETCH'"),
        ("bad path", """
            trips:
              kind: service
              operations:
                get: { http: "GET v1/trips" }
            """, "bad path 'v1/trips'"),
        ("duplicate endpoint", """
            trips:
              kind: service
              operations:
                get: { http: "GET /v1/trips/{id}" }
                read: { http: "get /v1/trips/{id}" }
            """, "'GET /v1/trips/{id}' is declared by both 'get' and 'read'"),
        ("http and rpc", """
            trips:
              kind: service
              operations:
                get: { http: "GET /v1/trips", rpc: Trips.Get }
            """, "both 'http' and 'rpc'"),
        ("dotted name", """
            trips:
              kind: service
              operations:
                get.one: { http: "GET /v1/trips" }
            """, "must not contain dots"),
        ("unknown entity", """
            trips:
              kind: service
              operations:
                get: { http: "GET /v1/trips", response: list(Tripp) }
            """, "unknown entity 'Tripp'"),
        ("bad entity syntax", """
            trips:
              kind: service
              operations:
                get: { http: "GET /v1/trips", response: "list of trips" }
            """, "must name an entity"),
        ("unknown callee", """
            trips:
              kind: service
              operations:
                get: { http: "GET /v1/trips", calls: [trip-db] }
            trips-db: { kind: postgres }
            """, "unknown component 'trip-db'"),
        ("on_miss outside the operation", """
            trips:
              kind: service
              calls: [ { to: cache, hit_ratio: 0.9 } ]
              operations:
                get: { http: "GET /v1/trips", calls: [ { to: trips-db, on_miss: cache } ] }
            trips-db: { kind: postgres }
            cache: { kind: redis }
            """, "operation 'get' does not call it before this call"),
        ("inverted latency", """
            trips:
              kind: service
              operations:
                get: { http: "GET /v1/trips", latency: { p50: 20ms, p99: 5ms } }
            """, "is below p50"),
        ("unknown key", """
            trips:
              kind: service
              operations:
                get: { http: "GET /v1/trips", cals: [] }
            """, "did you mean 'calls'?"),
    ]

    @Test("operation mistakes are located errors", arguments: broken.map(\.0))
    func brokenOperations(_ name: String) throws {
        let (_, components, expected) = try #require(Self.broken.first { $0.0 == name })
        let text = """
            lintel: 1
            system: s
            domain: { contexts: { trips: { entities: { Trip: { fields: { rider: uuid } } } } } }
            components:
            \(components.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
            """
        let found = diagnostics(of: text)
        let match = found.first { ($0.message + " " + ($0.hint ?? "")).contains(expected) }
        #expect(match != nil, "expected '\(expected)', got \(found.map(\.description))")
        // Located on the operation's lines (below the component's name), never at the file's start.
        #expect((match?.location.line ?? 0) >= 5)
    }

    @Test("a flow naming an unknown operation gets a suggestion at the operation's value")
    func unknownOperation() throws {
        let text = Self.trips.replacingOccurrences(of: "operation: trips.get-status", with: "operation: trips.get-statos")
        let found = diagnostics(of: text)
        let error = try #require(found.first { $0.message.contains("unknown operation 'get-statos' of 'trips'") })
        #expect(error.hint == "did you mean 'get-status'?")
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("get-statos") })
        #expect(error.location.line == line + 1)
        let row = text.split(separator: "\n", omittingEmptySubsequences: false)[line]
        let column = try #require(row.range(of: "trips.get-statos"))
        #expect(error.location.column == row.distance(from: row.startIndex, to: column.lowerBound) + 1)
    }

    @Test("a flow whose route cannot reach the operation's component is an error; a component without operations says so")
    func unreachableOperation() {
        let text = """
            lintel: 1
            system: s
            components:
              gateway: { kind: gateway, calls: [api] }
              api: { kind: service, operations: { get: { http: "GET /x" } } }
              other: { kind: service }
            flows:
              a: { entry: other, operation: api.get, rate: 1/s }
              b: { entry: gateway, operation: other.get, rate: 1/s }
            """
        let messages = diagnostics(of: text).map { $0.message + " " + ($0.hint ?? "") }
        #expect(messages.contains { $0.contains("targets api.get, but its route ends at 'other', which does not call 'api'") })
        #expect(messages.contains { $0.contains("unknown operation 'get' of 'other'") && $0.contains("declares no operations") })
    }

    @Test("a flow that names no operation of a component whose calls all belong to operations is warned")
    func noOperationWarning() throws {
        let text = """
            lintel: 1
            system: s
            components:
              api: { kind: service, operations: { get: { http: "GET /x", calls: [db] } } }
              db: { kind: postgres }
            flows:
              a: { entry: api, rate: 1/s }
            """
        let warnings = try ModelLoader.load(text: text).warnings
        #expect(warnings.contains { $0.severity == .warning && $0.message.contains("names no operation of 'api'") })
    }

    @Test("the spec documents every operation key, and the component and flow keys that lead to them")
    func spec() throws {
        let operation = try #require(ModelSpec.object("Operation"))
        #expect(operation.fields.map(\.key) == ["description", "http", "rpc", "request", "response", "idempotent", "latency", "calls", "publishes"])
        #expect(ModelSpec.object("Component")?.field("operations") != nil)
        #expect(ModelSpec.object("Flow")?.field("operation")?.defaultValue != nil)
        let schema = JSONSchemaGenerator.json()
        #expect(schema.contains("\"Operation\"") && schema.contains("GET /v1/trips/{id}"))
    }
}

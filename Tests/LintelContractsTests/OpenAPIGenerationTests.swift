import Foundation
import LintelContracts
import LintelModel
import Testing
import Yams

@Suite("lintel generate openapi")
struct OpenAPIGenerationTests {
    @Test("every document generated for every model with a domain passes openapi-spec-validator, as YAML and as JSON",
          arguments: Tools.domainModelFiles)
    func validates(_ url: URL) throws {
        let python = try Tools.python()
        let documents = OpenAPIGenerator.documents(for: try Tools.load(url))
        #expect(!documents.isEmpty, "\(Tools.label(url)) has entities but no document")
        let directory = try Tools.temporaryDirectory("lintel-openapi")
        defer { try? FileManager.default.removeItem(at: directory) }
        for output in documents {
            for format in SpecFormat.allCases {
                let file = directory.appendingPathComponent("\(output.name).openapi.\(format.fileExtension)")
                try OpenAPIGenerator.encode(output.document, as: format).write(to: file, atomically: true, encoding: .utf8)
                let result = try Tools.run(python, ["-m", "openapi_spec_validator", file.path])
                #expect(result.status == 0, "\(Tools.label(url)) → \(file.lastPathComponent): \(result.stdout)\(result.stderr)")
            }
        }
    }

    @Test("a generated document has nothing for review-api to flag", arguments: Tools.domainModelFiles)
    func passesOwnReview(_ url: URL) throws {
        for output in OpenAPIGenerator.documents(for: try Tools.load(url)) {
            let text = try OpenAPIGenerator.encode(output.document, as: .yaml)
            let spec = try APISpecLoader.load(data: Data(text.utf8), path: "\(output.name).openapi.yaml")
            let report = APIReviewer.review(spec)
            #expect(report.findings.map(\.message) == [], "\(Tools.label(url)) → \(output.name)")
        }
    }

    @Test("two runs of the CLI write the same bytes (no dictionary order leaks into the output)")
    func deterministic() throws {
        for format in ["yaml", "json"] {
            let first = try Tools.lintel(["generate", "openapi", "examples/order-system.yaml", "--format", format])
            let second = try Tools.lintel(["generate", "openapi", "examples/order-system.yaml", "--format", format])
            #expect(first.status == 0)
            #expect(!first.stdout.isEmpty)
            #expect(first.stdout == second.stdout)
        }
    }

    @Test("a model with a gateway gets one public API of the services behind it; without one, one document per service")
    func documentsPerService() throws {
        let shop = OpenAPIGenerator.documents(for: try Tools.load(Tools.root.appendingPathComponent("examples/order-system.yaml")))
        #expect(shop.map(\.name) == ["shop"])
        let ledger = OpenAPIGenerator.documents(for: try Tools.load(Tools.fixtures.appendingPathComponent("models/ledger.yaml")))
        #expect(ledger.map(\.name) == ["accounts", "audit"])
    }

    /// The ledger's `accounts` document, read back as plain YAML (independent of OpenAPIKit's types).
    func ledgerDocument(_ name: String) throws -> [String: Any] {
        let documents = OpenAPIGenerator.documents(for: try Tools.load(Tools.fixtures.appendingPathComponent("models/ledger.yaml")))
        let output = try #require(documents.first { $0.name == name })
        let text = try OpenAPIGenerator.encode(output.document, as: .yaml)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    @Test("paths are versioned collections and items; a composite key gives one path parameter per key field")
    func paths() throws {
        let document = try ledgerDocument("accounts")
        #expect(document["openapi"] as? String == "3.1.1")
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(paths.keys.sorted() == [
            "/v1/accounts", "/v1/accounts/{account_id}", "/v1/entries", "/v1/entries/{entry_id}",
            "/v1/statements", "/v1/statements/{account_id}/{period}",
        ])
        let collection = try #require(paths["/v1/accounts"] as? [String: Any])
        #expect(collection.keys.sorted() == ["get", "post"])
        let item = try #require(paths["/v1/accounts/{account_id}"] as? [String: Any])
        #expect(item.keys.sorted() == ["delete", "get", "parameters", "patch"])
    }

    @Test("lists take cursor and a bounded limit and return a page with next_cursor and maxItems")
    func pagination() throws {
        let document = try ledgerDocument("accounts")
        let list = try #require(((document["paths"] as? [String: Any])?["/v1/entries"] as? [String: Any])?["get"] as? [String: Any])
        let parameters = try #require(list["parameters"] as? [[String: Any]])
        let refs = parameters.compactMap { $0["$ref"] as? String }
        #expect(refs == ["#/components/parameters/Cursor", "#/components/parameters/Limit"])
        // The declared query patterns become optional filters.
        #expect(parameters.compactMap { $0["name"] as? String } == ["account_id", "booked_at", "direction"])
        let components = try #require(document["components"] as? [String: Any])
        let limit = try #require((components["parameters"] as? [String: Any])?["Limit"] as? [String: Any])
        #expect((limit["schema"] as? [String: Any])?["maximum"] as? Int == 100)
        let page = try #require((components["schemas"] as? [String: Any])?["EntryPage"] as? [String: Any])
        let properties = try #require(page["properties"] as? [String: Any])
        #expect((properties["data"] as? [String: Any])?["maxItems"] as? Int == 100)
        #expect((properties["next_cursor"] as? [String: Any])?["type"] as? [String] == ["string", "null"])
    }

    @Test("POST create requires an Idempotency-Key; errors are problem+json; RateLimit headers only where the model has a rate limit")
    func headersAndErrors() throws {
        let accounts = try ledgerDocument("accounts")
        let create = try #require(((accounts["paths"] as? [String: Any])?["/v1/accounts"] as? [String: Any])?["post"] as? [String: Any])
        #expect((create["parameters"] as? [[String: Any]])?.compactMap { $0["$ref"] as? String } == ["#/components/parameters/IdempotencyKey"])
        let responses = try #require(create["responses"] as? [String: Any])
        #expect(responses.keys.sorted() == ["201", "400", "401", "409", "429", "default"])
        let created = try #require(responses["201"] as? [String: Any])
        #expect((created["headers"] as? [String: Any])?.keys.sorted() == ["Location", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"])
        let components = try #require(accounts["components"] as? [String: Any])
        let conflict = try #require((components["responses"] as? [String: Any])?["Conflict"] as? [String: Any])
        #expect((conflict["content"] as? [String: Any])?.keys.sorted() == ["application/problem+json"])
        let problem = try #require((components["schemas"] as? [String: Any])?["Problem"] as? [String: Any])
        #expect((problem["properties"] as? [String: Any])?.keys.sorted() == ["detail", "instance", "status", "title", "type"])

        let audit = try ledgerDocument("audit")
        let auditText = try #require(String(data: JSONSerialization.data(withJSONObject: audit, options: [.sortedKeys]), encoding: .utf8))
        #expect(!auditText.contains("RateLimit"), "audit has no rate limit")
        #expect(!auditText.contains("\"429\""))
    }

    @Test("security schemes follow auth: api-key is a header key, oauth2 a client-credentials flow")
    func security() throws {
        let accounts = try ledgerDocument("accounts")
        let schemes = try #require((accounts["components"] as? [String: Any])?["securitySchemes"] as? [String: Any])
        let apiKey = try #require(schemes["apiKey"] as? [String: Any])
        #expect(apiKey["type"] as? String == "apiKey")
        #expect(apiKey["in"] as? String == "header")
        #expect(accounts["security"] as? [[String: [String]]] == [["apiKey": []]])
        let audit = try ledgerDocument("audit")
        let oauth = try #require(((audit["components"] as? [String: Any])?["securitySchemes"] as? [String: Any])?["oauth2"] as? [String: Any])
        #expect(oauth["type"] as? String == "oauth2")
        #expect((oauth["flows"] as? [String: Any])?.keys.sorted() == ["clientCredentials"])
    }

    @Test("schemas carry formats, enums (quotes kept), nullability and read-only generated keys")
    func schemas() throws {
        let accounts = try ledgerDocument("accounts")
        let account = try #require(((accounts["components"] as? [String: Any])?["schemas"] as? [String: Any])?["Account"] as? [String: Any])
        let properties = try #require(account["properties"] as? [String: [String: Any]])
        #expect(properties["id"]?["readOnly"] as? Bool == true)
        #expect(properties["id"]?["format"] as? String == "uuid")
        #expect(properties["kind"]?["enum"] as? [String] == ["personal", "business", "o'reilly"])
        #expect(properties["balance"]?["pattern"] as? String == "^-?[0-9]+(\\.[0-9]+)?$")
        #expect(properties["limit_cents"]?["format"] as? String == "int64")
        #expect(properties["opened_on"]?["format"] as? String == "date")
        #expect(properties["avatar"]?["type"] as? [String] == ["string", "null"])
        #expect(properties["avatar"]?["contentEncoding"] as? String == "base64")
        let required = try #require(account["required"] as? [String])
        #expect(!required.contains("avatar") && !required.contains("external_ref") && required.contains("handle"))
    }
}

@Suite("lintel generate openapi from operations")
struct OperationPathsTests {
    func rides() throws -> [String: Any] {
        let documents = OpenAPIGenerator.documents(for: try Tools.load(Tools.fixtures.appendingPathComponent("models/rides.yaml")))
        #expect(documents.map(\.name) == ["rides"])
        let output = try #require(documents.first)
        return try #require(try Yams.load(yaml: try OpenAPIGenerator.encode(output.document, as: .yaml)) as? [String: Any])
    }

    @Test("the declared HTTP operations are the paths, under /v1; the RPC operation has none")
    func paths() throws {
        let paths = try #require(try rides()["paths"] as? [String: [String: Any]])
        #expect(paths.keys.sorted() == ["/v1/trips", "/v1/trips/{id}", "/v1/trips/{id}/complete"])
        #expect(paths["/v1/trips/{id}"]?.keys.sorted() == ["get", "put"])
        let ids = paths.values.flatMap { $0.values.compactMap { ($0 as? [String: Any])?["operationId"] as? String } }.sorted()
        #expect(ids == ["tripsComplete", "tripsGetStatus", "tripsList", "tripsPut"])
    }

    @Test("a list(...) response is a page with cursor and limit; a POST that is not idempotent takes an Idempotency-Key")
    func listAndPost() throws {
        let paths = try #require(try rides()["paths"] as? [String: [String: [String: Any]]])
        let list = try #require(paths["/v1/trips"]?["get"])
        #expect((list["parameters"] as? [[String: Any]])?.compactMap { $0["$ref"] as? String }
            == ["#/components/parameters/Cursor", "#/components/parameters/Limit"])
        let page = (((list["responses"] as? [String: Any])?["200"] as? [String: Any])?["content"] as? [String: [String: Any]])?["application/json"]
        #expect((page?["schema"] as? [String: String])?["$ref"] == "#/components/schemas/TripPage")

        let complete = try #require(paths["/v1/trips/{id}/complete"]?["post"])
        let parameters = try #require(complete["parameters"] as? [[String: Any]])
        #expect(parameters.compactMap { $0["$ref"] as? String } == ["#/components/parameters/IdempotencyKey"])
        #expect(parameters.compactMap { $0["name"] as? String } == ["id"])
        let body = ((complete["requestBody"] as? [String: Any])?["content"] as? [String: [String: Any]])?["application/json"]
        #expect((body?["schema"] as? [String: String])?["$ref"] == "#/components/schemas/TripInput")
        #expect((complete["responses"] as? [String: Any])?.keys.sorted() == ["200", "400", "401", "404", "409", "429", "default"])

        let put = try #require(paths["/v1/trips/{id}"]?["put"])
        #expect((put["responses"] as? [String: Any])?.keys.sorted() == ["204", "401", "404", "409", "429", "default"])
        #expect(put["parameters"].map { ($0 as? [[String: Any]])?.compactMap { $0["$ref"] as? String } ?? [] } == [])
    }
}

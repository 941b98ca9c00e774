import Foundation
import LintelContracts
import LintelModel
import LintelReview
import Testing

/// `review-api` on real public OpenAPI documents (see Fixtures/SOURCES.md), each finding asserted:
/// rule, line, and the subject it names.
@Suite("lintel review-api")
struct ReviewAPITests {
    struct Expected: Equatable, CustomStringConvertible {
        var rule: String
        var line: Int
        var subject: String
        var description: String { "\(rule)@\(line) \(subject)" }
    }

    func review(_ name: String, base: String? = nil) throws -> ReviewReport {
        let spec = try APISpecLoader.load(path: Tools.fixtures.appendingPathComponent(name).path)
        let old = try base.map { try APISpecLoader.load(path: Tools.fixtures.appendingPathComponent($0).path) }
        return APIReviewer.review(spec, base: old)
    }

    func found(_ report: ReviewReport) -> [Expected] {
        report.findings.map { Expected(rule: $0.ruleID, line: $0.location.line, subject: $0.components.first ?? "") }
    }

    @Test("Petstore (2019): POST /pets has no idempotency key, Pets has no maxItems, errors are not problem+json; its list pages by an x-next header")
    func petstore() throws {
        let report = try review("petstore-2019.yaml")
        #expect(report.system == "Swagger Petstore")
        #expect(found(report) == [
            Expected(rule: "api-errors-not-problem-json", line: 9, subject: ""),
            Expected(rule: "api-post-without-idempotency-key", line: 42, subject: "POST /pets"),
            Expected(rule: "api-unbounded-array", line: 97, subject: "Pets"),
        ])
        #expect(report.findings.first { $0.ruleID == "api-errors-not-problem-json" }?.message.hasPrefix("3 of 3 operations") == true)
    }

    @Test("Petstore expanded: GET /pets is an unpaginated, unbounded list; POST /pets has no idempotency key")
    func petstoreExpanded() throws {
        let report = try review("petstore-expanded.yaml")
        #expect(found(report) == [
            Expected(rule: "api-errors-not-problem-json", line: 16, subject: ""),
            Expected(rule: "api-list-without-pagination", line: 18, subject: "GET /pets"),
            Expected(rule: "api-unbounded-array", line: 42, subject: "GET /pets"),
            Expected(rule: "api-post-without-idempotency-key", line: 57, subject: "POST /pets"),
        ])
    }

    @Test("USPTO: the data-set list is unpaginated and unbounded, two operations describe no error; the search POST needs no key")
    func uspto() throws {
        let report = try review("uspto.yaml")
        #expect(found(report) == [
            Expected(rule: "api-errors-not-problem-json", line: 33, subject: ""),
            Expected(rule: "api-list-without-pagination", line: 35, subject: "GET /"),
            Expected(rule: "api-missing-error-schema", line: 40, subject: "GET /"),
            Expected(rule: "api-missing-error-schema", line: 142, subject: "POST /{dataset}/{version}/records"),
            Expected(rule: "api-unbounded-array", line: 142, subject: "POST /{dataset}/{version}/records"),
            Expected(rule: "api-unbounded-array", line: 187, subject: "dataSetList"),
        ])
        // Versioned by its {version} path parameter; a form-encoded search is a read.
        #expect(!report.findings.contains { $0.ruleID == "api-unversioned-paths" || $0.ruleID == "api-post-without-idempotency-key" })
    }

    @Test("Petstore 2019 → 2023 (the real edit history): a narrowed limit and a newly required body with two required fields break clients")
    func breakingChanges() throws {
        let report = try review("petstore-2023.yaml", base: "petstore-2019.yaml")
        let breaking = report.findings.filter { $0.ruleID.hasPrefix("api-breaking-") }
        #expect(breaking.map(\.message) == [
            "GET /pets parameter `limit`: maximum 100 (was unbounded)",
            "POST /pets now requires a request body (it had none)",
            "POST /pets requires the request field `id`",
            "POST /pets requires the request field `name`",
        ])
        #expect(breaking.allSatisfy { $0.severity == .error })
        // maxItems now bounds Pets: the 2019 finding is gone.
        #expect(!report.findings.contains { $0.ruleID == "api-unbounded-array" })
        // The reverse direction removes a required body: that breaks nobody.
        let reverse = try review("petstore-2019.yaml", base: "petstore-2023.yaml")
        #expect(!reverse.findings.contains { $0.ruleID.hasPrefix("api-breaking-") })
    }

    /// A documented edit of a real document: `edit` replaces exactly one occurrence in the original text.
    func edited(_ name: String, _ edits: [(String, String)]) throws -> LoadedSpec {
        var text = try String(contentsOf: Tools.fixtures.appendingPathComponent(name), encoding: .utf8)
        for (old, new) in edits {
            #expect(text.components(separatedBy: old).count == 2, "the edit must match once: \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try APISpecLoader.load(data: Data(text.utf8), path: "edited-\(name)")
    }

    @Test("an edit that removes a path, an operation and a response field, and drops the version, is reported as such")
    func removals() throws {
        let base = try APISpecLoader.load(path: Tools.fixtures.appendingPathComponent("petstore-expanded.yaml").path)
        let spec = try edited("petstore-expanded.yaml", [
            ("    delete:\n", "    x-removed-delete:\n"),                     // DELETE /pets/{id} removed
            ("https://petstore.swagger.io/v2", "https://petstore.swagger.io"), // no version any more
            ("        tag:\n          type: string    \n", ""),                   // NewPet (and so Pet) lose `tag`
        ])
        let report = APIReviewer.review(spec, base: base)
        let rules = report.findings.map(\.ruleID)
        #expect(rules.contains("api-breaking-removed-operation"))
        #expect(report.findings.contains { $0.message == "DELETE /pets/{id} was removed" })
        #expect(report.findings.contains { $0.message == "GET /pets/{id} 200 no longer returns `tag`" })
        #expect(rules.contains("api-unversioned-paths"))

        let noPets = try edited("petstore-2019.yaml", [("  /pets/{petId}:\n", "  /animals/{petId}:\n")])
        let moved = APIReviewer.review(noPets, base: try APISpecLoader.load(path: Tools.fixtures.appendingPathComponent("petstore-2019.yaml").path))
        #expect(moved.findings.filter { $0.ruleID == "api-breaking-removed-path" }.map(\.message) == ["/pets/{petId} was removed"])
    }

    @Test("names that mix camelCase and snake_case are reported; the real documents use one style each")
    func naming() throws {
        let spec = try edited("petstore-2019.yaml", [("        tag:\n", "        pet_tag:\n")])
        let report = APIReviewer.review(spec)
        #expect(report.findings.filter { $0.ruleID == "api-inconsistent-naming" }.map(\.message)
            == ["names mix camelCase (petId) and snake_case (pet_tag)"])
        for name in ["petstore-2019.yaml", "petstore-expanded.yaml", "uspto.yaml"] {
            #expect(!(try review(name)).findings.contains { $0.ruleID == "api-inconsistent-naming" }, "\(name)")
        }
    }

    @Test("the CLI exits 1 on breaking changes, 0 on warnings only, 2 on a file that is not OpenAPI, and writes SARIF")
    func cli() throws {
        let fixtures = "Tests/LintelContractsTests/Fixtures/"
        let clean = try Tools.lintel(["review-api", fixtures + "petstore-2019.yaml"])
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("[api-post-without-idempotency-key]"))
        let breaking = try Tools.lintel(["review-api", fixtures + "petstore-2023.yaml", "--base", fixtures + "petstore-2019.yaml"])
        #expect(breaking.status == 1)
        let warnings = try Tools.lintel(["review-api", fixtures + "petstore-2019.yaml", "--fail-on", "warning"])
        #expect(warnings.status == 1)
        let invalid = try Tools.lintel(["review-api", "examples/order-system.yaml"])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("no `openapi` version"))
        let sarif = try Tools.lintel(["review-api", fixtures + "uspto.yaml", "--format", "sarif"])
        #expect(sarif.status == 0)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.count == 6)
    }
}

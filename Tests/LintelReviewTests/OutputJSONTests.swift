import Foundation
import Testing
@testable import LintelReview
import LintelRender

@Suite("JSON renderer")
struct OutputJSONTests {
    @Test("Encodes every finding with its fingerprint and the counts")
    func content() throws {
        let text = try ReviewJSON.render([OutputFixtures.report])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["format"] as? Int == 1)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["errors": 1, "warnings": 2, "infos": 1, "accepted": 2])
        let reports = try #require(object["reports"] as? [[String: Any]])
        let findings = try #require(reports.first?["findings"] as? [[String: Any]])
        #expect(findings.count == 6)
        let first = try #require(findings.first)
        #expect(first["ruleID"] as? String == "sync-call-without-timeout")
        #expect(first["fingerprint"] as? String == "sync-call-without-timeout|orders|inventory|checkout")
        #expect(first["status"] as? String == "open")
        let location = try #require(first["location"] as? [String: Any])
        #expect(location["line"] as? Int == 14 && location["column"] as? Int == 11)
    }

    @Test("Keys are sorted and the bytes do not depend on finding order")
    func deterministic() throws {
        let text = try ReviewJSON.render([OutputFixtures.report])
        var shuffled = OutputFixtures.report
        shuffled.findings.reverse()
        #expect(try ReviewJSON.render([shuffled]) == text)
        // Keys of the top-level object, in the order they appear, are in sorted order.
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == ["format", "reports", "summary"])
        #expect(text.hasSuffix("}\n"))
    }
}

import Foundation
import LintelModel
import LintelRender
import LintelReview
import Testing

/// Every finding's figures reach the machine-readable outputs as structured fields (issue 12): the
/// JSON finding's `figures` and the SARIF result's `properties.figures`, each with value, unit and formula.
@Suite("Finding figures in JSON and SARIF")
struct FigureOutputTests {
    /// The `figures` arrays of `objects`, as (value, unit, formula) triples.
    static func triples(_ figures: Any?) -> [String] {
        ((figures as? [[String: Any]]) ?? []).map { figure in
            "\(Self.text((figure["value"] as? NSNumber)?.doubleValue)) \(figure["unit"] as? String ?? "?") \(figure["formula"] as? String ?? "?")"
        }
    }

    static func triples(_ finding: Finding) -> [String] {
        (finding.figures ?? []).map { "\(Self.text($0.value)) \($0.unit.rawValue) \($0.formula)" }
    }

    /// Twelve significant digits: Foundation's JSON reader may round a double's last bit.
    static func text(_ value: Double?) -> String { value.map { String(format: "%.12g", $0) } ?? "nil" }

    @Test("For every shipped example, the JSON findings and SARIF results carry the findings' figures", arguments: ExamplePaths.files)
    func outputs(_ file: URL) throws {
        let model = try ModelLoader.load(path: file.path).model
        let report = Reviewer.review(model, options: ReviewOptions(today: CalendarDate(year: 2026, month: 1, day: 1)))
        // Results come in display order; compared as multisets of each finding's figure list.
        let expected = report.findings.map { Self.triples($0).joined(separator: " | ") }.sorted()
        #expect(expected.contains { !$0.isEmpty }, "\(file.lastPathComponent): no finding with figures")

        let json = try ReportOutput.review([report], format: .json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let reports = try #require(root["reports"] as? [[String: Any]])
        let findings = try #require(reports.first?["findings"] as? [[String: Any]])
        #expect(findings.map { Self.triples($0["figures"]).joined(separator: " | ") }.sorted() == expected)

        let sarif = try ReportOutput.review([report], format: .sarif, options: .init(rules: RuleRegistry.all.map { $0.description }))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        #expect(results.map { Self.triples(($0["properties"] as? [String: Any])?["figures"]).joined(separator: " | ") }.sorted() == expected)
    }
}

import Foundation
import LintelModel
import LintelRender
import Testing
@testable import LintelReview

/// The review as text and Markdown: one entry per rule, a "fix these first" head in impact order, details after.
@Suite("Review text and Markdown")
struct OutputTextTests {
    static func finding(_ rule: String, _ severity: Severity, _ components: [String], flow: String? = nil, line: Int,
                        remedy: String = "Do the fix.") -> Finding {
        Finding(ruleID: rule, severity: severity, category: .resilience, message: "\(rule) on \(components.joined(separator: "+"))",
                components: components, flow: flow, location: OutputFixtures.at(line, 3), remedy: remedy)
    }

    /// Three health-check findings, an error on a best-effort flow, an error on the critical flow, a warning that touches
    /// three components and one that touches one.
    static let report = ReviewReport(system: "shop", files: ["shop.yaml"], findings: [
        finding("missing-health-check", .info, ["a"], line: 10), finding("missing-health-check", .info, ["b"], line: 20),
        finding("missing-health-check", .info, ["c"], line: 30),
        finding("error-on-browse", .error, ["a"], flow: "browse", line: 11),
        finding("error-on-checkout", .error, ["b"], flow: "checkout", line: 21),
        finding("wide-warning", .warning, ["a", "b", "c"], line: 12),
        finding("narrow-warning", .warning, ["c"], line: 31),
    ], rules: ["missing-health-check", "error-on-browse", "error-on-checkout", "wide-warning", "narrow-warning"])

    static let options = ReportOutput.ReviewOptions(criticalFlows: ["shop": ["checkout"]])

    @Test("One rule's findings are one entry listing its components; JSON keeps one result per location")
    func grouped() throws {
        let text = try ReportOutput.review([Self.report], format: .text, options: Self.options)
        let head = try #require(text.components(separatedBy: "\nDetails\n").first)
        #expect(head.components(separatedBy: "missing-health-check` ×").count == 2, "one entry in the head")
        #expect(head.contains("on: 3 components (a, b, c)"))
        // Each location is still listed, clickable, in the details.
        for line in [10, 20, 30] { #expect(text.contains("  examples/shop.yaml:\(line):3: info: missing-health-check on ")) }
        let json = try ReportOutput.review([Self.report], format: .json, options: Self.options)
        #expect(json.components(separatedBy: "\"ruleID\" : \"missing-health-check\"").count == 4)
    }

    @Test("Fix these first: errors on critical flows, then errors, then warnings by how much they touch")
    func fixFirst() throws {
        let text = try ReportOutput.review([Self.report], format: .text, options: Self.options)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "Fix these first"))
        let items = lines[(start + 3)...].prefix { !$0.isEmpty }
        let rules = items.compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) }
        #expect(rules == ["error-on-checkout", "error-on-browse", "wide-warning", "narrow-warning", "missing-health-check"])
        #expect(items.first?.hasSuffix("on a critical flow") == true)
        // Without the model's flags every named flow counts as critical: both errors are on one, so reach decides.
        let unknown = try ReportOutput.review([Self.report], format: .text)
        #expect(unknown.contains("1. error `error-on-browse`"))
    }

    @Test("Details group by component on request, in order of place, system-wide findings last")
    func byComponent() throws {
        let options = ReportOutput.ReviewOptions(grouping: .component)
        let text = try ReportOutput.review([OutputFixtures.report], format: .text, options: options)
        let details = try #require(text.components(separatedBy: "\nDetails\n-------\n").last)
        let headings = details.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.isEmpty }.map(String.init)
        // Lines: distributed-monolith 2 (system), orders 9, orders 14, gateway 15, cache 30, order-events 33.
        #expect(headings == ["orders (2)", "gateway (1)", "cache (1)", "order-events (1)", "system (1)"])
    }

    @Test("Uses ANSI colour only when asked, and colour changes nothing else")
    func colour() throws {
        let plain = try ReportOutput.review([OutputFixtures.report], format: .text)
        let coloured = try ReportOutput.review([OutputFixtures.report], format: .text, options: .init(color: true))
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31mErrors (1 rule, 1 finding)\u{1B}[0m"))
        #expect(coloured.replacing(/\x{1B}\[[0-9;]*m/, with: "") == plain)
    }

    @Test("A clean report says so, and several reports start with a total")
    func cleanAndTotal() throws {
        let clean = try ReportOutput.review([OutputFixtures.clean], format: .text)
        #expect(clean == "Lintel review\n\ntidy (tidy.yaml)\n================\n\nno findings; 5 rules checked.\n")
        let both = try ReportOutput.review([OutputFixtures.report, OutputFixtures.clean], format: .text)
        #expect(both.hasPrefix("Lintel review\n\nTotal: 1 error, 2 warnings, 1 info; 2 accepted.\n"))
    }

    @Test("Markdown escapes user text and keeps the rule authors' code spans")
    func markdown() throws {
        let markdown = try ReportOutput.review([OutputFixtures.report], format: .markdown, options: .init(rules: OutputFixtures.rules))
        #expect(markdown.contains(#"(2 per engineer) \| \*distributed monolith\*"#))
        #expect(markdown.contains("fix: Set `timeout:` on the call"))
        #expect(markdown.contains("\n## shop (examples/shop.yaml)\n"))
        #expect(markdown.contains("\n### Fix these first\n\n1. error **Synchronous call"))
    }
}

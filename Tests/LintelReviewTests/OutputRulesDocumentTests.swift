import Foundation
import Testing
@testable import LintelReview

/// `docs/rules.md` is generated from the registry; this test regenerates it in memory and fails when the
/// committed file differs. `LINTEL_RECORD=1 swift test --filter OutputRulesDocumentTests` rewrites it.
@Suite("docs/rules.md")
struct OutputRulesDocumentTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/rules.md")

    @Test("The committed rule catalog matches the registry")
    func upToDate() throws {
        let generated = RuleDocs.markdown(RuleRegistry.all)
        if ProcessInfo.processInfo.environment["LINTEL_RECORD"] == "1" {
            try Data(generated.utf8).write(to: Self.file)
            return
        }
        let committed = try? String(contentsOf: Self.file, encoding: .utf8)
        #expect(committed == generated, """
            docs/rules.md is out of date with the rule registry: run `LINTEL_RECORD=1 swift test --filter OutputRulesDocumentTests` \
            or `\(RuleDocs.regenerateCommand)`
            """)
    }

    @Test("Every registered rule has a section, a title, a rationale, a remedy and both kinds of example")
    func complete() {
        let markdown = RuleDocs.markdown(RuleRegistry.all)
        for rule in RuleRegistry.all.map({ $0.description }) {
            #expect(markdown.contains("\n### `\(rule.id)`\n"), "\(rule.id)")
            #expect(!rule.title.isEmpty && !rule.rationale.isEmpty && !rule.remedy.isEmpty, "\(rule.id)")
            #expect(!rule.triggering.isEmpty && !rule.nonTriggering.isEmpty, "\(rule.id)")
        }
    }
}

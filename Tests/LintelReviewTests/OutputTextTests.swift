import Testing
@testable import LintelReview

@Suite("Text renderer")
struct OutputTextTests {
    let report = OutputFixtures.report

    @Test("Groups open findings by severity, most severe first, accepted ones last")
    func bySeverity() throws {
        let text = TextRenderer.render([report])
        let headings = text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.isEmpty }.map(String.init)
        #expect(headings == ["shop (examples/shop.yaml): 1 error, 2 warnings, 1 info; 2 accepted, 6 rules checked",
                             "error (1)", "warning (2)", "info (1)", "accepted (2)"])
        let timeout = try #require(text.range(of: "examples/shop.yaml:14:11: error: orders calls inventory synchronously without a timeout [sync-call-without-timeout]"))
        let amplification = try #require(text.range(of: "examples/shop.yaml:15:11: warning: retry amplification 27×"))
        #expect(timeout.lowerBound < amplification.lowerBound)
        #expect(text.contains("on: orders, inventory · flow checkout"))
        #expect(text.contains("fix: Set `timeout:` on the call"))
        #expect(text.contains("accepted: cache miss path is sized (until 2027-03-01)"))
        #expect(text.contains("accepted: baseline"))
    }

    @Test("Groups by the first component in file order, system-wide findings last")
    func byComponent() {
        let text = TextRenderer.render([report], grouping: .component)
        let headings = text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.isEmpty }.dropFirst().map(String.init)
        // orders' first finding is at line 9 (health check), gateway's at line 15; accepted ones are separate.
        #expect(headings == ["orders (2)", "gateway (1)", "system (1)", "accepted (2)"])
    }

    @Test("Uses ANSI colour only when asked")
    func colour() {
        let plain = TextRenderer.render([report], color: false)
        let coloured = TextRenderer.render([report], color: true)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31merror (1)\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;33mwarning\u{1B}[0m"))
        let stripped = coloured.replacing(/\x{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == plain)
    }

    @Test("A clean report says so, and several reports end with a total")
    func cleanAndTotal() {
        #expect(TextRenderer.render([OutputFixtures.clean]) == "tidy (tidy.yaml): no findings, 5 rules checked\n")
        let both = TextRenderer.render([report, OutputFixtures.clean])
        #expect(both.hasSuffix("total: 1 error, 2 warnings, 1 info; 2 accepted\n"))
    }
}

@Suite("Markdown renderer")
struct OutputMarkdownTests {
    @Test("Has a count table and a section per severity with location, subject and fix")
    func sections() {
        let markdown = MarkdownRenderer.render([OutputFixtures.report])
        #expect(markdown.hasPrefix("# Lintel review\n\n| Severity | Open |\n|---|---:|\n| error | 1 |\n| warning | 2 |\n| info | 1 |\n| accepted | 2 |\n"))
        #expect(markdown.contains("\n### Errors (1)\n\n- **orders calls inventory synchronously without a timeout** `sync-call-without-timeout` at `examples/shop.yaml:14:11`\n  - On: orders, inventory · flow checkout\n  - Fix: Set `timeout:` on the call, below the caller's own deadline.\n"))
        #expect(markdown.contains("\n### Accepted (2)\n"))
        #expect(!markdown.contains("### Info (0)"))
    }

    @Test("Escapes Markdown in user text")
    func escaping() {
        let markdown = MarkdownRenderer.render([OutputFixtures.report])
        #expect(markdown.contains(#"(2 per engineer) \| \*distributed monolith\*"#))
        #expect(MarkdownRenderer.escape("a_b <c> [d]") == #"a\_b \<c\> \[d\]"#)
        #expect(MarkdownRenderer.escape("set `health_check:` on a_b") == #"set `health_check:` on a\_b"#)
        #expect(MarkdownRenderer.escape("one ` tick") == #"one \` tick"#)
        #expect(MarkdownRenderer.code("x`y") == "x'y")
    }
}

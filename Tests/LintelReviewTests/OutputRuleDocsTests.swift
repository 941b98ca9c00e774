import Testing
@testable import LintelReview

@Suite("Rule documentation")
struct OutputRuleDocsTests {
    let rules = OutputFixtures.rules

    @Test("The catalog lists every rule in an index and a section with rationale, remedy and examples")
    func catalog() {
        let markdown = RuleDocs.markdown(descriptions: rules)
        #expect(markdown.hasPrefix("# Lintel rules\n"))
        #expect(markdown.contains("| [`single-point-of-failure`](#single-point-of-failure) | topology | error | Single point of failure |"))
        #expect(markdown.contains("""
            ### `retry-amplification`

            **Retry amplification along a path** — resilience, warning

            **Why it matters.** Why retry-amplification matters.

            **How to fix it.** How to fix retry-amplification.

            Fires on:

            ```yaml
            components:
              orders: { kind: service, calls: [ { to: db } ] }
              db: { kind: postgres }
            ```

            Does not fire on:

            ```yaml
            components:
              db: { kind: postgres, replicas: 2 }
            ```
            """))
        for rule in rules { #expect(markdown.contains("### `\(rule.id)`")) }
    }

    @Test("Rules are ordered by category, then id, whatever order the registry lists them in")
    func order() {
        let headings = { (markdown: String) in markdown.split(separator: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") } }
        let expected: [Substring] = ["## Topology", "### `single-point-of-failure`", "## Resilience", "### `retry-amplification`",
                                     "### `sync-call-without-timeout`", "## Operability", "### `missing-health-check`",
                                     "## Fit", "### `distributed-monolith`"]
        #expect(headings(RuleDocs.markdown(descriptions: rules)) == expected)
        #expect(RuleDocs.markdown(descriptions: rules.reversed()) == RuleDocs.markdown(descriptions: rules))
    }

    @Test("Accepts rule types as the registry lists them")
    func types() {
        #expect(RuleDocs.markdown([FakeRule.self]) == RuleDocs.markdown(descriptions: [FakeRule.description]))
    }

    @Test("Explains one rule for a terminal with its examples indented")
    func explain() throws {
        let text = RuleDocs.text(try #require(rules.first))
        #expect(text == """
            sync-call-without-timeout: Synchronous call without a timeout
            category: resilience · default severity: error

            Why it matters:
              Why sync-call-without-timeout matters.

            How to fix it:
              How to fix sync-call-without-timeout.

            Fires on:
                components:
                  orders: { kind: service, calls: [ { to: db } ] }
                  db: { kind: postgres }

            Does not fire on:
                components:
                  db: { kind: postgres, replicas: 2 }

            """)
    }

    @Test("Lists the catalog as an aligned table")
    func table() {
        let lines = RuleDocs.table(Array(rules.prefix(2))).split(separator: "\n")
        #expect(lines == [
            "RULE                       CATEGORY    SEVERITY  TITLE",
            "retry-amplification        resilience  warning   Retry amplification along a path",
            "sync-call-without-timeout  resilience  error     Synchronous call without a timeout",
        ])
    }

    @Test("Examples lose their shared indentation and surrounding blank lines")
    func trimming() {
        #expect(RuleDocs.trimmed("\n    a:\n      b: 1\n\n    c: 2  \n\n") == ["a:", "  b: 1", "", "c: 2"])
    }
}

@Suite("Model key documentation")
struct OutputModelKeyDocsTests {
    @Test("Finds a key by its full path, with names in place of *")
    func fullPath() throws {
        for query in ["components.*.calls.timeout", "components.orders.calls.timeout", "components.orders.calls[0].timeout"] {
            let entries = ModelKeyDocs.lookup(query)
            #expect(entries.map(\.path) == ["components.*.calls.timeout"], "\(query)")
        }
        let entry = try #require(ModelKeyDocs.lookup("components.*.calls.retries").first)
        #expect(entry.object == "Call" && entry.field.defaultValue == "0")
        let text = ModelKeyDocs.text([entry])
        #expect(text == "components.*.calls.retries  (Call.retries)\n  Attempts after the first fails.\n  type: integer 0…20\n  default: 0\n")
    }

    @Test("Finds every key with a given last segment")
    func bareKey() {
        let paths = ModelKeyDocs.lookup("timeout").map(\.path)
        #expect(paths.contains("components.*.calls.timeout"))
        #expect(paths.allSatisfy { $0.hasSuffix(".timeout") || $0 == "timeout" })
        // A component's calls and an operation's calls share the Call object.
        #expect(ModelKeyDocs.lookup("calls.timeout").map(\.path) == ["components.*.calls.timeout", "components.*.operations.*.calls.timeout"])
        #expect(ModelKeyDocs.lookup("SYSTEM").map(\.path) == ["system"])
    }

    @Test("Nested objects under free names and lists get their own paths")
    func nesting() {
        let paths = Set(ModelKeyDocs.entries.map(\.path))
        #expect(paths.isSuperset(of: ["components.*.calls.circuit_breaker.failures", "scenarios.*.faults.at",
                                      "flows.*.slo", "requirements.traffic.peak", "accept.until"]))
    }

    @Test("Unknown keys find nothing; objects are found by name")
    func unknown() {
        #expect(ModelKeyDocs.lookup("timeot").isEmpty)
        #expect(ModelKeyDocs.lookup("").isEmpty)
        #expect(ModelKeyDocs.object(named: "circuitbreaker")?.name == "CircuitBreaker")
        #expect(ModelKeyDocs.vocabulary.contains("timeout"))
    }
}

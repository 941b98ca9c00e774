import Foundation
import Testing

@Suite("lintel rules and lintel explain")
struct RulesExplainCommandTests {
    /// Rule ids as `lintel rules` lists them (first column, after the header).
    static func ids() throws -> [String] {
        let result = try CLI.run(["rules"])
        #expect(result.status == 0)
        return result.stdout.split(separator: "\n").dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    @Test("Lists the catalog with unique kebab-case ids")
    func rules() throws {
        let ids = try Self.ids()
        #expect(!ids.isEmpty)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil })
    }

    @Test("The Markdown catalog is the committed docs/rules.md")
    func markdown() throws {
        let result = try CLI.run(["rules", "--markdown"])
        #expect(result.status == 0)
        let committed = try String(contentsOf: CLI.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(result.stdout == committed, "docs/rules.md is out of date: run `swift run lintel rules --markdown > docs/rules.md`")
    }

    @Test("--category filters the list")
    func category() throws {
        let result = try CLI.run(["rules", "--category", "topology"])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(" topology ") })
    }

    @Test("Explains every rule with its rationale, remedy and examples")
    func explainRules() throws {
        for id in try Self.ids() {
            let result = try CLI.run(["explain", id])
            #expect(result.status == 0, "\(id)")
            #expect(result.stdout.hasPrefix("\(id): "))
            for heading in ["Why it matters:", "How to fix it:", "Fires on:", "Does not fire on:"] {
                #expect(result.stdout.contains("\n\(heading)\n"), "\(id) lacks \(heading)")
            }
        }
    }

    @Test("Explains a model key by path or by name, with type and default")
    func explainKeys() throws {
        let path = try CLI.run(["explain", "components.*.calls.retries"])
        #expect(path.status == 0)
        #expect(path.stdout == "components.*.calls.retries  (Call.retries)\n  Attempts after the first fails.\n  type: integer 0…20\n  default: 0\n")
        let bare = try CLI.run(["explain", "timeout"])
        #expect(bare.status == 0 && bare.stdout.contains("components.*.calls.timeout  (Call.timeout)\n  Caller-side timeout per attempt.\n  type: duration > 0s…24h\n"))
        let object = try CLI.run(["explain", "CircuitBreaker"])
        #expect(object.status == 0 && object.stdout.hasPrefix("CircuitBreaker: Circuit breaker settings.\n"))
        #expect(object.stdout.contains("failures"))
    }

    @Test("An unknown topic exits 64 with a suggestion", arguments: [
        ("timout", "did you mean 'timeout'?"),
        ("single-point-of-falure", "did you mean 'single-point-of-failure'?"),
    ])
    func unknown(topic: String, suggestion: String) throws {
        let result = try CLI.run(["explain", topic])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("'\(topic)' is neither a rule id nor a model key; \(suggestion)"))
    }
}

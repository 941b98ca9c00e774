import LintelModel
import Testing
@testable import LintelReview

/// Hand-made findings and rule descriptions the renderer tests share, independent of the rule catalog.
enum OutputFixtures {
    static let file = "examples/shop.yaml"

    static func at(_ line: Int, _ column: Int, file: String = file) -> LintelModel.SourceLocation {
        LintelModel.SourceLocation(file: file, line: line, column: column)
    }

    static let noTimeout = Finding(
        ruleID: "sync-call-without-timeout", severity: .error, category: .resilience,
        message: "orders calls inventory synchronously without a timeout", components: ["orders", "inventory"],
        flow: "checkout", location: at(14, 11), remedy: "Set `timeout:` on the call, below the caller's own deadline.")
    static let amplification = Finding(
        ruleID: "retry-amplification", severity: .warning, category: .resilience,
        message: "retry amplification 27× on gateway → orders → inventory → stock-db",
        components: ["gateway", "orders", "inventory", "stock-db"], flow: "checkout", location: at(15, 11),
        remedy: "Retry at one layer only, or add a retry budget.")
    static let healthCheck = Finding(
        ruleID: "missing-health-check", severity: .info, category: .operability,
        message: "orders has no health check", components: ["orders"], location: at(9, 3),
        remedy: "Add `health_check: /healthz`.")
    static let distributedMonolith = Finding(
        ruleID: "distributed-monolith", severity: .warning, category: .fit,
        message: "6 services for a team of 3 engineers (2 per engineer) | *distributed monolith*",
        location: at(2, 9), remedy: "Merge services into a modular monolith until the team grows.")
    static let acceptedSPOF = Finding(
        ruleID: "single-point-of-failure", severity: .error, category: .topology,
        message: "cache runs 1 instance on the hard path of checkout", components: ["cache"], location: at(30, 3),
        remedy: "Run at least 2 instances.", status: .accepted, acceptance: "cache miss path is sized (until 2027-03-01)")
    static let baselined = Finding(
        ruleID: "no-dead-letter", severity: .warning, category: .resilience,
        message: "order-events has no dead-letter queue", components: ["order-events"], location: at(33, 3),
        remedy: "Set `dead_letter: true`.", status: .accepted, acceptance: Baseline.acceptance)

    /// A report with a finding of every severity, a system-wide one, one accepted in the model and one by a
    /// baseline, listed out of display order on purpose.
    static let report = ReviewReport(
        system: "shop", files: [file],
        findings: [healthCheck, acceptedSPOF, amplification, noTimeout, baselined, distributedMonolith],
        rules: rules.map(\.id) + ["no-dead-letter"])

    static let clean = ReviewReport(system: "tidy", files: ["tidy.yaml"], findings: [], rules: rules.map(\.id))

    /// The catalog the SARIF tests use; `no-dead-letter` is left out on purpose to exercise unknown rules.
    static let rules: [RuleDescription] = [
        description("sync-call-without-timeout", "Synchronous call without a timeout", .resilience, .error),
        description("retry-amplification", "Retry amplification along a path", .resilience, .warning),
        description("missing-health-check", "Component without a health check", .operability, .info),
        description("distributed-monolith", "More services than the team can run", .fit, .warning),
        description("single-point-of-failure", "Single point of failure", .topology, .error),
    ]

    static func description(_ id: String, _ title: String, _ category: RuleCategory, _ severity: Severity) -> RuleDescription {
        RuleDescription(
            id: id, title: title, category: category, severity: severity,
            rationale: "Why \(id) matters.", remedy: "How to fix \(id).",
            triggering: [RuleExample("""
                components:
                  orders: { kind: service, calls: [ { to: db } ] }
                  db: { kind: postgres }
                """)],
            nonTriggering: [RuleExample("components:\n  db: { kind: postgres, replicas: 2 }\n")])
    }
}

/// A rule type that exists only to show `RuleDocs` accepts rule types as the registry lists them.
struct FakeRule: Rule {
    static let description = OutputFixtures.description("fake-rule", "A fake rule", .data, .info)
    init() {}
    func check(_ context: ReviewContext) -> [Finding] { [] }
}

@Suite("Finding counts and display order")
struct OutputFixturesTests {
    @Test("Counts open findings by severity and accepted ones apart")
    func counts() {
        let counts = FindingCounts([OutputFixtures.report])
        #expect(counts == FindingCounts(errors: 1, warnings: 2, infos: 1, accepted: 2))
        #expect(counts.sentence == "1 error, 2 warnings, 1 info; 2 accepted")
        #expect(FindingCounts([OutputFixtures.clean]).sentence == "no findings")
    }

    @Test("Display order is most severe first, then by place in the file")
    func order() {
        let sorted = OutputFixtures.report.open.sorted(by: Finding.displayOrder).map(\.ruleID)
        #expect(sorted == ["sync-call-without-timeout", "distributed-monolith", "retry-amplification", "missing-health-check"])
    }
}

import LintelModel
@testable import LintelReview
import Testing

/// A chain of services `s0 → s1 → … → s(layers)`, each call with `retries`.
private func chain(layers: Int, retries: Int) throws -> Model {
    var yaml = "lintel: 1\nsystem: chain\ncomponents:\n"
    for layer in 0..<layers {
        yaml += "  s\(layer): { kind: service, calls: [ { to: s\(layer + 1), timeout: \(1000 * (layers - layer))ms, retries: \(retries), backoff: full-jitter, idempotent: true } ] }\n"
    }
    yaml += "  s\(layers): { kind: postgres }\n"
    return try ModelLoader.load(text: yaml, file: "chain.yaml").model
}

@Suite("Independent figures")
struct FigureTests {
    @Test("retry amplification is the product of attempts per layer (REFERENCE.md)",
          arguments: [(3, 2, 27.0), (3, 3, 64.0), (5, 2, 243.0), (2, 1, 4.0)])
    func amplification(layers: Int, retries: Int, expected: Double) throws {
        let context = ReviewContext(model: try chain(layers: layers, retries: retries))
        #expect(context.analysis.amplification[0] == expected)
        #expect(context.analysis.amplificationPath(from: 0, graph: context.graph).count == layers + 1)
    }

    @Test("the finding names the figure and the path: 27× on s0 → s1 → s2 → s3")
    func amplificationMessage() throws {
        let findings = RetryAmplification().check(ReviewContext(model: try chain(layers: 3, retries: 2)))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.message == "retry amplification 27× on s0 → s1 → s2 → s3")
        #expect(finding.severity == .error)
        #expect(finding.components == ["s0", "s1", "s2", "s3"])
    }

    @Test("two layers of three attempts (9×) stay below the default threshold of 10")
    func belowThreshold() throws {
        #expect(RetryAmplification().check(ReviewContext(model: try chain(layers: 2, retries: 2))).isEmpty)
    }

    @Test("review's worst backoff is the core's: exponential sums min(cap, base·2ⁿ), decorrelated min(cap, base·3ⁿ⁺¹)")
    func backoff() {
        var call = Call(to: "x", location: SourceLocation(file: "f", line: 1, column: 1))
        call.retries = 3
        call.backoff = .exponential
        call.backoffBase = .milliseconds(100)
        call.backoffCap = TimeSpan(seconds: 10)
        #expect(abs(call.worstBackoffTotal - 0.7) < 1e-12)   // 100 + 200 + 400 ms
        call.backoff = .decorrelatedJitter
        #expect(abs(call.worstBackoffTotal - 3.9) < 1e-12)   // 300 + 900 + 2700 ms
        call.backoffCap = .milliseconds(500)
        #expect(abs(call.worstBackoffTotal - 1.3) < 1e-12)   // 300 + 500 + 500 ms
        call.backoff = .none
        #expect(call.worstBackoffTotal == 0)
    }

    @Test("Tarjan finds the three-component cycle and two-component cycle, not the acyclic part")
    func cycles() throws {
        let yaml = """
            lintel: 1
            system: cycles
            components:
              a: { kind: service, calls: [ { to: b, timeout: 1s } ] }
              b: { kind: service, calls: [ { to: c, timeout: 1s }, { to: d, timeout: 1s } ] }
              c: { kind: service, calls: [ { to: a, timeout: 1s } ] }
              d: { kind: service, calls: [ { to: e, timeout: 1s } ] }
              e: { kind: service, calls: [ { to: d, timeout: 1s }, { to: f, timeout: 1s } ] }
              f: { kind: service }
            """
        let context = ReviewContext(model: try ModelLoader.load(text: yaml, file: "c.yaml").model)
        #expect(context.analysis.cycles == [[0, 1, 2], [3, 4]])
        #expect(SyncCallCycle().check(context).count == 2)
    }

    @Test("a 20,000-component synchronous chain is measured without recursion: depth and amplification")
    func longChain() {
        let location = SourceLocation(file: "gen", line: 1, column: 1)
        var components: [Component] = []
        for index in 0..<20_000 {
            var component = Component(name: "s\(index)", kind: .service, location: location)
            if index + 1 < 20_000 {
                var call = Call(to: "s\(index + 1)", location: location)
                call.timeout = .milliseconds(100)
                call.retries = index < 10 ? 1 : 0
                component.calls = [call]
            }
            components.append(component)
        }
        let context = ReviewContext(model: Model(system: "long", components: components, location: location))
        #expect(context.analysis.depth[0] == 20_000)
        #expect(context.analysis.amplification[0] == 1024)
        #expect(context.analysis.cycles.isEmpty)
    }
}

@Suite("Acceptances and imported models")
struct AcceptanceTests {
    static let model = """
        lintel: 1
        system: demo
        components:
          api: { kind: service, health_check: /healthz, calls: [ { to: db } ] }
          db: { kind: postgres, backups: daily }
        accept:
          - { rule: missing-timeout, component: api, reason: "the driver sets a statement timeout", until: 2026-06-30 }
          - { rule: missing-timout, reason: "typo" }
        """

    @Test("an unexpired acceptance marks the finding accepted with its reason and date")
    func accepted() throws {
        let model = try ModelLoader.load(text: Self.model, file: "a.yaml").model
        let report = Reviewer.review(model, options: ReviewOptions(today: CalendarDate(year: 2026, month: 6, day: 30)))
        let finding = try #require(report.findings.first { $0.ruleID == "missing-timeout" })
        #expect(finding.status == .accepted)
        #expect(finding.acceptance == "the driver sets a statement timeout (until 2026-06-30)")
        #expect(!report.findings.contains { $0.ruleID == "expired-acceptance" })
    }

    @Test("the day after `until` the finding is open again and the acceptance itself is reported")
    func expired() throws {
        let model = try ModelLoader.load(text: Self.model, file: "a.yaml").model
        let report = Reviewer.review(model, options: ReviewOptions(today: CalendarDate(year: 2026, month: 7, day: 1)))
        #expect(report.findings.first { $0.ruleID == "missing-timeout" }?.status == .open)
        let expired = try #require(report.findings.first { $0.ruleID == "expired-acceptance" })
        #expect(expired.location.line == 7)
        #expect(expired.message.contains("2026-06-30"))
    }

    @Test("an acceptance naming an unknown rule is reported with a suggestion")
    func unknownRule() throws {
        let model = try ModelLoader.load(text: Self.model, file: "a.yaml").model
        let finding = try #require(Reviewer.review(model).findings.first { $0.ruleID == "unknown-accepted-rule" })
        #expect(finding.message == "accept: names unknown rule missing-timout; did you mean missing-timeout?")
        #expect(finding.location.line == 8)
    }

    @Test("imported models get one unknown-resilience-settings finding instead of timeout and retry findings")
    func imported() throws {
        var model = try ModelLoader.load(text: Self.model, file: "a.yaml").model
        model.accept = []
        model.origin = Origin(format: .kubernetes, files: ["k8s.yaml"], unknowns: ["timeouts: none", "retries: none"])
        let report = Reviewer.review(model)
        #expect(!report.findings.contains { $0.ruleID == "missing-timeout" })
        let unknown = try #require(report.findings.first { $0.ruleID == "unknown-resilience-settings" })
        #expect(unknown.severity == .info)
        #expect(unknown.message == "imported from kubernetes: timeouts, retries are unknown, so timeout, retry and latency rules were not applied to 1 synchronous call")
        #expect(report.files == ["k8s.yaml"])
    }
}

/// Timeout inversion by the core's call arithmetic (docs/semantics.md rules 4 and 7), against hand-computed bounds.
@Suite("Timeout inversion reads the core's call arithmetic")
struct TimeoutInversionFigureTests {
    static func findings(_ components: String) throws -> [Finding] {
        let yaml = "lintel: 1\nsystem: t\ncomponents:\n" + components
        return TimeoutInversion().check(ReviewContext(model: try ModelLoader.load(text: yaml, file: "t.yaml").model))
    }

    @Test("a call without a timeout lasts attempts × the callee's worst: 20ms + 500ms = 520ms beyond a 300ms timeout")
    func untimedCallUsesCalleeWorst() throws {
        let findings = try Self.findings("""
              api: { kind: service, calls: [ { to: orders, timeout: 300ms } ] }
              orders: { kind: service, latency: { p50: 5ms, p99: 20ms }, calls: [ { to: db } ] }
              db: { kind: postgres, latency: { p50: 100ms, p99: 500ms } }
            """)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        let figure = try #require(finding.figures?.first)
        #expect(abs((figure.value ?? 0) - 0.52) < 1e-9)
        #expect(figure.unit == .seconds && figure.formula == TimeoutInversion.formula)
        #expect(finding.message.contains("may take 520ms"))
    }

    @Test("three copies inside a parallel group run at once: 10ms + 100ms fits 200ms; outside a group 10ms + 3 × 100ms does not")
    func concurrentCopies() throws {
        let inGroup = try Self.findings("""
              api: { kind: service, calls: [ { to: orders, timeout: 200ms } ] }
              orders: { kind: service, latency: { p50: 5ms, p99: 10ms }, calls: [ { to: a, timeout: 100ms, per_request: 3, parallel: fetch } ] }
              a: { kind: service }
            """)
        #expect(inGroup.isEmpty)
        let sequential = try Self.findings("""
              api: { kind: service, calls: [ { to: orders, timeout: 200ms } ] }
              orders: { kind: service, latency: { p50: 5ms, p99: 10ms }, calls: [ { to: a, timeout: 100ms, per_request: 3 } ] }
              a: { kind: service }
            """)
        let value = try #require(sequential.first?.figures?.first?.value)
        #expect(abs(value - 0.31) < 1e-9)
    }

    @Test("timeout × attempts plus the longest exponential backoff: 5ms + 3 × 100ms + (50 + 100)ms = 455ms")
    func backoffBound() throws {
        let findings = try Self.findings("""
              api: { kind: service, calls: [ { to: orders, timeout: 400ms } ] }
              orders:
                kind: service
                latency: { p50: 1ms, p99: 5ms }
                calls: [ { to: x, timeout: 100ms, retries: 2, backoff: exponential, backoff_base: 50ms, backoff_cap: 1s, idempotent: true } ]
              x: { kind: external }
            """)
        let value = try #require(findings.first?.figures?.first?.value)
        #expect(abs(value - 0.455) < 1e-9)
    }
}

@Suite("Synchronous cycles over the core's graph")
struct SyncCycleTests {
    @Test("a terminating synchronous cycle (per_request 0.5 back) is still a synchronous cycle; a cycle closed by a topic is not")
    func cycles() throws {
        let yaml = """
            lintel: 1
            system: c
            components:
              a: { kind: service, calls: [ { to: b, timeout: 1s } ] }
              b: { kind: service, calls: [ { to: a, timeout: 1s, per_request: 0.5 } ] }
              c: { kind: service, calls: [ { to: events, mode: async } ] }
              events: { kind: topic, consumers: [d] }
              d: { kind: worker, calls: [ { to: c, timeout: 1s } ] }
            """
        let context = ReviewContext(model: try ModelLoader.load(text: yaml, file: "c.yaml").model)
        // a ↔ b terminates (gain 0.5) and is not cut; c → events → d → c has gain 1 and is cut by the core's policy.
        #expect(context.semantics.cycles.cutCycles == [[2, 3, 4]])
        #expect(context.analysis.cycles == [[0, 1]])
    }
}

import Foundation
import LintelModel
import Testing
@testable import LintelReview

/// Reviews `yaml` with one rule.
func findings(of rule: any Rule.Type, in yaml: String) throws -> [Finding] {
    let model = try ModelLoader.load(text: yaml, file: "test.yaml").model
    return rule.init().check(ReviewContext(model: model, options: ReviewOptions(today: CalendarDate(year: 2026, month: 1, day: 1))))
}

/// The figure whose formula starts with `prefix`.
func figure(_ finding: Finding, _ prefix: String) -> Double? {
    finding.figures?.first { $0.formula.hasPrefix(prefix) }?.value
}

/// `rate-limit-exceeded` and `retry-storm` against closed forms computed here from the model's numbers.
@Suite("Load rules: rate limits and retry storms")
struct LoadRuleTests {
    static func geocoder(hitRatio: String = "", critical: Bool = true) -> String {
        """
        lintel: 1
        system: t
        components:
          api: { kind: service, calls: [ { to: geocoder, timeout: 2s, per_request: 3\(hitRatio) } ] }
          geocoder: { kind: external, rate_limit: 100/s }
        flows:
          search: { entry: api, rate: 30/s, peak: 45/s, critical: \(critical) }
        """
    }

    @Test("an external API offered 45/s × 3 calls = 135/s against a 100/s quota: ratio 1.35, 25.9% rejected, quota 169/s proposed")
    func rateLimitExceeded() throws {
        let found = try findings(of: RateLimitExceeded.self, in: Self.geocoder())
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.ruleID == "rate-limit-exceeded" && finding.components == ["geocoder"] && finding.severity == .error)
        let offered = 45.0 * 3, limit = 100.0
        #expect(abs((figure(finding, "offered at peak") ?? 0) - offered) < 1e-9)
        #expect(figure(finding, "rate_limit") == limit)
        #expect(abs((figure(finding, "offered / limit") ?? 0) - offered / limit) < 1e-12)
        #expect(abs((figure(finding, "rejected at peak") ?? 0) - (1 - limit / offered)) < 1e-12)
        // 135 × 1.25 = 168.75, rounded up.
        #expect(finding.remedy.contains("169/s"), "\(finding.remedy)")
    }

    @Test("a best-effort flow over the limit is a warning; a local cache answering 30% brings 94.5/s under 100/s")
    func rateLimitSeverityAndFix() throws {
        let bestEffort = try findings(of: RateLimitExceeded.self, in: Self.geocoder(critical: false))
        #expect(bestEffort.map(\.severity) == [.warning])
        // 45 × 3 × (1 − 0.3) = 94.5 < 100.
        #expect(try findings(of: RateLimitExceeded.self, in: Self.geocoder(hitRatio: ", hit_ratio: 0.3")).isEmpty)
    }

    /// api → ledger with `retries`; ledger has c = 3 × 4 = 12 workers, constant 50 ms: cμ = 240/s.
    static func ledger(peak: Int, retries: Int = 3, extra: String = "", scenario: String = "") -> String {
        """
        lintel: 1
        system: t
        components:
          api: { kind: service, calls: [ { to: ledger, timeout: 200ms, retries: \(retries), backoff: full-jitter, idempotent: true\(extra) } ] }
          ledger: { kind: service, instances: 3, workers: 4, latency: { p50: 50ms, p99: 50ms, distribution: constant } }
        flows:
          pay: { entry: api, rate: \(peak)/s }
        \(scenario)
        """
    }

    @Test("retry storm: λ = 150/s, R = 3, cμ = 12 / 50ms = 240/s; λ(1+R) = 600/s ≥ 240/s and a 2× slowdown ≥ cμ/λ = 1.6 tips it")
    func retryStorm() throws {
        let found = try findings(of: RetryStorm.self, in: Self.ledger(peak: 150))
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.ruleID == "retry-storm" && finding.components == ["ledger", "api"])
        let lambda = 150.0, r = 3.0, c = 12.0, mu = 1 / 0.05
        #expect(abs((figure(finding, "λ:") ?? 0) - lambda) < 1e-9)
        #expect(abs((figure(finding, "R:") ?? 0) - r) < 1e-9)
        #expect(abs((figure(finding, "λ(1 + R)") ?? 0) - lambda * (1 + r)) < 1e-9)
        #expect(abs((figure(finding, "cμ:") ?? 0) - c * mu) < 1e-6)
        #expect(abs((figure(finding, "λ(1 + R) / cμ") ?? 0) - lambda * (1 + r) / (c * mu)) < 1e-9)
        #expect(abs((figure(finding, "slowdown that saturates") ?? 0) - c * mu / lambda) < 1e-9)
        #expect(abs((figure(finding, "slowdown at which calls outlast") ?? 0) - 0.2 / 0.05) < 1e-9)
        #expect(figure(finding, "slowdown assumed") == RetryStorm.defaultSlowdown)
        // Only the assumed slowdown tips it: a warning.
        #expect(finding.severity == .warning)
        // The fix: budget below cμ/λ − 1 = 60%; instances ⌊600 × 0.05 / 4⌋ + 1 = 8.
        #expect(finding.remedy.contains("60%") && finding.remedy.contains("8 instances"), "\(finding.remedy)")
    }

    @Test("the proposed fixes remove the storm: a 50% retry budget (150 × 1.5 = 225 < 240), a circuit breaker, or 8 instances")
    func retryStormFixes() throws {
        #expect(try findings(of: RetryStorm.self, in: Self.ledger(peak: 150, extra: ", retry_budget: 50%")).isEmpty)
        #expect(try findings(of: RetryStorm.self, in: Self.ledger(peak: 150, extra: ", circuit_breaker: true")).isEmpty)
        let bigger = Self.ledger(peak: 150).replacingOccurrences(of: "instances: 3", with: "instances: 8")
        #expect(try findings(of: RetryStorm.self, in: bigger).isEmpty)
        // Saturated without retries (λ ≥ cμ) is saturated-at-peak's finding, not this one.
        #expect(try findings(of: RetryStorm.self, in: Self.ledger(peak: 250)).isEmpty)
    }

    @Test("λ = 70/s: cμ/λ = 3.43 > 2, so the assumed slowdown does not tip it; a scenario's 5× fault does, and makes it an error")
    func retryStormScenario() throws {
        #expect(try findings(of: RetryStorm.self, in: Self.ledger(peak: 70)).isEmpty)
        let scenario = """
        scenarios:
          slow-disk: { faults: [ { at: 1m, for: 2m, component: ledger, latency: 5x } ] }
        """
        let found = try findings(of: RetryStorm.self, in: Self.ledger(peak: 70, scenario: scenario))
        let finding = try #require(found.first)
        #expect(finding.severity == .error)
        #expect(figure(finding, "largest latency fault") == 5)
        // 70 × (1 + 3) = 280 ≥ 240.
        #expect(abs((figure(finding, "λ(1 + R)") ?? 0) - 280) < 1e-9)
        // With two retries, 70 × 3 = 210 < 240: no storm whatever the slowdown.
        #expect(try findings(of: RetryStorm.self, in: Self.ledger(peak: 70, retries: 2, scenario: scenario)).isEmpty)
    }
}

import LintelModel
import LintelRender
import LintelReview
import Testing

@Suite("Overlays from review and capacity results")
struct OverlayTests {
    static func finding(_ rule: String, _ severity: Severity, _ components: [String], status: Finding.Status = .open) -> Finding {
        Finding(ruleID: rule, severity: severity, category: .resilience, message: "m", components: components,
                location: here, remedy: "r", status: status)
    }

    @Test("each component gets its worst open finding and the sorted, distinct rule ids; accepted findings do not count")
    func findings() {
        let overlay = DiagramOverlay.findings([
            Self.finding("no-timeout", .warning, ["orders", "stock"]),
            Self.finding("retry-storm", .error, ["orders"]),
            Self.finding("no-timeout", .warning, ["orders"]),
            Self.finding("single-point-of-failure", .error, ["cache"], status: .accepted),
            Self.finding("missing-health-check", .info, ["cache"]),
            Self.finding("system-wide", .error, []),
        ])
        #expect(overlay == [
            "orders": ComponentFindings(worst: .error, rules: ["no-timeout", "retry-storm"]),
            "cache": ComponentFindings(worst: .info, rules: ["missing-health-check"]),
        ])
    }
}

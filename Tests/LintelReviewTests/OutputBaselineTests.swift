import Foundation
import Testing
@testable import LintelReview
import LintelRender

@Suite("Baseline files")
struct OutputBaselineTests {
    let report = OutputFixtures.report

    @Test("Holds the open findings' fingerprints, sorted, with rule, components and message for readers")
    func entries() {
        let baseline = Baseline([report])
        #expect(baseline.version == 1)
        #expect(baseline.findings.map(\.fingerprint) == [
            "distributed-monolith|",
            "missing-health-check|orders|",
            "retry-amplification|gateway|orders|inventory|stock-db|checkout",
            "sync-call-without-timeout|orders|inventory|checkout",
        ])
        let entry = baseline.findings[3]
        #expect(entry.rule == "sync-call-without-timeout" && entry.components == ["orders", "inventory"])
        #expect(entry.flow == "checkout" && entry.message == "orders calls inventory synchronously without a timeout")
    }

    @Test("Survives a round trip through its file and writes stable bytes")
    func roundTrip() throws {
        let baseline = Baseline([report])
        let text = try JSONOutput.encode(baseline)
        #expect(try Baseline(data: Data(text.utf8)) == baseline)
        var reversed = report
        reversed.findings.reverse()
        #expect(try JSONOutput.encode(Baseline([reversed])) == text)
        #expect(text.contains("\"fingerprint\" : \"missing-health-check|orders|\""))
    }

    @Test("Marks matching open findings accepted as baseline and leaves the rest open")
    func apply() {
        let partial = Baseline([ReviewReport(system: "shop", files: [], findings: [OutputFixtures.noTimeout], rules: [])])
        var moved = report
        // The line moved and the figures changed: the fingerprint still matches.
        if let index = moved.findings.firstIndex(where: { $0.ruleID == "sync-call-without-timeout" }) {
            moved.findings[index].location = OutputFixtures.at(40, 5)
            moved.findings[index].message = "orders calls inventory synchronously without a timeout (3 calls)"
        }
        let applied = partial.apply(to: moved)
        let finding = applied.findings.first { $0.ruleID == "sync-call-without-timeout" }
        #expect(finding?.status == .accepted && finding?.acceptance == "baseline")
        #expect(applied.open.count == report.open.count - 1)
        // Accepted in the model stays accepted for its own reason.
        #expect(applied.findings.first { $0.ruleID == "single-point-of-failure" }?.acceptance == OutputFixtures.acceptedSPOF.acceptance)
        #expect(applied.failing(at: .error).isEmpty)
    }

    @Test("Lists entries that no longer match any finding")
    func unmatched() {
        let baseline = Baseline([report])
        var fixed = report
        fixed.findings.removeAll { $0.ruleID == "missing-health-check" }
        #expect(baseline.unmatched(in: [fixed]).map(\.rule) == ["missing-health-check"])
        #expect(baseline.unmatched(in: [report]).isEmpty)
    }

    @Test("Rejects files that are not baselines, saying why", arguments: [
        ("", "not a Lintel baseline file: invalid JSON"),
        ("{\"version\": 1}", "not a Lintel baseline file: missing key 'findings'"),
        ("{\"version\": 1, \"findings\": [{\"rule\": \"x\"}]}", "not a Lintel baseline file: missing key 'findings[0].fingerprint'"),
        ("{\"version\": 2, \"findings\": []}", "baseline version 2 is not supported (this Lintel reads version 1)"),
    ])
    func invalid(text: String, message: String) {
        #expect(throws: Baseline.ReadError(message: message)) { try Baseline(data: Data(text.utf8)) }
    }

    @Test("Knows which acceptances came from a baseline")
    func acceptanceKind() {
        #expect(Baseline.isBaselineAcceptance("baseline"))
        #expect(Baseline.isBaselineAcceptance("baseline: review-baseline.json"))
        #expect(!Baseline.isBaselineAcceptance("baseline traffic is low"))
    }
}

import Foundation
import LintelModel
import Testing
@testable import LintelReview

/// The fix a timeout inversion proposes carries numbers, and applying them removes the inversion:
/// checked by reviewing the model again with the proposed timeout, not by reading the message.
@Suite("Timeout inversion fixes with numbers")
struct TimeoutInversionFixTests {
    /// The duration in "`timeout: 3.9s`" of a remedy, in seconds.
    static func proposedTimeout(_ remedy: String) -> Double? {
        guard let start = remedy.range(of: "`timeout: "), let end = remedy[start.upperBound...].firstIndex(of: "`") else { return nil }
        guard case .success(.duration(let span)) = QuantityParser.parse(String(remedy[start.upperBound..<end]), as: .duration) else { return nil }
        return span.seconds
    }

    @Test("Raising the caller's timeout to the proposed value removes each inversion of order-system.yaml")
    func raisedTimeoutRemovesInversion() throws {
        let path = ExamplePaths.examples.appendingPathComponent("order-system.yaml").path
        let model = try ModelLoader.load(path: path).model
        let options = ReviewOptions(today: CalendarDate(year: 2026, month: 1, day: 1))
        let inversions = Reviewer.review(model, options: options).findings.filter { $0.ruleID == "timeout-inversion" }
        #expect(inversions.count == 2)
        for inversion in inversions {
            let caller = try #require(inversion.components.first), callee = try #require(inversion.components.last)
            let seconds = try #require(Self.proposedTimeout(inversion.remedy), "\(inversion.remedy)")
            // The proposal covers the callee's worst response (the finding's figure) with a margin.
            let worst = try #require(inversion.figures?.first?.value)
            #expect(seconds >= worst * 1.1 - 1e-9 && seconds < worst * 1.1 + 0.1)
            var fixed = model
            let index = try #require(fixed.components.firstIndex { $0.name == caller })
            let call = try #require(fixed.components[index].calls.firstIndex { $0.to == callee })
            fixed.components[index].calls[call].timeout = TimeSpan(seconds: seconds)
            let again = Reviewer.review(fixed, options: options).findings
            #expect(!again.contains { $0.ruleID == "timeout-inversion" && $0.components == [caller, callee] })
        }
    }
}

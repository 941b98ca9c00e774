import Foundation
import LintelCapacity
import LintelModel
import LintelReview
import Testing

/// Review quotes the capacity analysis, so a review of user input runs within its work budget too
/// (issue 11), and within the budget it is the unbudgeted review, finding for finding.
@Suite("Review within the capacity budget")
struct ReviewBudgetTests {
    static let examples = ["order-system", "flash-sale", "analytics-platform"]

    @Test("within the standard budget a shipped example's review is the unbudgeted one", arguments: examples)
    func sameReview(_ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/\(name).yaml")
        let model = try ModelLoader.load(path: url.path).model
        let options = ReviewOptions(today: CalendarDate(year: 2026, month: 1, day: 1))
        #expect(try Reviewer.review(model, options: options, budget: .standard) == Reviewer.review(model, options: options))
    }

    @Test("a budget of 10 steps stops the review with capacity's error naming the model's size (3 components, 2 calls, 1 flow)")
    func stops() throws {
        let model = try ModelLoader.load(text: """
            lintel: 1
            system: s
            components:
              a: { kind: service, calls: [ { to: b } ] }
              b: { kind: service, calls: [ { to: c } ] }
              c: { kind: postgres }
            flows:
              f: { entry: a, rate: 5/s }
            """).model
        #expect {
            try Reviewer.review(model, budget: CapacityBudget(steps: 10))
        } throws: { error in
            guard case CapacityError.budgetExceeded(_, _, let budget, let components, let calls, let flows, _) = error else { return false }
            return budget == 10 && components == 3 && calls == 2 && flows == 1
        }
    }
}

import Foundation
import LintelModel
import LintelReview
import Testing
@testable import LintelImport

/// `lintel review FILES` and `lintel import FILES -o model.yaml; lintel review model.yaml` give the
/// same review: the written model keeps its origin, unknowns and every location as data.
@Suite("Review of the imported model equals the review of the files")
struct ImportedModelReviewTests {
    /// What identifies a finding to a reader: rule, severity, components, place and message.
    static func signature(_ report: ReviewReport) -> [String] {
        report.findings.map { "\($0.ruleID) \($0.severity) \($0.components) \($0.location) \($0.message)" }
    }

    static let systems: [String: [String]] = Dictionary(
        CorpusExpectations.all.map { ($0.name, $0.files) }
            + [("Sock Shop compose", ["sock-shop/docker-compose.yml"]), ("Sock Shop Kubernetes", ["sock-shop/complete-demo.yaml"]),
               ("Robot Shop", ["robot-shop/docker-compose.yaml"]), ("Online Boutique", ["online-boutique/kubernetes-manifests.yaml"])],
        uniquingKeysWith: { first, _ in first })

    @Test("Same findings at the original lines", arguments: systems.keys.sorted())
    func sameReview(name: String) throws {
        let files = try #require(Self.systems[name])
        let direct = SystemReview(files)
        let text = ModelWriter.yaml(direct.result.model)
        let loaded = try ModelLoader.load(text: text, file: "imported.yaml")
        #expect(loaded.model.origin == direct.result.model.origin)
        let reloaded = Reviewer.review(loaded.model, options: ReviewOptions(today: CorpusReview.today))
        let expected = Self.signature(direct.report), actual = Self.signature(reloaded)
        #expect(actual == expected, "only in the files' review: \(Set(expected).subtracting(actual).sorted()); only in the model's: \(Set(actual).subtracting(expected).sorted())")
        // No finding points into the written model: every location is in the original files.
        #expect(reloaded.findings.allSatisfy { $0.location.file != "imported.yaml" })
    }
}

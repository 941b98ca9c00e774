import LintelModel
import LintelReview
import Testing
@testable import LintelImport

/// The review of each multi-file corpus system against what its README section lists: the listed
/// weaknesses are found, the listed strengths are not flagged, and nothing else is reported but
/// the findings named as true of the files. docs/corpus-review.md records the table.
@Suite("Corpus systems reviewed as one system")
struct CorpusSystemTests {
    @Test("The system imports without errors", arguments: CorpusExpectations.all.map { $0.name })
    func imports(name: String) throws {
        let expectation = try #require(CorpusExpectations.all.first { $0.name == name })
        let review = SystemReview(expectation.files)
        #expect(!review.result.hasErrors, "\(review.result.diagnostics(.error))")
    }

    @Test("Every listed weakness the files can show is found", arguments: CorpusExpectations.all.map { $0.name })
    func weaknesses(name: String) throws {
        let expectation = try #require(CorpusExpectations.all.first { $0.name == name })
        let review = SystemReview(expectation.files)
        for weakness in expectation.weaknesses {
            let missing = weakness.evidence.filter { !review.pairs.contains($0) }
            #expect(missing.isEmpty, "\(name): '\(weakness.text)' not shown by \(missing)")
        }
    }

    @Test("No listed strength is flagged", arguments: CorpusExpectations.all.map { $0.name })
    func strengths(name: String) throws {
        let expectation = try #require(CorpusExpectations.all.first { $0.name == name })
        let review = SystemReview(expectation.files)
        for strength in expectation.strengths {
            let flagged = strength.evidence.filter(review.pairs.contains)
            #expect(flagged.isEmpty, "\(name): strength '\(strength.text)' flagged by \(flagged)")
        }
    }

    @Test("At most one finding per system is neither a listed weakness nor true of the files", arguments: CorpusExpectations.all.map { $0.name })
    func falseFindings(name: String) throws {
        let expectation = try #require(CorpusExpectations.all.first { $0.name == name })
        let review = SystemReview(expectation.files)
        let unexplained = expectation.falseFindings(review)
        #expect(unexplained.count <= 1, "\(name): \(unexplained)")
    }

    /// Gaps (timeouts in source code, variables only in env.example) count as not found.
    @Test("At least 90% of the weaknesses listed for these six systems are found (docs/corpus-review.md)")
    func coverage() {
        let counts = CorpusExpectations.all.map { $0.found(SystemReview($0.files)) }
        let found = counts.map(\.found).reduce(0, +)
        let listed = counts.map(\.listed).reduce(0, +)
        #expect(found * 100 >= 90 * listed, "\(found) of \(listed)")
    }
}

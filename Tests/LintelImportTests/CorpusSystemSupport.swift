import Foundation
import LintelModel
import LintelReview
import Testing
@testable import LintelImport

/// A corpus system given as several files, imported as `lintel review a b c` imports them (one
/// system per format, compose files merged in order, `.env` next to the first), and reviewed.
struct SystemReview {
    let files: [String]
    let result: ImportResult
    let report: ReviewReport

    init(_ relative: [String], environment: [String: String] = [:]) {
        files = relative.map(Paths.corpus)
        let inputs = SystemImport.inputs(files)
        var imported: ImportResult?
        if case .deployment(let format, let group)? = inputs.first {
            imported = SystemImport.importFiles(group, as: format, environment: environment)
        }
        result = imported ?? ImportResult(model: Model(system: "not imported", location: SourceLocation(file: "-", line: 1, column: 1)),
                                          diagnostics: [])
        report = Reviewer.review(result.model, options: ReviewOptions(today: CorpusReview.today))
    }

    /// `rule subject` of every finding (the subject is the first component), without the meta finding
    /// that lists what deployment files cannot say.
    var pairs: Set<String> {
        Set(report.findings.filter { $0.ruleID != "unknown-resilience-settings" }.map { "\($0.ruleID) \($0.components.first ?? "-")" })
    }

    func subjects(_ rule: String) -> Set<String> {
        Set(report.findings.filter { $0.ruleID == rule }.compactMap(\.components.first))
    }
}

/// A weakness or strength an architect lists in the corpus README, with the findings that show it.
struct Listed: CustomStringConvertible {
    /// The README's words, shortened.
    var text: String
    /// `rule subject` pairs: a weakness is found when all are reported; a strength is kept when none is.
    var evidence: [String]

    init(_ text: String, _ evidence: [String]) {
        self.text = text
        self.evidence = evidence
    }

    var description: String { text }
}

/// One corpus system's expectations: the listed weaknesses (found ones with their evidence, the ones
/// deployment files cannot show as `gaps`), the strengths that must not be flagged, and the findings
/// that are true of the files but not in the README's list.
struct CorpusExpectation {
    var name: String
    var files: [String]
    var weaknesses: [Listed]
    /// Listed weaknesses the files do not show (source code, configuration outside the corpus).
    var gaps: [Listed]
    var strengths: [Listed]
    /// Findings not in the README's list that are still true of the files (`rule subject`), each with why.
    var unlisted: [String: String]

    /// Findings that are neither evidence of a listed weakness nor in `unlisted`: false findings.
    func falseFindings(_ review: SystemReview) -> [String] {
        let explained = Set(weaknesses.flatMap(\.evidence)).union(unlisted.keys)
        return review.pairs.subtracting(explained).sorted()
    }

    /// Weaknesses found over weaknesses listed.
    func found(_ review: SystemReview) -> (found: Int, listed: Int) {
        let found = weaknesses.filter { $0.evidence.allSatisfy(review.pairs.contains) }.count
        return (found, weaknesses.count + gaps.count)
    }
}

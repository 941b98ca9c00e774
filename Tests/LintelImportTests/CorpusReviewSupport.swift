import Foundation
import LintelModel
import LintelReview
import Testing
@testable import LintelImport

/// A corpus file imported the way `lintel review FILE` imports it (format detected, one model per
/// file), reviewed with the full rule catalog, with the original file's lines to check locations.
struct CorpusReview {
    let path: String
    let format: Origin.Format
    let report: ReviewReport
    let lines: [String]

    /// The review date; no acceptance is involved, it only makes the review reproducible.
    static let today = CalendarDate(year: 2026, month: 1, day: 1)

    init(_ relative: String) {
        path = Paths.corpus(relative)
        format = DeploymentFile.format(ofPath: path)
        let imported = DeploymentFile.importFile(path, as: format)
        let model = imported?.model ?? Model(system: "not imported", location: SourceLocation(file: path, line: 1, column: 1))
        report = Reviewer.review(model, options: ReviewOptions(today: Self.today))
        lines = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The findings of `rule`.
    func findings(_ rule: String) -> [Finding] { report.findings.filter { $0.ruleID == rule } }

    /// The subjects (first component) of `rule`'s findings.
    func subjects(_ rule: String) -> Set<String> { Set(findings(rule).compactMap(\.components.first)) }

    /// Every rule that reported something.
    var rules: Set<String> { Set(report.findings.map(\.ruleID)) }

    /// The finding of `rule` about `component`.
    func finding(_ rule: String, _ component: String) -> Finding? {
        findings(rule).first { $0.components.first == component }
    }

    /// The text of the original file's line a finding points at; empty when it is out of the file.
    func line(of finding: Finding) -> String {
        let number = finding.location.line
        return (1...lines.count).contains(number) ? lines[number - 1] : ""
    }

    /// Checks that every finding points into the corpus file at a line that exists, and that the
    /// findings of `rule` point at a line holding `fragment(subject)` (the offending key).
    func expectLocations(_ fragments: [String: (String) -> String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for finding in report.findings {
            #expect(finding.location.file == path, "\(finding.ruleID) \(finding.components) at \(finding.location)",
                    sourceLocation: sourceLocation)
            #expect(!line(of: finding).isEmpty, "\(finding.ruleID) \(finding.components) at \(finding.location)", sourceLocation: sourceLocation)
            guard let fragment = fragments[finding.ruleID], let subject = finding.components.first else { continue }
            let expected = fragment(subject)
            #expect(line(of: finding).contains(expected),
                    "\(finding.ruleID) \(subject) points at line \(finding.location.line) '\(line(of: finding))', expected '\(expected)'",
                    sourceLocation: sourceLocation)
        }
    }
}

/// The compose service key of a component: `  name:`.
func serviceKey(_ name: String) -> String { "  \(name):" }

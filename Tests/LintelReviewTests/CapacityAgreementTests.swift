import Foundation
import LintelCapacity
import LintelModel
@testable import LintelReview
import Testing

/// Review's quantitative rules quote the capacity report; they never compute a figure of their own.
///
/// For every example model and every triggering rule example, each figure a finding carries must be a
/// figure of `CapacityAnalyzer.analyze` on the same model — same value, same unit, same formula — and the
/// message must print it. The capacity report is built here independently of the review's own context.
@Suite("Review figures equal capacity figures")
struct CapacityAgreementTests {
    /// Rules whose every figure comes from the capacity report.
    static let capacityRules: Set<String> = [
        "high-utilisation", "saturated-at-peak", "short-runway", "consumer-lag", "connection-exhaustion",
        "partition-throughput-exceeded", "latency-above-slo", "availability-below-slo", "retry-amplification",
        "missing-rate-limit",
    ]

    /// Every figure anywhere in the report, as (value, unit, formula), found by walking its JSON.
    static func figures(of report: CapacityReport) throws -> [Figure] {
        let data = try JSONEncoder().encode(report)
        var found: [Figure] = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let formula = object["formula"] as? String, let unit = (object["unit"] as? String).flatMap(Figure.Unit.init(rawValue:)) {
                    found.append(Figure((object["value"] as? NSNumber)?.doubleValue, unit, formula))
                }
                for key in object.keys.sorted() { if let child = object[key] { walk(child) } }
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(try JSONSerialization.jsonObject(with: data))
        return found
    }

    /// Checks every capacity-backed finding of `findings` against the capacity report of `model`.
    static func check(_ findings: [Finding], model: Model, place: String) throws {
        let capacity = try figures(of: CapacityAnalyzer.analyze(model))
        for finding in findings where capacityRules.contains(finding.ruleID) {
            // A retry product measured on a component no flow enters has no capacity figure (no load reaches it).
            if finding.ruleID == "retry-amplification", finding.flow == nil { continue }
            // A public entry no flow enters has no load to quote.
            if finding.ruleID == "missing-rate-limit", finding.figures == nil { continue }
            let quoted = try #require(finding.figures, "\(place): \(finding.ruleID) quotes no figure: \(finding.message)")
            // The model's own inputs a message quotes (`given: …`, `capacity option: …`) are not computed; the
            // figures test (LintelImportTests/FindingFiguresTests) checks that the message prints them.
            for figure in quoted where !figure.formula.hasPrefix("given:") && !figure.formula.hasPrefix("capacity option:") {
                #expect(capacity.contains { $0.unit == figure.unit && $0.formula == figure.formula && same($0.value, figure.value) },
                        "\(place): \(finding.ruleID) figure \(figure) is not in the capacity report")
                if figure.value != nil {
                    #expect(finding.message.contains(Figures.text(figure)),
                            "\(place): \(finding.ruleID) message does not print \(Figures.text(figure)): \(finding.message)")
                }
            }
        }
    }

    /// Equal after the JSON round trip (shortest representation, so exact for doubles).
    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (x?, y?): x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y))
        default: false
        }
    }

    @Test("every figure review prints for an example model is the capacity report's", arguments: ExamplePaths.files)
    func examples(_ file: URL) throws {
        let model = try ModelLoader.load(path: file.path).model
        let report = Reviewer.review(model, options: ReviewOptions(today: CalendarDate(year: 2026, month: 1, day: 1)))
        try Self.check(report.findings, model: model, place: file.lastPathComponent)
    }

    @Test("every figure a quantitative rule's triggering example prints is the capacity report's")
    func ruleExamples() throws {
        var checked = Set<String>()
        for rule in RuleRegistry.all where Self.capacityRules.contains(rule.description.id) {
            for example in rule.description.triggering {
                let model = try ModelLoader.load(text: example.yaml, file: "\(example.file):\(example.line)").model
                let findings = rule.init().check(ReviewContext(model: model))
                try Self.check(findings, model: model, place: "\(rule.description.id) example at line \(example.line)")
                if findings.contains(where: { $0.figures != nil }) { checked.insert(rule.description.id) }
            }
        }
        #expect(checked == Self.capacityRules, "rules whose triggering examples quote no capacity figure: \(Self.capacityRules.subtracting(checked).sorted())")
    }
}

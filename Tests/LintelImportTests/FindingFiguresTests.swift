import Foundation
import LintelCapacity
import LintelModel
import LintelReview
import Testing
@testable import LintelImport

/// Every number a finding's message quotes is one of its structured figures (issue 12): the numbers
/// are read back out of the message text, with their unit, and each must equal a figure's value to
/// the precision the message shows. A rule that quotes a number without a figure fails here.
@Suite("Finding figures cover the numbers of the message")
struct FindingFiguresTests {
    /// A number as the message prints it: the value in the figure's unit and how far it may be
    /// from the figure's value given the digits shown.
    struct Quoted: Equatable, CustomStringConvertible {
        var text: String
        var value: Double
        var tolerance: Double
        var description: String { text }
    }

    /// Suffix → the factor to the unit figures are stored in (seconds, fractions, per second, bytes).
    static let suffixes: [(suffix: String, scale: Double)] = [
        ("/hour", 1.0 / 3600), ("/s", 1), ("ms", 1e-3), ("us", 1e-6), ("µs", 1e-6), ("%", 0.01), ("×", 1), ("x", 1),
        ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("PB", 1e15), ("B", 1), ("M", 1e6),
        ("s", 1), ("m", 60), ("h", 3600), ("d", 86400),
    ]

    /// The numbers of `message`: digits not glued to a name (`productpage-v1`, `redis:7`, `temporal-frontend2`)
    /// nor part of a date (`2027-03-01`), with the unit written right after them.
    static func numbers(in message: String) -> [Quoted] {
        let characters = Array(message)
        var result: [Quoted] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber else { index += 1; continue }
            let start = index
            while index < characters.count, characters[index].isASCII, characters[index].isNumber || characters[index] == "." {
                index += 1
            }
            var end = index
            while end > start, characters[end - 1] == "." { end -= 1 }   // a sentence's full stop
            let before = start > 0 ? characters[start - 1] : " "
            let glued = before.isLetter || before.isNumber || "-_:/.@#".contains(before)
            let dateLike = index < characters.count && characters[index] == "-"
            let digits = String(characters[start..<end])
            guard !glued, !dateLike, let value = Double(digits) else { continue }
            let rest = String(characters[end..<min(characters.count, end + 5)])
            // A unit letter must end the word: "3 months" is a count, "300ms" a duration.
            let unit = suffixes.first { entry in
                guard rest.hasPrefix(entry.suffix) else { return false }
                let after = rest.dropFirst(entry.suffix.count).first
                return entry.suffix.first.map { !$0.isLetter } ?? true || after.map { !$0.isLetter } ?? true
            }
            let scale = unit?.scale ?? 1
            let decimals = digits.split(separator: ".").dropFirst().first?.count ?? 0
            result.append(Quoted(text: digits + (unit?.suffix ?? ""), value: value * scale,
                                 tolerance: 0.5 * pow(10, -Double(decimals)) * scale + 1e-9 * abs(value * scale)))
        }
        return result
    }

    /// The message without what is not a computed number: the figures' own formulas (quoted as the
    /// derivation, "λ·S/(c) = 350 × 0.05 / 20") and text the model's author wrote in quotes (a reason).
    static func computedText(_ finding: Finding) -> String {
        var text = finding.message
        for formula in (finding.figures ?? []).map(\.formula) where !formula.isEmpty {
            text = text.replacingOccurrences(of: formula, with: " ")
        }
        // Quoted text and `code` (an image tag `4`) are literals; so are the ports a message lists ("port 80, 8080"):
        // numbers that name something, not figures.
        for quote in ["\"", "`"] {
            let parts = text.split(separator: Character(quote), omittingEmptySubsequences: false)
            text = parts.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element).joined(separator: " ")
        }
        return text.replacingOccurrences(of: #"\bports? [0-9]+(, [0-9]+)*"#, with: " ", options: .regularExpression)
    }

    /// The quoted numbers of `finding` that equal none of its figures.
    static func unmatched(_ finding: Finding) -> [Quoted] {
        let values = (finding.figures ?? []).compactMap(\.value)
        return numbers(in: computedText(finding)).filter { quoted in
            !values.contains { abs($0 - quoted.value) <= quoted.tolerance }
        }
    }

    static func expectCovered(_ findings: [Finding], in source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for finding in findings {
            let missing = unmatched(finding)
            #expect(missing.isEmpty, "\(source): \(finding.ruleID) quotes \(missing) without a figure: \(finding.message) — figures \((finding.figures ?? []).map { "\($0.value.map { String($0) } ?? "nil") \($0.unit.rawValue)" })",
                    sourceLocation: sourceLocation)
        }
    }

    static let today = CalendarDate(year: 2026, month: 1, day: 1)

    @Test("The reader finds the numbers and their units, and leaves names, versions and dates alone")
    func reader() {
        let quoted = Self.numbers(in: "retry amplification 27× on productpage-v1 → redis:7; 300ms of 1.5s, 99.95% until 2027-03-01, 40/s, 3 instances.")
        #expect(quoted.map(\.text) == ["27×", "300ms", "1.5s", "99.95%", "40/s", "3"])
        #expect(quoted.map(\.value) == [27, 0.3, 1.5, 0.9995, 40, 3])
        let finding = Finding(ruleID: "r", severity: .warning, category: .capacity, message: "api runs at 85% (2 instances)",
                              location: SourceLocation(file: "f", line: 1, column: 1), remedy: "",
                              figures: [Figure(0.8512, .fraction, "ρ")])
        #expect(Self.unmatched(finding).map(\.text) == ["2"])
        let derived = Finding(ruleID: "r", severity: .warning, category: .capacity,
                              message: "api at 85% (ρ = 17 / 20) on port 80, 8080, image tag `4`; accepted (\"until Q3 2027\")",
                              location: SourceLocation(file: "f", line: 1, column: 1), remedy: "",
                              figures: [Figure(0.85, .fraction, "ρ = 17 / 20")])
        #expect(Self.unmatched(derived).isEmpty)
    }

    @Test("Every finding of every rule's triggering examples")
    func ruleExamples() throws {
        for rule in RuleRegistry.all {
            for example in rule.description.triggering {
                var model = try ModelLoader.load(text: example.yaml, file: "\(example.file):\(example.line)").model
                if let format = example.importedFrom {
                    model.origin = Origin(format: format, files: [example.file], unknowns: ["timeouts: not in deployment files"])
                }
                Self.expectCovered(Reviewer.review(model, options: ReviewOptions(today: Self.today)).findings,
                                   in: "\(rule.description.id) example at line \(example.line)")
            }
        }
    }

    @Test("Every finding of every shipped example (examples/*.yaml)")
    func shippedExamples() throws {
        let directory = Paths.repositoryRoot.appendingPathComponent("examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let model = try ModelLoader.load(text: String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8), file: name).model
            Self.expectCovered(Reviewer.review(model, options: ReviewOptions(today: Self.today)).findings, in: name)
        }
    }

    @Test("Every finding of every corpus system and corpus file")
    func corpus() {
        for expectation in CorpusExpectations.all {
            Self.expectCovered(SystemReview(expectation.files).report.findings, in: expectation.name)
        }
        for file in ["sock-shop/docker-compose.yml", "sock-shop/complete-demo.yaml", "robot-shop/docker-compose.yaml",
                     "online-boutique/kubernetes-manifests.yaml"] {
            Self.expectCovered(CorpusReview(file).report.findings, in: file)
        }
    }
}

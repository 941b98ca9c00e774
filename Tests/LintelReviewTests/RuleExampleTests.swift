import LintelModel
import LintelReview
import Testing

/// One case per rule example, named so a failure says which rule, which kind of example and where it is written.
struct RuleExampleCase: Sendable, CustomTestStringConvertible {
    var rule: any Rule.Type
    var example: RuleExample
    var triggers: Bool
    var testDescription: String {
        "\(rule.description.id) \(triggers ? "fires" : "stays quiet") on \(example.file.split(separator: "/").last ?? ""):\(example.line)"
    }

    /// The review date the examples are checked on (acceptances in examples expire in 2000 or 9999).
    static let today = CalendarDate(year: 2026, month: 1, day: 1)

    static let all: [RuleExampleCase] = RuleRegistry.all.flatMap { rule in
        rule.description.triggering.map { RuleExampleCase(rule: rule, example: $0, triggers: true) }
            + rule.description.nonTriggering.map { RuleExampleCase(rule: rule, example: $0, triggers: false) }
    }
}

@Suite("Rule examples")
struct RuleExampleTests {
    @Test("every rule fires on its triggering examples and not on its non-triggering ones", arguments: RuleExampleCase.all)
    func example(_ testCase: RuleExampleCase) throws {
        let place = SourceLocation(file: testCase.example.file, line: testCase.example.line, column: 1)
        let sourceLocation = Testing.SourceLocation(fileID: "LintelReview/\(place.file.split(separator: "/").last ?? "")",
                                                    filePath: place.file, line: place.line, column: 1)
        var model: Model
        do {
            model = try ModelLoader.load(text: testCase.example.yaml, file: "\(place.file):\(place.line)").model
        } catch {
            Issue.record("example does not load: \(error.diagnostics.map(\.description).joined(separator: "; "))", sourceLocation: sourceLocation)
            return
        }
        if let format = testCase.example.importedFrom {
            model.origin = Origin(format: format, files: [place.file], unknowns: ["timeouts: not in deployment files", "retries: not in deployment files"])
        }
        let findings = testCase.rule.init().check(ReviewContext(model: model, options: ReviewOptions(today: RuleExampleCase.today)))
        let id = testCase.rule.description.id
        #expect(findings.allSatisfy { $0.ruleID == id }, sourceLocation: sourceLocation)
        if testCase.triggers {
            #expect(!findings.isEmpty, "\(id) did not fire on its triggering example", sourceLocation: sourceLocation)
        } else {
            #expect(findings.isEmpty, "\(id) fired on its non-triggering example: \(findings.map(\.message))", sourceLocation: sourceLocation)
        }
    }

    @Test("every rule has a kebab-case id, at least one triggering and one non-triggering example, and ids are unique")
    func catalog() {
        let ids = RuleRegistry.ids
        #expect(Set(ids).count == ids.count)
        for rule in RuleRegistry.all {
            let description = rule.description
            #expect(description.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(description.id)")
            #expect(!description.triggering.isEmpty, "\(description.id) has no triggering example")
            #expect(!description.nonTriggering.isEmpty, "\(description.id) has no non-triggering example")
            #expect(!description.rationale.isEmpty && !description.remedy.isEmpty)
        }
    }
}

import Foundation
import LintelModel
import Testing
@testable import LintelImport

/// Interpolation reads each value once (linear time and memory) and stops nesting at a limit.
@Suite("Interpolation limits")
struct InterpolationTests {
    static func nested(_ depth: Int) -> String {
        String(repeating: "${A:-", count: depth) + "x" + String(repeating: "}", count: depth)
    }

    static func compose(_ value: String) -> String {
        "services:\n  api:\n    image: shop/api:1\n    environment:\n      NESTED: '\(value)'\n"
    }

    @Test("Defaults nested up to the limit resolve; A unset takes every default down to the innermost")
    func withinLimit() throws {
        let interpolator = Interpolator(environment: [:], dotEnv: [:])
        let at = SourceLocation(file: "c.yaml", line: 1, column: 1)
        let result = interpolator.interpolation(of: Self.nested(Interpolator.nestingLimit), at: at)
        #expect(result.text == "x" && result.diagnostics.isEmpty)
        // A set: the outermost reference wins, the nested defaults are read but not evaluated.
        let set = Interpolator(environment: ["A": "a"], dotEnv: [:]).interpolation(of: Self.nested(Interpolator.nestingLimit), at: at)
        #expect(set.text == "a" && set.diagnostics.isEmpty)
    }

    @Test("${A:-${A:-…}} 10,000 deep ends with a located error past the nesting limit")
    func tenThousandDeep() throws {
        let result = ComposeImporter().importTexts([(name: "deep.yaml", text: Self.compose(Self.nested(10_000)))])
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.description.hasPrefix("deep.yaml:5:15: error: variable interpolation nested deeper than 32 levels"))
    }

    @Test("Nesting one past the limit is an error; the value is left as written")
    func onePastLimit() {
        let at = SourceLocation(file: "c.yaml", line: 3, column: 7)
        let text = Self.nested(Interpolator.nestingLimit + 1)
        let result = Interpolator(environment: [:], dotEnv: [:]).interpolation(of: text, at: at)
        #expect(result.text == text)
        #expect(result.diagnostics.map(\.severity) == [.error])
    }

    @Test("Unterminated, invalid and escaped forms", arguments: [
        ("a ${B", "a ${B"), ("$${A}", "${A}"), ("${A:-{x}}y", "{x}y"), ("${A:+alt}", ""), ("$A-$A", "-"), ("${!x}", ""),
    ])
    func forms(_ text: String, _ expected: String) {
        let result = Interpolator(environment: [:], dotEnv: [:]).interpolation(of: text, at: SourceLocation(file: "c", line: 1, column: 1))
        #expect(result.text == expected)
    }
}

import Foundation
import LintelModel
import Testing

/// Each broken fixture names, in an `# expect: LINE:COL: text` header (or a `.expect` file
/// beside it), where its mistake is; the position was computed from the fixture text by
/// Fixtures/make_fixtures.py, independently of the loader.
@Suite("Broken models give located diagnostics")
struct BrokenFixtureTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        var file: URL
        var line: Int
        var column: Int
        var text: String
        var testDescription: String { file.lastPathComponent }
    }

    static let cases: [Expectation] = Paths.files(in: Paths.fixtures.appendingPathComponent("broken"), extensions: ["yaml", "json"]).compactMap { file in
        let sidecar = file.appendingPathExtension("expect")
        let header = (try? String(contentsOf: sidecar, encoding: .utf8)) ?? (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        guard let first = header.split(separator: "\n", omittingEmptySubsequences: false).first, first.hasPrefix("# expect: ") else { return nil }
        let parts = first.dropFirst("# expect: ".count).split(separator: ":", maxSplits: 2)
        guard parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]) else { return nil }
        return Expectation(file: file, line: line, column: column, text: parts[2].trimmingCharacters(in: .whitespaces))
    }

    @Test("there are at least 25 broken fixtures, each with an expectation")
    func fixtureCount() {
        let files = Paths.files(in: Paths.fixtures.appendingPathComponent("broken"), extensions: ["yaml", "json"])
        #expect(files.count >= 25)
        #expect(Self.cases.count == files.count)
    }

    @Test("the expected message appears at the expected line and column", arguments: cases)
    func located(_ expectation: Expectation) throws {
        do {
            _ = try ModelLoader.load(path: expectation.file.path)
            Issue.record("\(expectation.file.lastPathComponent) loaded without errors")
        } catch {
            let match = error.diagnostics.first {
                $0.location.line == expectation.line && $0.location.column == expectation.column
                    && ($0.message + " " + ($0.hint ?? "")).contains(expectation.text)
            }
            #expect(match != nil, "expected \(expectation.line):\(expectation.column): \(expectation.text)\ngot:\n\(error.description)")
            #expect(error.diagnostics.allSatisfy { $0.location.file == expectation.file.path })
            let first = try #require(error.diagnostics.first)
            #expect(first.description.hasPrefix("\(expectation.file.path):\(first.location.line):\(first.location.column): error: "))
        }
    }

    @Test("all problems of a file are reported in one run, in file order")
    func reportsEverything() {
        let text = """
            lintel: 1
            system: shop
            components:
              a: { kind: servise, instances: 0 }
              b: { kind: service, calls: [ { to: c, timout: 1s } ] }
            """
        let found = diagnostics(of: text)
        #expect(found.map(\.location.line) == [4, 4, 5, 5])
        #expect(found.map(\.location.line) == found.map(\.location.line).sorted())
    }
}

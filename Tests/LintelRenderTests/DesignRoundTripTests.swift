import Foundation
import LintelDesign
import LintelModel
@testable import LintelRender
import Testing

/// The design report of a system and a bounded context whose names hold `| * < > & "` and non-ASCII reads back
/// as itself in every format, checked with parsers that are not Lintel's (markdown-it-py, Python's html.parser,
/// Foundation's JSONDecoder).
@Suite("The design report round-trips hostile names")
struct DesignRoundTripTests {
    static let system = #"shop a|b*c<d>&e"f Straße 注文"#
    static let context = #"orders|*<x>&"y" café"#

    static func result() throws -> DesignResult {
        let yaml = """
        lintel: 1
        system: '\(system)'
        requirements:
          team: { engineers: 4, teams: 1 }
          traffic: { average: 5/s, peak: 50/s }
          slo: { availability: 99.9%, latency_p99: 300ms }
        domain:
          contexts:
            '\(context)':
              entities:
                Order:
                  fields: { total: decimal }
                  volume: { rows: 10K, writes: 1/s, reads: 4/s }
        """
        return try Designer.design(try ModelLoader.load(text: yaml, file: "hostile.yaml").model)
    }

    @Test("Markdown: the title, the requirements table's context cell and every table row's cells read back")
    func markdown() throws {
        let result = try Self.result()
        let parsed = try RoundTripTests.parse(try ReportOutput.design(result, format: .markdown), as: "markdown")
        #expect(parsed.texts("h1") == ["Architecture of " + Self.system])
        #expect(parsed.texts("td").contains(Self.context) || parsed.texts("th").contains(Self.context))
        #expect(parsed.texts("li").contains { $0.hasPrefix("Stores: " + Self.context + " → ") })
        #expect(parsed.rows == Self.expectedRows(DesignDocument.build(result)), "a table row that lost or gained a cell")
    }

    @Test("HTML: the title and the context read back; no markup came from the names")
    func html() throws {
        let result = try Self.result()
        let parsed = try RoundTripTests.parse(try ReportOutput.design(result, format: .html), as: "html")
        #expect(parsed.texts("title") == ["Architecture of " + Self.system])
        #expect(parsed.texts("h1") == ["Architecture of " + Self.system])
        #expect((parsed.texts("td") + parsed.texts("th")).contains(Self.context))
        #expect(!parsed.elements.contains { ["x", "d"].contains($0[0]) })
        #expect(parsed.rows == Self.expectedRows(DesignDocument.build(result)))
    }

    @Test("Text: the names are written as they are")
    func text() throws {
        let text = try ReportOutput.design(try Self.result(), format: .text)
        #expect(text.hasPrefix("Architecture of " + Self.system + "\n"))
        #expect(text.contains(Self.context))
    }

    @Test("JSON: the whole result decodes back to itself, names included")
    func json() throws {
        let result = try Self.result()
        let text = try ReportOutput.design(result, format: .json)
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoded = try decoder.decode(DesignResult.self, from: Data(text.utf8))
        #expect(decoded.model.system == Self.system)
        #expect(decoded.choices.contexts.map(\.name) == [Self.context])
        #expect(decoded == result)
        #expect(try JSONOutput.encode(decoded) == text, "sorted keys: the same value gives the same bytes")
    }

    /// Per table of the document, its header row and each body row, as cell counts.
    static func expectedRows(_ document: Document) -> [Int] {
        var rows: [Int] = []
        func collect(_ blocks: [Block]) {
            for block in blocks {
                if case .table(let table) = block { rows += [table.headers.count] + table.rows.map(\.count) }
                if case .section(let section) = block { collect(section.blocks) }
            }
        }
        collect(document.blocks)
        return rows
    }
}

/// `lintel report` of a model `lintel design` wrote: the page has every section, and the requirements section shows
/// the requirements the design was made from.
@Suite("lintel report of a designed model")
struct DesignedModelReportTests {
    @Test("The page of the startup design has every section and its requirements table")
    func designed() throws {
        let input = try ModelLoader.load(path: RenderPaths.repository.appendingPathComponent("examples/requirements/startup.yaml").path).model
        let result = try Designer.design(input)
        let options = SystemReport.Options(seed: 1, maxDuration: TimeSpan(seconds: 20), today: CalendarDate(year: 2026, month: 11, day: 20), dot: nil)
        let html = HTMLWriter().write(SystemReportDocument.build([SystemReport.assemble(result.model, options: options)]))
        for id in SystemReportDocument.sectionIDs { #expect(html.contains("<section id=\"\(id)\">"), "\(id)") }
        let requirements = try #require(html.components(separatedBy: "<section id=\"requirements\">").last)
        #expect(requirements.contains("<th scope=\"row\">traffic</th>"))
        #expect(requirements.contains("<th scope=\"row\">service level</th>"))
        #expect(requirements.contains("availability 99.5%"))
    }
}

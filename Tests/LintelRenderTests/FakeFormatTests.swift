import Foundation
import LintelCapacity
import LintelModel
@testable import LintelRender
import Testing

/// A format Lintel does not ship: reStructuredText-like headings and `*` bullets. Adding it takes this writer and
/// nothing else — no builder, no report type and no engine changes — which is the point of the document stage.
struct FakeWriter: DocumentWriter {
    func write(_ document: Document) -> String {
        var lines = [document.title, String(repeating: "#", count: document.title.count)]
        func walk(_ blocks: [Block], depth: Int) {
            for block in blocks {
                switch block {
                case .section(let section):
                    lines += ["", section.title.plain, String(repeating: depth == 1 ? "=" : "-", count: section.title.plain.count)]
                    walk(section.blocks, depth: depth + 1)
                case .paragraph(let text): lines += ["", text.plain]
                case .table(let table):
                    lines += ["", "TABLE " + table.headers.joined(separator: " ; ")]
                    lines += table.rows.map { "ROW " + $0.map(\.plain).joined(separator: " ; ") }
                case .list(let list): lines += list.items.map { "* " + $0.text.plain }
                case .code(let text, _): lines += ["", "::", text]
                case .figure(let figure): lines += ["", "FIGURE " + figure.caption]
                case .lines(let texts): lines += texts.map(\.plain)
                }
            }
        }
        walk(document.blocks, depth: 1)
        return lines.joined(separator: "\n") + "\n"
    }
}

@Suite("A new format is a writer and its registration")
struct FakeFormatTests {
    /// The registration: a table from format names to writers, as `DocumentFormat.writer` is for the shipped ones.
    static let writers: [(String, any DocumentWriter)] = DocumentFormat.allCases.map { ($0.rawValue, $0.writer()) } + [("fake", FakeWriter())]

    @Test("Every report renders in the new format through the same builders, with every section present")
    func everyReport() throws {
        let model = try loadExample("order-system.yaml")
        let capacity = CapacityDocument.build(CapacityAnalyzer.analyze(model))
        let writer = try #require(Self.writers.first { $0.0 == "fake" }?.1)
        let text = writer.write(capacity)
        #expect(text.hasPrefix("Capacity of shop\n################\n"))
        for case .section(let section) in capacity.blocks {
            #expect(text.contains("\n\(section.title.plain)\n="), "section \(section.title.plain)")
        }
        #expect(text.contains("ROW gateway ; gateway ;"))
    }

    @Test("The shipped formats and the fake one differ only in their writer: the same document feeds all")
    func sameDocument() throws {
        let document = CapacityDocument.build(CapacityAnalyzer.analyze(try loadExample("order-system.yaml")))
        let outputs = Self.writers.map { $0.1.write(document) }
        #expect(Set(outputs).count == Self.writers.count)
        for output in outputs { #expect(output.contains("card-processor")) }
    }
}

import Foundation
import LintelCapacity
import LintelModel
@testable import LintelRender
import Testing

/// Names with markup characters and non-ASCII read back as themselves in every format, checked with parsers that
/// are not Lintel's: markdown-it-py (CommonMark + GitHub tables) and Python's html.parser.
@Suite("Every format round-trips hostile names")
struct RoundTripTests {
    static let names = [#"a|b*c<d>&e"f"#, "Straße 注文 café", "x_y [z](w) `t` ~s~ \\back", "<script>alert(1)</script>", "&amp; #1"]

    static func document(_ name: String) -> Document {
        Document(title: name, blocks: [
            .paragraph(Inline(name)),
            .section(Section(name, id: "s", blocks: [
                .table(Table(headers: ["name", "value"], plainRows: [[name, name]], numeric: [1])),
                .list(List(items: [List.Item(Inline([.strong(name)]))])),
                .paragraph(Inline([.code(name.replacingOccurrences(of: "`", with: "'"))])),
            ])),
        ])
    }

    /// Elements (tag and text) of rendered Markdown or of HTML, and the cell count of every table row.
    struct Parsed: Decodable {
        var elements: [[String]]
        var rows: [Int]

        func texts(_ tag: String) -> [String] { elements.filter { $0[0] == tag }.map { $0[1] } }
    }

    static let script = """
    import json, sys
    from html.parser import HTMLParser
    kind, text = sys.argv[1], sys.stdin.read()
    if kind == "markdown":
        from markdown_it import MarkdownIt
        text = MarkdownIt("commonmark").enable("table").render(text)
    class P(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.stack, self.out, self.rows = [], [], []
        def handle_starttag(self, tag, attrs):
            if tag in ("meta", "br", "hr", "img", "input", "link"): return
            self.stack.append([tag, ""])
            if tag == "tr": self.rows.append(0)
            if tag in ("td", "th") and self.rows: self.rows[-1] += 1
        def handle_endtag(self, tag):
            while self.stack:
                t, s = self.stack.pop()
                self.out.append([t, s])
                if self.stack: self.stack[-1][1] += s
                if t == tag: break
        def handle_data(self, data):
            if self.stack: self.stack[-1][1] += data
    p = P(); p.feed(text); p.close()
    print(json.dumps({"elements": p.out, "rows": p.rows}))
    """

    static func parse(_ text: String, as kind: String) throws -> Parsed {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, kind]
        let input = Pipe(), output = Pipe(), error = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, error)
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 with markdown-it-py is needed (scripts/test installs it): \(problems)")
        return try JSONDecoder().decode(Parsed.self, from: data)
    }

    @Test("Markdown: title, heading, paragraph, both table cells, list item and code read back as the name", arguments: names)
    func markdown(name: String) throws {
        let parsed = try Self.parse(MarkdownWriter().write(Self.document(name)), as: "markdown")
        #expect(parsed.texts("h1") == [name])
        #expect(parsed.texts("h2") == [name])
        #expect(parsed.texts("td") == [name, name])
        #expect(parsed.texts("strong") == [name])
        #expect(parsed.texts("p").first == name)
        #expect(parsed.texts("code") == [name.replacingOccurrences(of: "`", with: "'")])
        #expect(parsed.rows == [2, 2], "a row per table line, two cells each")
    }

    @Test("HTML: every element's text is the name, the markup Lintel wrote is the only markup", arguments: names)
    func html(name: String) throws {
        let parsed = try Self.parse(HTMLWriter().write(Self.document(name)), as: "html")
        #expect(parsed.texts("title") == [name])
        #expect(parsed.texts("h1") == [name])
        #expect(parsed.texts("h2") == [name])
        #expect(parsed.texts("td") == [name])
        #expect(parsed.texts("strong") == [name])
        #expect(!parsed.elements.contains { $0[0] == "script" })
        #expect(parsed.rows == [2, 2])
    }

    @Test("Text: the name is written as it is; control characters cannot reach the terminal", arguments: names)
    func text(name: String) throws {
        let text = TextWriter().write(Self.document(name))
        #expect(text.hasPrefix(name + "\n"))
        #expect(text.components(separatedBy: name).count >= 5)
        let hostile = TextWriter().write(Document(title: "a\u{1B}[31mb\nc\u{9B}d"))
        #expect(hostile == "a\u{FFFD}[31mb c\u{FFFD}d\n")
    }

    @Test("JSON: the name decodes back to itself", arguments: names)
    func json(name: String) throws {
        let text = try JSONOutput.encode(["name": name])
        #expect(try JSONDecoder().decode([String: String].self, from: Data(text.utf8)) == ["name": name])
    }

    @Test("JSON writes non-finite numbers as the strings its policy names")
    func nonFinite() throws {
        #expect(try JSONOutput.encode([Double.infinity, -.infinity, .nan, 1.5]) == "[\n  \"inf\",\n  \"-inf\",\n  \"nan\",\n  1.5\n]\n")
    }

    @Test("A capacity report of hostile names keeps every table row's cells in Markdown and HTML")
    func capacityTables() throws {
        let report = CapacityAnalyzer.analyze(EscapingTests.model)
        for (format, kind) in [(ReportFormat.markdown, "markdown"), (.html, "html")] {
            let parsed = try Self.parse(try ReportOutput.capacity(report, format: format), as: kind)
            let document = CapacityDocument.build(report)
            var expected: [Int] = []
            func collect(_ blocks: [Block]) {
                for block in blocks {
                    if case .table(let table) = block { expected += [table.headers.count] + table.rows.map(\.count) }
                    if case .section(let section) = block { collect(section.blocks) }
                }
            }
            collect(document.blocks)
            #expect(parsed.rows == expected, "\(kind)")
            let names = Set(parsed.texts("th") + parsed.texts("td"))
            for name in EscapingTests.hostileNames { #expect(names.contains(name), "\(kind): \(name)") }
        }
    }
}

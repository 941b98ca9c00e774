import Foundation
@testable import LintelRender
import Testing

/// The HTML writer's escaping, read back by an independent HTML parser (Python's `html.parser`): every
/// text, placed in an attribute value and in an element's content, parses back to itself and opens no tag.
@Suite("HTML escaping")
struct HTMLEscapeTests {
    static let texts = [
        "orders → payments 99.95%", "café Ā €", "a < b && c > d", "\"quoted\" and 'single'",
        "\"\u{301} onmouseover=alert(1) x=\"", "<\u{301}script>alert(1)</script>", "&amp; stays &amp;", "'\u{308}",
        "x\r\ny", "",
    ]

    @Test("each text survives a real HTML parser unchanged, in an attribute and in content")
    func parsedBack() throws {
        let page = Self.texts.map { "<p title=\"\(HTMLWriter.escape($0))\">\(HTMLWriter.escape($0))</p>" }.joined()
        let script = """
            import sys, json
            from html.parser import HTMLParser
            class P(HTMLParser):
                def __init__(self):
                    super().__init__(convert_charrefs=True); self.rows = []; self.tags = 0
                def handle_starttag(self, tag, attrs):
                    self.tags += 1; self.rows.append({"title": dict(attrs).get("title"), "text": ""})
                def handle_data(self, data):
                    if self.rows: self.rows[-1]["text"] += data
            p = P(); p.feed(sys.stdin.read()); p.close()
            print(json.dumps({"tags": p.tags, "rows": p.rows}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(page.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 is needed (scripts/test installs it)")
        struct Parsed: Decodable { var tags: Int; var rows: [Row] }
        struct Row: Decodable { var title: String?; var text: String }
        let parsed = try JSONDecoder().decode(Parsed.self, from: data)
        #expect(parsed.tags == Self.texts.count)
        for (row, text) in zip(parsed.rows, Self.texts) {
            // The parser normalises no line break inside an attribute or content, so each text reads back as written.
            #expect(row.title == text)
            #expect(row.text == text)
        }
    }

    @Test("text with nothing to escape is returned as it is")
    func unchanged() {
        #expect(HTMLWriter.escape("café Ā € 99.95%") == "café Ā € 99.95%")
    }
}

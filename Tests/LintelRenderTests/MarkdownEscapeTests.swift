import Foundation
@testable import LintelRender
import Testing

/// The Markdown writer's escaping, read back by a real CommonMark parser (markdown-it-py): each text, escaped
/// and parsed as a paragraph, is plain text again — no emphasis, code, link, HTML or table cell is made of it.
@Suite("Markdown escaping")
struct MarkdownEscapeTests {
    static let texts = [
        "s0_1 calls s1_2", "*not emphasis* and __not strong__", "`not code`", "<b>not html</b> & more",
        "[not a link](http://x)", "a | b | c", "~~not struck~~", "back\\slash", "`\u{301}mark", "*\u{308}",
        "café Ā €", "plain text",
    ]

    static let script = """
    import json, sys
    from markdown_it import MarkdownIt
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    out = []
    for text in json.load(sys.stdin):
        tokens = md.parse(text)
        inline = [t for t in tokens if t.type == "inline"]
        children = inline[0].children if inline else []
        out.append({"types": sorted(set(c.type for c in children)), "text": "".join(c.content for c in children if c.type == "text")})
    print(json.dumps(out))
    """

    struct Parsed: Decodable { var types: [String]; var text: String }

    @Test("each escaped text parses back to itself as plain text")
    func parsedBack() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(Self.texts.map(MarkdownWriter.escape)))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 with markdown-it-py is needed (scripts/test installs it)")
        let parsed = try JSONDecoder().decode([Parsed].self, from: data)
        for (row, text) in zip(parsed, Self.texts) {
            #expect(row.types == ["text"], "\(text): \(row.types)")
            #expect(row.text == text)
        }
    }

    @Test("line breaks and tabs become one space each, CR LF one space", arguments: [
        ("x\r\ny", "x y"), ("a\nb\tc", "a b c"), ("a\rb", "a b"),
    ])
    func breaks(_ example: (String, String)) {
        #expect(MarkdownWriter.escape(example.0) == example.1)
    }
}

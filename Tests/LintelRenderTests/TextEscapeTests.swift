@testable import LintelRender
import Testing

/// The text writer's one escaping policy: line breaks and tabs become spaces, every other C0 or C1 control
/// character the replacement character, so no name rewrites a terminal line; anything else is kept.
@Suite("Text escaping")
struct TextEscapeTests {
    @Test("controls are replaced, line breaks and tabs become spaces", arguments: [
        ("a\u{85}b\tc\u{1B}[2J", "a\u{FFFD}b c\u{FFFD}[2J"), ("x\r\ny", "x  y"), ("\u{7F}\u{9F}\u{0}", "\u{FFFD}\u{FFFD}\u{FFFD}"),
    ])
    func replaced(_ example: (String, String)) {
        #expect(TextWriter.escape(example.0) == example.1)
    }

    @Test("text without controls is returned as it is, non-ASCII included (é is C3 A9, Ā is C4 80, € is E2 82 AC)",
          arguments: ["orders → payments 99.95%", "café Ā €", "| * < > & \""])
    func kept(_ text: String) {
        #expect(TextWriter.escape(text) == text)
    }
}

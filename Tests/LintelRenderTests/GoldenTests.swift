import Foundation
import LintelModel
import LintelRender
import Testing

/// Whole diagrams of the order-system example, compared byte for byte with files reviewed by a person.
///
/// Re-record on purpose with `LINTEL_RECORD=1 swift test --filter LintelRenderTests`, then read the diff.
@Suite("Golden diagrams of the order-system example")
struct GoldenTests {
    static let cases: [(file: String, options: RenderOptions)] = [
        ("order-system.system.mmd", RenderOptions(format: .mermaid, view: .system)),
        ("order-system.system.dot", RenderOptions(format: .dot, view: .system)),
        ("order-system.checkout.mmd", RenderOptions(format: .mermaid, view: .sequence, flow: "checkout")),
        ("order-system.context.dot", RenderOptions(format: .dot, view: .context, grouping: .none)),
    ]

    @Test("each diagram matches its golden file", arguments: cases.map(\.file))
    func golden(name: String) throws {
        let options = try #require(Self.cases.first { $0.file == name }?.options)
        let model = try loadExample("order-system.yaml")
        let text = try DiagramRenderer.render(model, options: options).get()
        let url = RenderPaths.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LINTEL_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: RenderPaths.golden, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try #require(try? String(contentsOf: url, encoding: .utf8),
                                    "missing golden file \(url.path); record it with LINTEL_RECORD=1")
        #expect(text == expected, "\(name) differs from its golden file; if the change is intended, re-record with LINTEL_RECORD=1")
    }
}

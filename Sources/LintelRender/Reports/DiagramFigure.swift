import Foundation
import LintelModel

/// The system diagram as SVG to inline in a page: Graphviz draws the DOT that `DiagramRenderer` writes (every
/// name escaped there), and this cuts the XML prolog and comments and adds the text alternative.
enum DiagramFigure {
    /// Most components the page draws: Graphviz lays 1,000 out in about 5 s (`GraphvizRunner.defaultTimeout`),
    /// and a larger drawing is too dense to read on a page anyway.
    static let maximumComponents = 1_000

    static func svg(_ model: Model, overlay: DiagramOverlay, dot executable: String?) -> Result<String, SystemReport.DiagramProblem> {
        guard model.components.count <= maximumComponents else {
            return .failure(.init(message: "a system of \(model.components.count) components is too large to draw on the page "
                                  + "(at most \(maximumComponents)); `lintel render --view context` draws its bounded contexts", dot: ""))
        }
        let source: String
        switch DiagramRenderer.render(model, options: RenderOptions(format: .dot, view: .system, overlay: overlay)) {
        case .success(let text): source = text
        case .failure(let error): return .failure(.init(message: error.description, dot: ""))
        }
        guard let executable else {
            return .failure(.init(message: GraphvizRunner.Failure.notInstalled.description, dot: source))
        }
        switch GraphvizRunner.run(source, format: "svg", executable: executable) {
        case .success(let output):
            let label = "System diagram of \(model.system): \(model.components.count) components and their calls; "
                + "each component is coloured by its worst open finding and labelled with its peak load and utilisation."
            return inline(String(decoding: output.data, as: UTF8.self), label: label)
                .map { .success($0) } ?? .failure(.init(message: "Graphviz wrote no <svg> element", dot: source))
        case .failure(let failure):
            return .failure(.init(message: failure.description, dot: source))
        }
    }

    /// `svg` from its `<svg` on, without comments, with `role="img"` and `aria-label`.
    static func inline(_ svg: String, label: String) -> String? {
        guard let start = svg.range(of: "<svg") else { return nil }
        var text = String(svg[start.lowerBound...])
        while let open = text.range(of: "<!--"), let close = text.range(of: "-->", range: open.upperBound..<text.endIndex) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        let attributes = " class=\"diagram\" role=\"img\" aria-label=\"\(HTMLWriter.escape(label))\""
        text.replaceSubrange(text.startIndex..<text.index(text.startIndex, offsetBy: 4), with: "<svg" + attributes)
        // Graphviz gives the size in points; the page scales the drawing to its column instead.
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

import LintelModel

/// Draws a model as Mermaid or Graphviz DOT source.
///
/// Pure and deterministic: components, calls and flows appear in file order, identifiers
/// are derived from names (collision-free, see `DiagramIdentifiers`), and every name is
/// escaped for the target language. Overlays arrive as plain values in `RenderOptions`.
public enum DiagramRenderer {
    /// The diagram source for `model`, or why it cannot be drawn (a sequence view without flows or with an unknown flow).
    public static func render(_ model: Model, options: RenderOptions = RenderOptions()) -> Result<String, RenderError> {
        switch options.view {
        case .system:
            return .success(write(SystemViewBuilder.build(SemanticModel(model), options: options), format: options.format))
        case .context:
            return .success(write(ContextViewBuilder.build(model, options: options), format: options.format))
        case .sequence:
            return selectFlow(model, name: options.flow).map { flow in
                var builder = SequenceViewBuilder(semantics: SemanticModel(model), options: options)
                let diagram = builder.build(flow)
                switch options.format {
                case .mermaid: return MermaidSequenceWriter.write(diagram)
                case .dot: return DotSequenceWriter.write(diagram)
                }
            }
        }
    }

    /// The flow named `name`, or the first flow in file order when `name` is `nil`.
    public static func selectFlow(_ model: Model, name: String?) -> Result<Flow, RenderError> {
        guard let first = model.flows.first else { return .failure(.noFlows) }
        guard let name else { return .success(first) }
        guard let flow = model.flows.first(where: { $0.name == name }) else {
            return .failure(.unknownFlow(name, available: model.flows.map(\.name)))
        }
        return .success(flow)
    }

    private static func write(_ diagram: GraphDiagram, format: DiagramFormat) -> String {
        switch format {
        case .mermaid: MermaidGraphWriter.write(diagram)
        case .dot: DotGraphWriter.write(diagram)
        }
    }
}

import LintelModel

/// The diagram language of a rendering.
public enum DiagramFormat: String, Sendable, Codable, CaseIterable {
    /// Mermaid source (`flowchart` for the system and context views, `sequenceDiagram` for flows).
    case mermaid
    /// Graphviz DOT source; turn it into SVG with `GraphvizRunner`.
    case dot
}

/// What a diagram shows.
public enum DiagramView: String, Sendable, Codable, CaseIterable {
    /// Every component, grouped, with every call between them.
    case system
    /// The system as one box between its users and the external systems it depends on (C4 level 1).
    case context
    /// The calls one flow's request makes, in order.
    case sequence
}

/// How the system view clusters components.
public enum DiagramGrouping: String, Sendable, Codable, CaseIterable {
    /// By kind category: services, databases, caches, topics and queues, storage, external systems.
    case kind
    /// By domain context: the component's `context`, or the context whose entities it stores.
    case context
    /// No clusters.
    case none
}

/// Everything a rendering depends on besides the model.
public struct RenderOptions: Sendable, Codable, Equatable {
    public var format: DiagramFormat
    public var view: DiagramView
    public var grouping: DiagramGrouping
    /// The flow of a sequence view; the first flow in file order when `nil`.
    public var flow: String?
    /// Colours and annotations drawn on top of the components.
    public var overlay: DiagramOverlay
    /// Nested calls followed below a flow's last hop before the sequence view stops.
    public var sequenceDepthLimit: Int
    /// Messages drawn in one sequence view before it is cut short (guards against exponential fan-out).
    public var sequenceMessageLimit: Int

    public init(format: DiagramFormat = .mermaid, view: DiagramView = .system, grouping: DiagramGrouping = .kind,
                flow: String? = nil, overlay: DiagramOverlay = DiagramOverlay(),
                sequenceDepthLimit: Int = 8, sequenceMessageLimit: Int = 500) {
        self.format = format
        self.view = view
        self.grouping = grouping
        self.flow = flow
        self.overlay = overlay
        self.sequenceDepthLimit = sequenceDepthLimit
        self.sequenceMessageLimit = sequenceMessageLimit
    }
}

/// Why a diagram could not be drawn.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sequence view needs a flow and the model has none.
    case noFlows
    /// `--flow` names a flow the model does not have.
    case unknownFlow(String, available: [String])

    public var description: String {
        switch self {
        case .noFlows:
            "the sequence view draws a flow, and the model has no flows; add one under 'flows:'"
        case .unknownFlow(let name, let available):
            "unknown flow '\(name)'; the model has: \(available.joined(separator: ", "))"
        }
    }
}

import LintelModel

/// A diagram of boxes and arrows, independent of the language it is written in.
///
/// The system and context views build one; the Mermaid and DOT writers turn it into text.
struct GraphDiagram: Sendable, Equatable {
    var title: String
    var groups: [Group]
    var nodes: [Node]
    var edges: [Edge]
    /// True when the findings overlay is on, so the legend and clean colour apply.
    var showsFindings: Bool

    struct Group: Sendable, Equatable {
        var id: String
        var title: String
    }

    struct Node: Sendable, Equatable {
        var id: String
        /// The first line is the name; the others are details and overlays.
        var lines: [String]
        var shape: NodeShape
        /// Index into `groups`, or `nil` for a node outside every cluster.
        var group: Int?
        /// The finding colour, when the findings overlay is on.
        var status: NodeStatus?
    }

    struct Edge: Sendable, Equatable {
        var from: String
        var to: String
        var style: EdgeStyle
        var label: String
    }
}

/// How a node is drawn, from its kind.
enum NodeShape: String, Sendable, Equatable {
    case service, worker, gateway, database, cache, channel, broker, objectStorage, cdn, external, infrastructure
    /// Users or the Internet, outside the system.
    case actor
    /// The whole system as one box (context view).
    case system

    init(_ kind: ComponentKind) {
        switch kind {
        case .gateway, .loadBalancer: self = .gateway
        case .service, .function: self = .service
        case .worker: self = .worker
        case .objectStorage: self = .objectStorage
        case .cdn: self = .cdn
        default:
            switch kind.category {
            case .database: self = .database
            case .cache: self = .cache
            case .channel: self = .channel
            case .broker: self = .broker
            case .external: self = .external
            case .compute, .storage, .infrastructure: self = .infrastructure
            }
        }
    }
}

/// A node's colour under the findings overlay.
enum NodeStatus: String, Sendable, Equatable {
    case clean, info, warning, error

    init(_ severity: FindingSeverity?) {
        switch severity {
        case nil: self = .clean
        case .info?: self = .info
        case .warning?: self = .warning
        case .error?: self = .error
        }
    }

    var fill: String {
        switch self {
        case .clean: "#d4edda"
        case .info: "#d9ecff"
        case .warning: "#fff3cd"
        case .error: "#f8d7da"
        }
    }

    var stroke: String {
        switch self {
        case .clean: "#2e8b57"
        case .info: "#2f80ed"
        case .warning: "#b8860b"
        case .error: "#c0392b"
        }
    }
}

/// How an arrow is drawn.
enum EdgeStyle: String, Sendable, Equatable {
    /// A synchronous call: solid.
    case sync
    /// A publish or other asynchronous call: dashed.
    case async
    /// A topic or queue delivering to a consumer: dashed.
    case delivery
    /// Users reaching a public entry point: bold.
    case entry
}

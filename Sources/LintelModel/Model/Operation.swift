/// One thing a component does for its callers: an HTTP endpoint (`GET /v1/trips/{id}`) or an RPC,
/// with the entities it takes and returns, whether repeating it is safe, its own service time and
/// the calls it makes.
///
/// A flow that targets an operation (`flow.operation`) makes only that operation's calls at the
/// operation's component; a request that names no operation makes the component's own calls.
/// docs/semantics.md ("Operations") states the rules every engine follows.
public struct Operation: Sendable, Codable, Equatable {
    public var name: String
    public var description: String?
    /// The HTTP method, when the operation is an HTTP endpoint.
    public var method: HTTPMethod?
    /// The HTTP path template (`/v1/trips/{id}`), when the operation is an HTTP endpoint.
    public var path: String?
    /// The RPC name (`TripService.GetStatus`), when the operation is a remote procedure call.
    public var rpc: String?
    /// The entity the caller sends; `nil` when there is none or the model does not say.
    public var request: EntityReference?
    /// The entity the operation answers with; `nil` when there is none or the model does not say.
    public var response: EntityReference?
    /// Repeating the operation is harmless. Default: true for GET, PUT, DELETE, HEAD and OPTIONS;
    /// false for POST, PATCH and RPCs (`keyLocations["idempotent"]` is set when the model said so).
    public var idempotent: Bool
    /// The operation's own service time; `nil` uses the component's `latency`.
    public var latency: Latency?
    /// Positions in the component's `calls` of the calls this operation makes, in the order it makes them.
    /// A name alone in the operation's `calls` reuses the component's own call to that component, so two
    /// operations can share one declared call; other calls are appended to the component's `calls` with
    /// `declaredBy` set to this operation.
    public var calls: [Int]
    public var location: SourceLocation
    /// Where each key of this operation was written (`http`, `calls`, …).
    public var keyLocations: [String: SourceLocation]

    public init(name: String, method: HTTPMethod? = nil, path: String? = nil, rpc: String? = nil, idempotent: Bool? = nil,
                location: SourceLocation) {
        self.name = name
        self.method = method
        self.path = path
        self.rpc = rpc
        self.idempotent = idempotent ?? method?.isIdempotent ?? false
        self.calls = []
        self.location = location
        self.keyLocations = [:]
    }

    /// Where `key` was written, or where the operation was declared when the key is absent.
    public func location(of key: String) -> SourceLocation { keyLocations[key] ?? location }

    /// How the operation reads in output: `GET /v1/trips/{id}`, `rpc TripService.GetStatus`, or its name.
    public var signature: String {
        if let method, let path { return "\(method.rawValue) \(path)" }
        if let rpc { return "rpc \(rpc)" }
        return name
    }
}

extension Operation {
    /// Why `path` is not a path template (`/segment/{parameter}`), or `nil` when it is one.
    public static func pathTemplateProblem(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return "it must start with '/'" }
        if path.contains("?") || path.contains("#") { return "query strings and fragments are not part of the path" }
        if path.count > 1 && path.hasSuffix("/") { return "it must not end with '/'" }
        var parameters: Set<String> = []
        for segment in path.dropFirst().split(separator: "/", omittingEmptySubsequences: false) where path != "/" {
            if segment.isEmpty { return "it has an empty segment ('//')" }
            let opens = segment.filter { $0 == "{" }.count, closes = segment.filter { $0 == "}" }.count
            if opens == 0 && closes == 0 { continue }
            guard opens == 1, closes == 1, segment.hasPrefix("{"), segment.hasSuffix("}") else {
                return "a parameter must be a whole segment, like {id}"
            }
            let name = String(segment.dropFirst().dropLast())
            guard let first = name.first, first.isLetter || first == "_",
                  name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                return "parameter '{\(name)}' needs a name of letters, digits, '_' or '-'"
            }
            guard parameters.insert(name).inserted else { return "parameter '{\(name)}' appears twice" }
        }
        return nil
    }
}

/// The HTTP methods an operation may use (RFC 9110 §9; PATCH from RFC 5789).
public enum HTTPMethod: String, Sendable, Codable, CaseIterable {
    case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE", head = "HEAD", options = "OPTIONS"

    /// RFC 9110 §9.2.2: GET, HEAD, OPTIONS, PUT and DELETE are idempotent; POST and PATCH are not.
    public var isIdempotent: Bool {
        switch self {
        case .get, .head, .options, .put, .delete: true
        case .post, .patch: false
        }
    }
}

/// A domain entity named as an operation's request or response: `Trip`, or `list(Trip)` for a collection.
public struct EntityReference: Sendable, Codable, Equatable, CustomStringConvertible {
    public var entity: String
    /// True for a collection of the entity (`list(Trip)`).
    public var isList: Bool

    public init(entity: String, isList: Bool = false) {
        self.entity = entity
        self.isList = isList
    }

    /// Reads `Trip` or `list(Trip)`; `nil` when the text is neither.
    public init?(parsing text: String) {
        let trimmed = text.trimmed
        var name = Substring(trimmed)
        var list = false
        if trimmed.hasPrefix("list(") && trimmed.hasSuffix(")") {
            name = trimmed.dropFirst(5).dropLast()
            list = true
        }
        let entity = String(name).trimmed
        guard !entity.isEmpty, entity.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        self.init(entity: entity, isList: list)
    }

    public var description: String { isList ? "list(\(entity))" : entity }
}

/// The operation a flow targets: `component.operation`, e.g. `trips.get-status`.
public struct OperationReference: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    public var component: String
    public var operation: String

    public init(component: String, operation: String) {
        self.component = component
        self.operation = operation
    }

    /// Splits `trips.get-status` at its last dot (operation names contain no dot; component names may).
    /// A bare name (`get-status`) names an operation of `defaultComponent`.
    public init?(parsing text: String, defaultComponent: String?) {
        let trimmed = text.trimmed
        if let dot = trimmed.lastIndex(of: ".") {
            let component = String(trimmed[..<dot]), operation = String(trimmed[trimmed.index(after: dot)...])
            guard !component.isEmpty, !operation.isEmpty else { return nil }
            self.init(component: component, operation: operation)
        } else {
            guard !trimmed.isEmpty, let defaultComponent else { return nil }
            self.init(component: defaultComponent, operation: trimmed)
        }
    }

    public var description: String { "\(component).\(operation)" }
}

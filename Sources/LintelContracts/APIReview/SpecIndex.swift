import OpenAPIKit

/// The operations of a document in a stable order, and reference resolution for their parts.
struct SpecIndex {
    struct Endpoint {
        var path: String
        var method: String
        var operation: OpenAPI.Operation
        /// Path-level parameters followed by the operation's own, resolved.
        var parameters: [OpenAPI.Parameter]

        /// `GET /pets`.
        var label: String { "\(method) \(path)" }
        /// The YAML keys of the operation, for its location.
        var keys: [String] { ["paths", path, method.lowercased()] }
    }

    let document: OpenAPI.Document
    let endpoints: [Endpoint]

    init(_ document: OpenAPI.Document) {
        self.document = document
        var endpoints: [Endpoint] = []
        for (path, either) in document.paths {
            guard let item = document.components[either] else { continue }
            let shared = item.parameters.compactMap { document.components[$0] }
            for endpoint in item.endpoints {
                let own = endpoint.operation.parameters.compactMap { document.components[$0] }
                // An operation's parameter overrides a path-level one of the same name and location.
                let merged = shared.filter { base in !own.contains { $0.name == base.name && $0.location == base.location } } + own
                endpoints.append(Endpoint(path: path.rawValue, method: endpoint.method.rawValue, operation: endpoint.operation,
                                          parameters: merged))
            }
        }
        let order = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY"]
        self.endpoints = endpoints.sorted {
            ($0.path, order.firstIndex(of: $0.method) ?? order.count, $0.method)
                < ($1.path, order.firstIndex(of: $1.method) ?? order.count, $1.method)
        }
    }

    /// Follows `$ref`s (at most 16, so a cycle of references ends).
    func resolve(_ schema: JSONSchema) -> JSONSchema {
        var current = schema
        for _ in 0..<16 {
            guard case .reference = current.value, let target = document.components[current] else { return current }
            current = target
        }
        return current
    }

    /// The component name a schema refers to, if it is a reference.
    func referenceName(_ schema: JSONSchema) -> String? {
        if case .reference(let reference, _) = schema.value { return reference.name }
        return nil
    }

    func schema(of parameter: OpenAPI.Parameter) -> JSONSchema? {
        guard let context = parameter.schemaOrContent.schemaContextValue else { return nil }
        return context.schema.b ?? context.schema.a.flatMap { document.components[$0] }
    }

    /// The success (2xx) responses of an operation, resolved, with their status codes.
    func successResponses(_ endpoint: Endpoint) -> [(status: String, response: OpenAPI.Response)] {
        endpoint.operation.responses.compactMap { status, either in
            guard status.isSuccess, let response = document.components[either] else { return nil }
            return (status.rawValue, response)
        }
    }

    /// The error responses (4xx, 5xx, default), resolved.
    func errorResponses(_ endpoint: Endpoint) -> [(status: String, response: OpenAPI.Response)] {
        endpoint.operation.responses.compactMap { status, either in
            guard !status.isSuccess, status.rawValue.first != "1", status.rawValue.first != "3",
                  let response = document.components[either] else { return nil }
            return (status.rawValue, response)
        }
    }

    /// The JSON (or any) schemas of a response's or request's content, in content order.
    func schemas(_ content: OpenAPI.Content.Map) -> [(type: String, schema: JSONSchema)] {
        content.compactMap { type, either in
            guard let content = document.components[either], let schema = content.schema else { return nil }
            return (type.rawValue, schema)
        }
    }

    func requestBody(_ endpoint: Endpoint) -> OpenAPI.Request? {
        endpoint.operation.requestBody.flatMap { document.components[$0] }
    }
}

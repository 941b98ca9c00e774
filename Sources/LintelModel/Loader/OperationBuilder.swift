/// Builds a component's `operations` from a validated mapping and checks what can be checked
/// locally: the `http` method and path, `rpc`, request and response syntax, duplicates.
/// Entities and the targets of the operations' calls are checked by `ReferenceChecker`.
struct OperationBuilder {
    private(set) var diagnostics: [Diagnostic] = []

    /// Adds the operations written under `tree` (the component's `operations` value) to `component`,
    /// appending the calls only an operation makes to `component.calls`.
    mutating func build(_ tree: YAMLTree?, into component: inout Component) {
        guard let entries = tree?.entries else { return }
        let calls = ComponentBuilder()
        var signatures: [String: String] = [:]
        for entry in entries {
            var operation = Operation(name: entry.key, location: entry.keyLocation)
            if entry.key.contains(".") || entry.key.contains(where: \.isWhitespace) {
                error("operation name '\(entry.key)' must not contain dots or spaces", at: entry.keyLocation,
                      hint: "flows name operations as component.operation, so the name itself has no dot")
            }
            let fields = FieldReader(entry.value)
            operation.keyLocations = fields.keyLocations
            operation.description = fields.string("description")
            if let text = fields.string("http") {
                let at = fields.valueLocation("http") ?? entry.keyLocation
                if let (method, path) = http(text, at: at) {
                    operation.method = method
                    operation.path = path
                }
            }
            if let rpc = fields.string("rpc") {
                if rpc.trimmed.isEmpty || rpc.contains(where: \.isWhitespace) {
                    error("'rpc' must be a procedure name without spaces, like TripService.GetStatus", at: fields.valueLocation("rpc") ?? entry.keyLocation)
                } else {
                    operation.rpc = rpc
                }
            }
            if fields["http"] != nil, fields["rpc"] != nil {
                error("operation '\(entry.key)' has both 'http' and 'rpc'; give one", at: fields.location("rpc") ?? entry.keyLocation)
            }
            for key in ["request", "response"] {
                guard let text = fields.string(key) else { continue }
                guard let reference = EntityReference(parsing: text) else {
                    error("'\(key)' must name an entity, like Trip or list(Trip), not '\(text)'", at: fields.valueLocation(key) ?? entry.keyLocation)
                    continue
                }
                if key == "request" { operation.request = reference } else { operation.response = reference }
            }
            operation.idempotent = fields.bool("idempotent") ?? operation.method?.isIdempotent ?? false
            if let node = fields["latency"] { operation.latency = calls.latency(node) }
            for (key, mode) in [("calls", nil), ("publishes", CallMode.async)] as [(String, CallMode?)] {
                for item in fields[key]?.items ?? [] {
                    if let name = item.scalar, let shared = component.calls.firstIndex(where: { $0.to == name && $0.declaredBy == nil }) {
                        // A name alone reuses the component's own call to that component (its timeout, retries, …).
                        operation.calls.append(shared)
                    } else if var call = calls.call(item, defaultMode: mode) {
                        call.declaredBy = operation.name
                        operation.calls.append(component.calls.count)
                        component.calls.append(call)
                    }
                }
            }
            if operation.signature != operation.name {
                if let other = signatures[operation.signature] {
                    error("'\(operation.signature)' is declared by both '\(other)' and '\(operation.name)'",
                          at: operation.location(of: operation.rpc != nil ? "rpc" : "http"), hint: "each endpoint of '\(component.name)' belongs to one operation")
                } else {
                    signatures[operation.signature] = operation.name
                }
            }
            component.operations.append(operation)
        }
    }

    /// Reads `METHOD /path`; reports and returns `nil` when either part is malformed.
    private mutating func http(_ text: String, at location: SourceLocation) -> (HTTPMethod, String)? {
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2 else {
            error("'http' must be a method and a path, like GET /v1/trips/{id}, not '\(text)'", at: location)
            return nil
        }
        let word = parts[0].uppercased()
        guard let method = HTTPMethod(rawValue: word) else {
            let names = HTTPMethod.allCases.map(\.rawValue)
            let hint = Suggestion.closest(to: word, in: names).map { "did you mean '\($0)'? " } ?? ""
            error("unknown HTTP method '\(parts[0])'", at: location, hint: hint + "expected one of: \(names.joined(separator: ", "))")
            return nil
        }
        let path = String(parts[1])
        if let problem = Operation.pathTemplateProblem(path) {
            error("bad path '\(path)': \(problem)", at: location, hint: "write a path template like /v1/trips/{id}")
            return nil
        }
        return (method, path)
    }

    private mutating func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: location, hint: hint))
    }
}

import LintelModel
import OpenAPIKit

extension OpenAPIGenerator {
    /// Paths from the model's HTTP operations: the declared method and path (under `/v1` unless the path
    /// carries a version), the request and response entities, pagination on a `list(...)` response, an
    /// `Idempotency-Key` on a POST that is not idempotent. RPC operations have no HTTP path and are left out.
    static func operationPaths(_ plan: APIPlan, context: BuildContext) -> [(String, OpenAPI.PathItem)] {
        var items: [String: OpenAPI.PathItem] = [:]
        var order: [String] = []
        for item in plan.operations {
            guard let method = item.operation.method, let declared = item.operation.path else { continue }
            let path = versioned(declared)
            var pathItem = items[path] ?? OpenAPI.PathItem()
            let builtin = openAPIMethod(method)
            guard pathItem.for(builtin) == nil else { continue } // a second operation on the same method and path
            pathItem.set(operation: operation(item, path: path, entities: plan.entities, context: context), for: builtin)
            if items[path] == nil { order.append(path) }
            items[path] = pathItem
        }
        return order.compactMap { path in items[path].map { (path, $0) } }
    }

    /// `/trips/{id}` → `/v1/trips/{id}`; a path that already has a `/vN` segment is kept.
    static func versioned(_ path: String) -> String {
        let hasVersion = path.split(separator: "/").contains { segment in
            segment.count >= 2 && segment.first == "v" && segment.dropFirst().allSatisfy(\.isNumber)
        }
        if hasVersion { return path }
        return path == "/" ? "/\(pathVersion)" : "/\(pathVersion)\(path)"
    }

    static func openAPIMethod(_ method: HTTPMethod) -> OpenAPI.HttpMethod {
        switch method {
        case .get: .get
        case .post: .post
        case .put: .put
        case .patch: .patch
        case .delete: .delete
        case .head: .head
        case .options: .options
        }
    }

    static func operation(_ item: APIPlan.ServiceOperation, path: String, entities: [Entity], context: BuildContext) -> OpenAPI.Operation {
        let operation = item.operation
        let entity: (EntityReference?) -> Entity? = { reference in
            reference.flatMap { reference in entities.first { $0.name == reference.entity } }
        }
        var parameters: OpenAPI.Parameter.Array = pathParameters(path, entities: [entity(operation.response), entity(operation.request)].compactMap { $0 })
            .map { .b($0) }
        var errors: [String] = []
        if !parameters.isEmpty { errors.append("NotFound") }
        if let response = operation.response, response.isList {
            parameters += [.reference(.component(named: "Cursor")), .reference(.component(named: "Limit"))]
            errors.append("BadRequest")
        }
        let method = operation.method ?? .get
        if method == .post && !operation.idempotent {
            parameters.append(.reference(.component(named: "IdempotencyKey")))
        }
        if [.post, .put, .patch].contains(method) { errors.append("Conflict") }

        var requestBody: OpenAPI.Request?
        if let request = operation.request, let requestEntity = entity(request) {
            if !errors.contains("BadRequest") { errors.append("BadRequest") }
            let schema: JSONSchema
            let example: AnyCodable
            if request.isList {
                schema = .array(maxItems: EntitySchemas.maxPageSize, items: .reference(.component(named: "\(requestEntity.name)Input")))
                example = AnyCodable([EntitySchemas.example(requestEntity, withKey: false)])
            } else {
                schema = .reference(.component(named: "\(requestEntity.name)\(method == .patch ? "Patch" : "Input")"))
                example = EntitySchemas.example(requestEntity, withKey: false)
            }
            let type: OpenAPI.ContentType = method == .patch ? SharedComponents.mergePatchType : .json
            requestBody = OpenAPI.Request(content: [type: .b(OpenAPI.Content(schema: schema, example: example))], required: true)
        }

        let success: (Int, OpenAPI.Response)
        if let response = operation.response, let responseEntity = entity(response) {
            let content: OpenAPI.Content
            if response.isList {
                content = OpenAPI.Content(
                    schema: .reference(.component(named: "\(responseEntity.name)Page")),
                    example: AnyCodable(["data": AnyCodable([EntitySchemas.example(responseEntity, withKey: true)]),
                                         "next_cursor": AnyCodable("eyJpZCI6MTAwfQ")] as [String: AnyCodable]))
            } else {
                content = OpenAPI.Content(schema: .reference(.component(named: responseEntity.name)),
                                          example: EntitySchemas.example(responseEntity, withKey: true))
            }
            success = (200, OpenAPI.Response(description: response.isList ? "A page of \(responseEntity.name) items." : "The \(responseEntity.name).",
                                             headers: successHeaders(context), content: [.json: .b(content)]))
        } else {
            success = (204, OpenAPI.Response(description: "Done.", headers: successHeaders(context)))
        }
        let operationID = Naming.camel("\(item.service)-\(operation.name)")
        let summary = operation.description ?? "\(operation.name) (\(operation.idempotent ? "idempotent" : "not idempotent"))"
        if let requestBody {
            return OpenAPI.Operation(tags: [item.service], summary: summary, operationId: operationID, parameters: parameters,
                                     requestBody: requestBody, responses: responses(success: success, errors: errors, context: context))
        }
        return OpenAPI.Operation(tags: [item.service], summary: summary, operationId: operationID, parameters: parameters,
                                 responses: responses(success: success, errors: errors, context: context))
    }

    /// One required path parameter per `{name}` segment, typed like the entity field of that name
    /// (`{id}` is the entity's generated uuid key), else a string.
    static func pathParameters(_ path: String, entities: [Entity]) -> [OpenAPI.Parameter] {
        path.split(separator: "/").compactMap { segment -> OpenAPI.Parameter? in
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return nil }
            let name = String(segment.dropFirst().dropLast())
            var schema: JSONSchema = .string
            if var field = entities.lazy.compactMap({ $0.fields.first { $0.name == name } }).first {
                field.nullable = false
                schema = EntitySchemas.schema(field)
            } else if name == "id" || name.hasSuffix("_id") {
                schema = .string(format: .uuid)
            }
            return .path(name: name, schema: schema)
        }
    }
}

import Foundation
import LintelModel
import OpenAPIKit

/// Builds OpenAPI 3.1 documents from a model: one per service, or one for the public API behind the gateway.
///
/// Each entity becomes a collection (`GET` list with cursor pagination, `POST` create with an
/// `Idempotency-Key`) and an item (`GET`, `PATCH` as JSON Merge Patch, `DELETE`) under `/v1`;
/// errors are RFC 9457 problems; rate-limit headers appear where the model has a rate limit.
public enum OpenAPIGenerator {
    /// The API version every path starts with.
    public static let pathVersion = "v1"

    /// One generated document and the file stem it is written under.
    public struct Output: Sendable {
        public var name: String
        public var document: OpenAPI.Document
    }

    /// Every document the model implies, sorted by name; empty when it has no entities to expose.
    public static func documents(for model: Model) -> [Output] {
        APIPlan.plans(for: model).map { Output(name: $0.name, document: document($0)) }.sorted { $0.name < $1.name }
    }

    /// The document for one plan.
    public static func document(_ plan: APIPlan) -> OpenAPI.Document {
        let security = plan.auth.flatMap(SharedComponents.securityScheme)
        let context = BuildContext(auth: security != nil, rateLimit: plan.rateLimit)

        var paths: [(String, OpenAPI.PathItem)] = []
        for placement in plan.resources {
            paths.append(contentsOf: resourcePaths(placement, context: context))
        }
        paths.sort { $0.0 < $1.0 }
        var pathMap = OpenAPI.PathItem.Map()
        for (path, item) in paths { pathMap[OpenAPI.Path(rawValue: path)] = .pathItem(item) }

        var schemas: [(String, JSONSchema)] = [("Problem", SharedComponents.problem)]
        for placement in plan.resources {
            let entity = placement.entity
            schemas.append((entity.name, EntitySchemas.representation(entity)))
            schemas.append(("\(entity.name)Input", EntitySchemas.input(entity)))
            schemas.append(("\(entity.name)Patch", EntitySchemas.patch(entity)))
            schemas.append(("\(entity.name)Page", EntitySchemas.page(entity)))
        }
        var parameters: [(String, OpenAPI.Parameter)] = [
            ("Cursor", SharedComponents.cursor), ("Limit", SharedComponents.limit), ("IdempotencyKey", SharedComponents.idempotencyKey),
        ]
        parameters.sort { $0.0 < $1.0 }
        var headers: [(String, OpenAPI.Header)] = plan.rateLimit.map(SharedComponents.rateLimitHeaders) ?? []
        headers.sort { $0.0 < $1.0 }

        var components = OpenAPI.Components()
        for (name, schema) in schemas.sorted(by: { $0.0 < $1.0 }) { components.schemas[.init(stringLiteral: name)] = schema }
        for (name, parameter) in parameters { components.parameters[.init(stringLiteral: name)] = .b(parameter) }
        for (name, header) in headers { components.headers[.init(stringLiteral: name)] = .b(header) }
        for error in SharedComponents.errorResponses(auth: context.auth, rateLimited: context.rateLimit != nil) {
            components.responses[.init(stringLiteral: error.name)] = .b(error.response)
        }
        var requirements: [OpenAPI.SecurityRequirement] = []
        if let security {
            components.securitySchemes[.init(stringLiteral: security.name)] = .b(security.scheme)
            requirements = [[.component(named: security.name): []]]
        }

        var description = plan.description
        if let rate = plan.rateLimit { description += " Rate limit: \(rate) (RateLimit-* headers on every response, 429 beyond it)." }
        return OpenAPI.Document(
            openAPIVersion: .v3_1_1,
            info: .init(title: plan.title, description: description, version: "1.0.0"),
            servers: [],
            paths: pathMap,
            components: components,
            security: requirements,
            tags: plan.services.sorted().map { OpenAPI.Tag(name: $0) })
    }

    struct BuildContext {
        var auth: Bool
        var rateLimit: Rate?
    }

    /// The collection and item paths of one entity.
    static func resourcePaths(_ placement: Ownership.Placement, context: BuildContext) -> [(String, OpenAPI.PathItem)] {
        let entity = placement.entity
        let tag = placement.service.map { [$0] }
        let collection = "/\(pathVersion)/\(Naming.collectionSegment(entity.name))"
        let keyParameters: [OpenAPI.Parameter] = entity.key.map { key in
            let field = entity.fields.first { $0.name == key }
            let schema = field.map { EntitySchemas.schema($0).requiredSchemaObject() } ?? .string(format: .uuid)
            return .path(name: pathParameterName(key, entity: entity), schema: schema, description: "The \(entity.name)'s \(key).")
        }
        let item = collection + keyParameters.map { "/{\($0.name)}" }.joined()
        let pascal = entity.name
        let plural = Naming.pascal(Naming.plural(Naming.snake(entity.name)))

        let list = OpenAPI.Operation(
            tags: tag, summary: "List \(plural.lowercased())", operationId: "list\(plural)",
            parameters: [.reference(.component(named: "Cursor")), .reference(.component(named: "Limit"))]
                + filterParameters(entity).map { .b($0) },
            responses: responses(
                success: (200, OpenAPI.Response(
                    description: "A page of \(entity.name) items.", headers: successHeaders(context),
                    content: [.json: .b(OpenAPI.Content(
                        schema: .reference(.component(named: "\(pascal)Page")),
                        example: AnyCodable(["data": AnyCodable([EntitySchemas.example(entity, withKey: true)]),
                                             "next_cursor": AnyCodable("eyJpZCI6MTAwfQ")] as [String: AnyCodable])))])),
                errors: ["BadRequest"], context: context))
        let create = OpenAPI.Operation(
            tags: tag, summary: "Create a \(entity.name)", operationId: "create\(pascal)",
            parameters: [.reference(.component(named: "IdempotencyKey"))],
            requestBody: OpenAPI.Request(content: [.json: .b(OpenAPI.Content(
                schema: .reference(.component(named: "\(pascal)Input")), example: EntitySchemas.example(entity, withKey: false)))],
                required: true),
            responses: responses(
                success: (201, OpenAPI.Response(
                    description: "Created; a retry with the same Idempotency-Key returns this response again.",
                    headers: successHeaders(context, extra: [("Location", OpenAPI.Header(
                        schema: .string(format: .other("uri-reference")), description: "The new \(entity.name)'s URL."))]),
                    content: representation(entity))),
                errors: ["BadRequest", "Conflict"], context: context))
        let get = OpenAPI.Operation(
            tags: tag, summary: "Get a \(entity.name)", operationId: "get\(pascal)",
            responses: responses(
                success: (200, OpenAPI.Response(description: "The \(entity.name).", headers: successHeaders(context),
                                                content: representation(entity))),
                errors: ["NotFound"], context: context))
        let update = OpenAPI.Operation(
            tags: tag, summary: "Change a \(entity.name)", operationId: "update\(pascal)",
            requestBody: OpenAPI.Request(content: [SharedComponents.mergePatchType: .b(OpenAPI.Content(
                schema: .reference(.component(named: "\(pascal)Patch"))))], required: true),
            responses: responses(
                success: (200, OpenAPI.Response(description: "The changed \(entity.name).", headers: successHeaders(context),
                                                content: representation(entity))),
                errors: ["BadRequest", "NotFound", "Conflict"], context: context))
        let delete = OpenAPI.Operation(
            tags: tag, summary: "Delete a \(entity.name)", operationId: "delete\(pascal)",
            responses: responses(
                success: (204, OpenAPI.Response(description: "Deleted; deleting again returns 404.", headers: successHeaders(context))),
                errors: ["NotFound"], context: context))
        return [
            (collection, OpenAPI.PathItem(get: list, post: create)),
            (item, OpenAPI.PathItem(parameters: keyParameters.map { .b($0) }, get: get, delete: delete, patch: update)),
        ]
    }

    /// `id` of `Order` → `order_id`; other key fields keep their names.
    static func pathParameterName(_ key: String, entity: Entity) -> String {
        key == "id" ? "\(Naming.snake(entity.name))_id" : key
    }

    /// Optional equality filters for the fields the model's query patterns look entities up by.
    static func filterParameters(_ entity: Entity) -> [OpenAPI.Parameter] {
        var names: [String] = []
        for query in entity.queries { for name in query.by where !names.contains(name) { names.append(name) } }
        return names.sorted().compactMap { name -> OpenAPI.Parameter? in
            guard var field = entity.fields.first(where: { $0.name == name }) else { return nil }
            field.nullable = false
            return .query(name: name, schema: EntitySchemas.schema(field),
                          description: "Only \(entity.name) items with this \(name) (a declared query pattern).")
        }
    }

    static func representation(_ entity: Entity) -> OpenAPI.Content.Map {
        [.json: .b(OpenAPI.Content(schema: .reference(.component(named: entity.name)),
                                   example: EntitySchemas.example(entity, withKey: true)))]
    }

    static func successHeaders(_ context: BuildContext, extra: [(String, OpenAPI.Header)] = []) -> OpenAPI.Header.Map? {
        var map = OpenAPI.Header.Map()
        var entries: [(String, Either<OpenAPI.Reference<OpenAPI.Header>, OpenAPI.Header>)] = extra.map { ($0.0, .b($0.1)) }
        if context.rateLimit != nil {
            entries += SharedComponents.rateLimitHeaderNames.map { ($0, .reference(.component(named: $0))) }
        }
        for (name, header) in entries.sorted(by: { $0.0 < $1.0 }) { map[name] = header }
        return map.isEmpty ? nil : map
    }

    /// The success response, the named error responses, 401/429 where they apply, and `default`.
    static func responses(success: (Int, OpenAPI.Response), errors: [String], context: BuildContext) -> OpenAPI.Response.Map {
        var statuses: [(Int, String)] = errors.map { name in
            (SharedComponents.errorResponses(auth: true, rateLimited: true).first { $0.name == name }?.status ?? 500, name)
        }
        if context.auth { statuses.append((401, "Unauthorized")) }
        if context.rateLimit != nil { statuses.append((429, "TooManyRequests")) }
        var map = OpenAPI.Response.Map()
        map[.status(code: success.0)] = .b(success.1)
        for (status, name) in statuses.sorted(by: { $0.0 < $1.0 }) {
            map[.status(code: status)] = .reference(.component(named: name))
        }
        map[.default] = .reference(.component(named: "Error"))
        return map
    }
}

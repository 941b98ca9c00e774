import LintelModel
import OpenAPIKit
import Foundation

/// The components every generated document shares: the RFC 9457 problem, pagination parameters,
/// the idempotency key, rate-limit headers, error responses and the security scheme.
enum SharedComponents {
    static let problemType = OpenAPI.ContentType(rawValue: "application/problem+json") ?? .json
    static let mergePatchType = OpenAPI.ContentType(rawValue: "application/merge-patch+json") ?? .json

    /// RFC 9457 problem details; extension members are allowed.
    static var problem: JSONSchema {
        .object(
            title: "Problem",
            description: "RFC 9457 problem details.",
            properties: [
                "type": .string(format: .other("uri-reference"), required: false, description: "Identifies the problem type.",
                                defaultValue: "about:blank"),
                "title": .string(required: false, description: "Short, human-readable summary of the problem type."),
                "status": .integer(required: false, maximum: (599, exclusive: false), minimum: (100, exclusive: false)),
                "detail": .string(required: false, description: "Explanation specific to this occurrence."),
                "instance": .string(format: .other("uri-reference"), required: false),
            ])
    }

    static func problemResponse(_ description: String, status: Int, title: String, headers: OpenAPI.Header.Map? = nil) -> OpenAPI.Response {
        let example: AnyCodable = AnyCodable([
            "type": AnyCodable("about:blank"), "title": AnyCodable(title), "status": AnyCodable(status),
        ] as [String: AnyCodable])
        return OpenAPI.Response(
            description: description, headers: headers,
            content: [problemType: .b(OpenAPI.Content(schema: .reference(.component(named: "Problem")), example: example))])
    }

    /// Error responses by component name, with their status codes; 401 only with auth, 429 only with a rate limit.
    static func errorResponses(auth: Bool, rateLimited: Bool) -> [(name: String, status: Int, response: OpenAPI.Response)] {
        var responses: [(String, Int, OpenAPI.Response)] = [
            ("BadRequest", 400, problemResponse("The request is malformed or violates the schema.", status: 400, title: "Bad Request")),
            ("NotFound", 404, problemResponse("No resource has this id.", status: 404, title: "Not Found")),
            ("Conflict", 409, problemResponse("The request conflicts with the resource's state, or an Idempotency-Key was reused with another body.",
                                              status: 409, title: "Conflict")),
            ("Error", 500, problemResponse("An unexpected error.", status: 500, title: "Internal Server Error")),
        ]
        if auth {
            responses.append(("Unauthorized", 401, problemResponse("Missing or invalid credentials.", status: 401, title: "Unauthorized")))
        }
        if rateLimited {
            responses.append(("TooManyRequests", 429, problemResponse(
                "The client exceeded its rate limit; retry after Retry-After seconds.", status: 429, title: "Too Many Requests",
                headers: ["Retry-After": .reference(.component(named: "Retry-After"))])))
        }
        return responses.sorted { $0.0 < $1.0 }
    }

    /// Rate-limit headers (IETF draft "RateLimit header fields for HTTP", the widely deployed
    /// RateLimit-Limit/-Remaining/-Reset form) and Retry-After (RFC 9110).
    static func rateLimitHeaders(_ rate: Rate) -> [(String, OpenAPI.Header)] {
        let perSecond = max(1, Int(min(rate.perSecond.rounded(), Double(Int32.max))))
        return [
            ("RateLimit-Limit", OpenAPI.Header(schema: .integer(minimum: (0, exclusive: false), examples: [AnyCodable(perSecond)]),
                                               description: "Requests allowed in the current window (the model's limit is \(rate)).")),
            ("RateLimit-Remaining", OpenAPI.Header(schema: .integer(minimum: (0, exclusive: false)),
                                                   description: "Requests left in the current window.")),
            ("RateLimit-Reset", OpenAPI.Header(schema: .integer(minimum: (0, exclusive: false)),
                                               description: "Seconds until the window resets.")),
            ("Retry-After", OpenAPI.Header(schema: .integer(minimum: (0, exclusive: false)),
                                           description: "Seconds to wait before retrying.")),
        ]
    }

    static let rateLimitHeaderNames = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]

    static var cursor: OpenAPI.Parameter {
        .query(name: "cursor", schema: .string(minLength: 1),
               description: "Opaque cursor from a previous page's next_cursor; omit for the first page.")
    }

    static var limit: OpenAPI.Parameter {
        .query(name: "limit",
               schema: .integer(maximum: (EntitySchemas.maxPageSize, exclusive: false), minimum: (1, exclusive: false),
                                defaultValue: AnyCodable(EntitySchemas.defaultPageSize)),
               description: "Items per page.")
    }

    static var idempotencyKey: OpenAPI.Parameter {
        .header(name: "Idempotency-Key", required: true, schema: .string(minLength: 1, maxLength: 255),
                description: "A unique key per logical request (IETF draft Idempotency-Key header): a retry with the same key returns the first result instead of creating twice.")
    }

    /// The security scheme for the model's `auth`, by component name.
    static func securityScheme(_ auth: AuthMethod) -> (name: String, scheme: OpenAPI.SecurityScheme)? {
        switch auth {
        case .none: return nil
        case .jwt: return ("bearerAuth", .http(scheme: "bearer", bearerFormat: "JWT", description: "A JWT in the Authorization header."))
        case .oauth2:
            guard let token = URL(string: "/oauth/token") else { return nil }
            return ("oauth2", .oauth2(flows: .init(clientCredentials: .init(tokenUrl: token, scopes: [:])),
                                      description: "OAuth 2.0 access tokens (the token URL is relative to the server)."))
        case .oidc:
            guard let url = URL(string: "/.well-known/openid-configuration") else { return nil }
            return ("openIdConnect", .openIdConnect(url: url, description: "OpenID Connect."))
        case .mtls: return ("mutualTLS", .mutualTLS(description: "Client certificates (mutual TLS)."))
        case .apiKey: return ("apiKey", .apiKey(name: "X-API-Key", location: .header, description: "An API key in the X-API-Key header."))
        case .basic: return ("basicAuth", .http(scheme: "basic", description: "HTTP Basic authentication."))
        case .session: return ("sessionCookie", .apiKey(name: "session", location: .cookie, description: "A session cookie."))
        }
    }
}

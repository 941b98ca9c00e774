import LintelModel
import LintelReview
import OpenAPIKit

/// The checks an architect makes on an API that schema linters miss.
enum DesignRules {
    static let all: [APIRule] = [pagination, idempotencyKey, errorSchema, problemDetails, versioning, unboundedArrays, naming]

    static let paginationParameters: Set<String> = [
        "cursor", "page", "offset", "page_token", "pagetoken", "after", "before", "starting_after", "ending_before",
        "start", "marker", "continuation_token", "continuationtoken", "skip", "page_number", "pagenumber", "since",
    ]

    static let pagination = APIRule(
        id: "api-list-without-pagination", title: "A list without pagination", category: .capacity, severity: .warning,
        rationale: "A list that returns everything grows with the data: responses, memory and latency grow until clients time out.",
        remedy: "Add cursor pagination: a `cursor` and a bounded `limit` parameter and a `next_cursor` (or a Link header) in the response."
    ) { rule, context in
        context.index.endpoints.filter { $0.method == "GET" }.compactMap { endpoint -> Finding? in
            guard let list = listDescription(endpoint, index: context.index), !isPaginated(endpoint, index: context.index) else { return nil }
            return rule.finding(
                "\(endpoint.label) returns a list (\(list)) with no cursor, page or offset parameter and no next link: clients must fetch everything at once",
                about: [endpoint.label], at: context.spec.locator.location(endpoint.keys))
        }
    }

    /// What a GET returns when it is a list: "array of Pet", or "dataSetList.apis"; nil when it is not a list.
    static func listDescription(_ endpoint: SpecIndex.Endpoint, index: SpecIndex) -> String? {
        for (_, response) in index.successResponses(endpoint) {
            for (_, schema) in index.schemas(response.content) {
                let resolved = index.resolve(schema)
                if let items = resolved.arrayContext?.items {
                    return "array of \(index.referenceName(items) ?? "items")"
                }
                if let properties = resolved.objectContext?.properties {
                    for (name, property) in properties where index.resolve(property).arrayContext != nil {
                        return "\(index.referenceName(schema) ?? "object").\(name)"
                    }
                }
            }
        }
        return nil
    }

    static func isPaginated(_ endpoint: SpecIndex.Endpoint, index: SpecIndex) -> Bool {
        if endpoint.parameters.contains(where: { $0.location == .query && paginationParameters.contains($0.name.lowercased()) }) {
            return true
        }
        for (_, response) in index.successResponses(endpoint) {
            if let headers = response.headers, headers.keys.contains(where: { $0.lowercased() == "link" || $0.lowercased().contains("next") }) {
                return true
            }
            for (_, schema) in index.schemas(response.content) {
                let names = index.resolve(schema).objectContext?.properties.keys.map { $0.lowercased() } ?? []
                if names.contains(where: { $0.contains("next") || $0 == "cursor" || $0 == "links" || $0 == "_links" }) { return true }
            }
        }
        return false
    }

    static let idempotencyKey = APIRule(
        id: "api-post-without-idempotency-key", title: "A non-idempotent POST without an idempotency key", category: .resilience,
        severity: .warning,
        rationale: "A client that times out cannot tell whether its POST happened; retrying it creates a duplicate (two orders, two payments).",
        remedy: "Accept an `Idempotency-Key` request header and return the first result for a repeated key."
    ) { rule, context in
        context.index.endpoints.filter { $0.method == "POST" }.compactMap { endpoint -> Finding? in
            let hasKey = endpoint.parameters.contains { $0.location == .header && $0.name.lowercased().hasSuffix("idempotency-key") }
            // A POST used as a read (a search or query with a body) is safe to retry.
            let identity = ((endpoint.operation.operationId ?? "") + " " + endpoint.path).lowercased()
            guard !hasKey, !identity.contains("search"), !identity.contains("query") else { return nil }
            return rule.finding(
                "\(endpoint.label)\(endpoint.operation.operationId.map { " (\($0))" } ?? "") has no Idempotency-Key header: a retried request can create twice",
                about: [endpoint.label], at: context.spec.locator.location(endpoint.keys))
        }
    }

    static let errorSchema = APIRule(
        id: "api-missing-error-schema", title: "An operation without an error schema", category: .operability, severity: .warning,
        rationale: "Clients that do not know the error format cannot tell a validation error from an outage, nor show the reason.",
        remedy: "Describe 4xx/5xx (or `default`) responses with one shared error schema, preferably RFC 9457 application/problem+json."
    ) { rule, context in
        context.index.endpoints.compactMap { endpoint -> Finding? in
            let described = context.index.errorResponses(endpoint).contains { !context.index.schemas($0.response.content).isEmpty }
            guard !described else { return nil }
            return rule.finding("\(endpoint.label) describes no error response with a schema",
                                       about: [endpoint.label], at: context.spec.locator.location(endpoint.keys + ["responses"]))
        }
    }

    static let problemDetails = APIRule(
        id: "api-errors-not-problem-json", title: "Errors not in the RFC 9457 format", category: .operability, severity: .info,
        rationale: "RFC 9457 problem details give every error a type, title, status and detail that generic clients and gateways understand.",
        remedy: "Return errors as application/problem+json with a shared Problem schema."
    ) { rule, context in
        let withErrors = context.index.endpoints.filter { endpoint in
            context.index.errorResponses(endpoint).contains { !context.index.schemas($0.response.content).isEmpty }
        }
        let custom = withErrors.filter { endpoint in
            !context.index.errorResponses(endpoint).contains { error in
                context.index.schemas(error.response.content).contains { $0.type == "application/problem+json" }
            }
        }
        guard !custom.isEmpty else { return [] }
        return [rule.finding(
            "\(custom.count) of \(context.index.endpoints.count) operations describe errors without application/problem+json (first: \(custom[0].label))",
            about: [], at: context.spec.locator.location(["paths"]))]
    }

    static let versioning = APIRule(
        id: "api-unversioned-paths", title: "Unversioned paths", category: .operability, severity: .warning,
        rationale: "Without a version in the URL (or the server URL), a breaking change cannot be shipped beside the old contract.",
        remedy: "Put the major version in the path or the server URL (`/v1/...`) and add `/v2` beside it for breaking changes."
    ) { rule, context in
        // `/v1`, or a `{version}` path parameter (`/{dataset}/{version}/fields`).
        let isVersion: (Substring) -> Bool = { segment in
            let lowered = segment.lowercased()
            if ["{version}", "{api_version}", "{apiversion}"].contains(lowered) { return true }
            return segment.count >= 2 && (segment.first == "v" || segment.first == "V") && segment.dropFirst().allSatisfy(\.isNumber)
        }
        let paths = context.index.endpoints.map(\.path)
        let servers = context.spec.document.servers.map { $0.urlTemplate.rawValue }
        let versioned = (paths + servers).contains { $0.split(separator: "/").contains(where: isVersion) }
        guard !versioned, !paths.isEmpty else { return [] }
        return [rule.finding(
            "no path and no server URL carries a version segment such as /v1 (\(Set(paths).count) paths)",
            about: [], at: context.spec.locator.location(["paths"]))]
    }

    static let unboundedArrays = APIRule(
        id: "api-unbounded-array", title: "A response array without maxItems", category: .capacity, severity: .warning,
        rationale: "An array with no upper bound lets one response grow without limit; clients and proxies cannot size buffers or timeouts.",
        remedy: "Give every response array a `maxItems` (and page beyond it)."
    ) { rule, context in
        var seen: Set<String> = []
        var findings: [Finding] = []
        for endpoint in context.index.endpoints {
            for (_, response) in context.index.successResponses(endpoint) {
                for (_, schema) in context.index.schemas(response.content) {
                    for array in UnboundedArrays.find(in: schema, index: context.index, name: nil, depth: 0, visited: []) {
                        let key = array.component ?? "\(endpoint.label) \(array.path)"
                        guard seen.insert(key).inserted else { continue }
                        let location = array.component.map { context.spec.locator.location(["components", "schemas", $0]) }
                            ?? context.spec.locator.location(endpoint.keys + ["responses"])
                        let name = array.component.map { "schema \($0)" + (array.path.isEmpty ? "" : ".\(array.path)") }
                            ?? "the response of \(endpoint.label)" + (array.path.isEmpty ? "" : " at \(array.path)")
                        findings.append(rule.finding(
                            "\(name) is an array without maxItems (returned by \(endpoint.label))",
                            about: [array.component ?? endpoint.label], at: location))
                    }
                }
            }
        }
        return findings
    }

    static let naming = APIRule(
        id: "api-inconsistent-naming", title: "Mixed camelCase and snake_case names", category: .fit, severity: .info,
        rationale: "Mixed naming styles make clients guess each field's spelling and show that the API has no shared conventions.",
        remedy: "Pick one style for properties and parameters (snake_case or camelCase) and rename the others in the next major version."
    ) { rule, context in
        var names: Set<String> = []
        for (_, schema) in context.spec.document.components.schemas {
            names.formUnion(context.index.resolve(schema).objectContext?.properties.keys ?? [])
        }
        for endpoint in context.index.endpoints {
            for parameter in endpoint.parameters where parameter.location != .header { names.insert(parameter.name) }
        }
        let camel = names.filter { !$0.contains("_") && $0.first?.isLowercase == true && $0.contains(where: \.isUppercase) }.sorted()
        let snake = names.filter { $0.contains("_") && !$0.contains(where: \.isUppercase) && !$0.hasPrefix("_") }.sorted()
        guard !camel.isEmpty, !snake.isEmpty else { return [] }
        return [rule.finding(
            "names mix camelCase (\(camel.prefix(3).joined(separator: ", "))\(camel.count > 3 ? ", …" : "")) and snake_case (\(snake.prefix(3).joined(separator: ", "))\(snake.count > 3 ? ", …" : ""))",
            about: [], at: context.spec.locator.location(["components"]))]
    }
}

/// Arrays without `maxItems` inside a response schema, named by the component they sit in.
enum UnboundedArrays {
    struct Found {
        /// The component schema holding the array; nil when it is inline in the response.
        var component: String?
        /// The property path inside it (`apis`), empty for the schema itself.
        var path: String
    }

    static func find(in schema: JSONSchema, index: SpecIndex, name: String?, depth: Int, visited: Set<String>) -> [Found] {
        guard depth < 8 else { return [] }
        if let reference = index.referenceName(schema) {
            guard !visited.contains(reference) else { return [] }
            return find(in: index.resolve(schema), index: index, name: reference, depth: depth + 1, visited: visited.union([reference]))
                .map { found in found.component == nil ? Found(component: reference, path: found.path) : found }
        }
        var results: [Found] = []
        if let array = schema.arrayContext {
            if array.maxItems == nil { results.append(Found(component: nil, path: "")) }
            if let items = array.items {
                results += find(in: items, index: index, name: name, depth: depth + 1, visited: visited)
                    .map { found in found.component == nil ? Found(component: nil, path: found.path.isEmpty ? "[]" : "[]." + found.path) : found }
            }
        }
        for (property, child) in schema.objectContext?.properties ?? [:] {
            results += find(in: child, index: index, name: name, depth: depth + 1, visited: visited)
                .map { found in found.component == nil ? Found(component: nil, path: found.path.isEmpty ? property : property + "." + found.path) : found }
        }
        return results
    }
}

import LintelModel
import LintelReview
import OpenAPIKit

/// Changes from `--base` to the reviewed document that break existing clients.
enum BreakingChanges {
    static let all: [APIRule] = [removedPath, removedOperation, removedResponseField, narrowedType, newRequiredField]

    static let removedPath = APIRule(
        id: "api-breaking-removed-path", title: "A path was removed", category: .fit, severity: .error,
        rationale: "Clients still call the old path and get 404.",
        remedy: "Keep the path (deprecated) until clients have moved, or ship the removal in a new major version."
    ) { rule, context in
        guard let base = context.base else { return [] }
        let current = Set(context.index.endpoints.map(\.path))
        var reported: Set<String> = []
        return base.index.endpoints.compactMap { endpoint -> Finding? in
            guard !current.contains(endpoint.path), reported.insert(endpoint.path).inserted else { return nil }
            return rule.finding("\(endpoint.path) was removed", about: [endpoint.path],
                                       at: base.spec.locator.location(["paths", endpoint.path]))
        }
    }

    static let removedOperation = APIRule(
        id: "api-breaking-removed-operation", title: "An operation was removed", category: .fit, severity: .error,
        rationale: "Clients still call the old method and get 405.",
        remedy: "Keep the operation (deprecated) until clients have moved, or ship the removal in a new major version."
    ) { rule, context in
        guard let base = context.base else { return [] }
        let paths = Set(context.index.endpoints.map(\.path))
        let current = Set(context.index.endpoints.map(\.label))
        return base.index.endpoints.compactMap { endpoint -> Finding? in
            guard paths.contains(endpoint.path), !current.contains(endpoint.label) else { return nil }
            return rule.finding("\(endpoint.label) was removed", about: [endpoint.label],
                                            at: base.spec.locator.location(endpoint.keys))
        }
    }

    static let removedResponseField = APIRule(
        id: "api-breaking-removed-response-field", title: "A response field was removed", category: .fit, severity: .error,
        rationale: "Clients that read the field break.",
        remedy: "Keep returning the field (deprecated) until clients have moved."
    ) { rule, context in
        guard let base = context.base else { return [] }
        return pairs(context).flatMap { old, new -> [Finding] in
            var findings: [Finding] = []
            for (status, oldResponse) in base.index.successResponses(old) {
                guard let newResponse = context.index.successResponses(new).first(where: { $0.status == status })?.response else { continue }
                let before = responseFields(oldResponse, index: base.index)
                let after = responseFields(newResponse, index: context.index)
                for field in before.subtracting(after).sorted() {
                    findings.append(rule.finding(
                        "\(new.label) \(status) no longer returns `\(field)`", about: [new.label],
                        at: context.spec.locator.location(new.keys + ["responses"])))
                }
            }
            return findings
        }
    }

    static let narrowedType = APIRule(
        id: "api-breaking-narrowed-type", title: "A request value was narrowed", category: .fit, severity: .error,
        rationale: "Requests that were valid (a larger limit, another type, an enum value) are now rejected.",
        remedy: "Accept the old values, or narrow only in a new major version."
    ) { rule, context in
        guard let base = context.base else { return [] }
        return pairs(context).flatMap { old, new -> [Finding] in
            var findings: [Finding] = []
            for parameter in new.parameters {
                guard let previous = old.parameters.first(where: { $0.name == parameter.name && $0.location == parameter.location }),
                      let before = base.index.schema(of: previous).map(base.index.resolve),
                      let after = context.index.schema(of: parameter).map(context.index.resolve) else { continue }
                for change in narrowing(from: before, to: after) {
                    findings.append(rule.finding(
                        "\(new.label) parameter `\(parameter.name)`: \(change)", about: [new.label],
                        at: context.spec.locator.location(new.keys + ["parameters"])))
                }
            }
            let before = requestProperties(old, index: base.index)
            for (name, after) in requestProperties(new, index: context.index).sorted(by: { $0.key < $1.key }) {
                guard let previous = before[name] else { continue }
                for change in narrowing(from: previous, to: after) {
                    findings.append(rule.finding(
                        "\(new.label) request field `\(name)`: \(change)", about: [new.label],
                        at: context.spec.locator.location(new.keys + ["requestBody"])))
                }
            }
            return findings
        }
    }

    static let newRequiredField = APIRule(
        id: "api-breaking-new-required-request-field", title: "A request now requires something new", category: .fit, severity: .error,
        rationale: "Existing clients do not send it, so their requests are now rejected.",
        remedy: "Make the new parameter or field optional with a default, or require it only in a new major version."
    ) { rule, context in
        guard let base = context.base else { return [] }
        return pairs(context).flatMap { old, new -> [Finding] in
            var findings: [Finding] = []
            let location = context.spec.locator.location(new.keys)
            for parameter in new.parameters where parameter.required {
                let previous = old.parameters.first { $0.name == parameter.name && $0.location == parameter.location }
                if previous?.required != true {
                    findings.append(rule.finding(
                        "\(new.label) requires the \(parameter.location.rawValue) parameter `\(parameter.name)`\(previous == nil ? " (new)" : " (was optional)")",
                        about: [new.label], at: location))
                }
            }
            let oldBody = base.index.requestBody(old)
            if let body = context.index.requestBody(new), body.required, oldBody?.required != true {
                findings.append(rule.finding(
                    "\(new.label) now requires a request body\(oldBody == nil ? " (it had none)" : " (it was optional)")",
                    about: [new.label], at: context.spec.locator.location(new.keys + ["requestBody"])))
            }
            let before = requiredRequestFields(old, index: base.index)
            for field in requiredRequestFields(new, index: context.index).subtracting(before).sorted() {
                findings.append(rule.finding(
                    "\(new.label) requires the request field `\(field)`", about: [new.label],
                    at: context.spec.locator.location(new.keys + ["requestBody"])))
            }
            return findings
        }
    }

    /// Operations present in both versions, as (base, current).
    static func pairs(_ context: APISpecContext) -> [(SpecIndex.Endpoint, SpecIndex.Endpoint)] {
        guard let base = context.base else { return [] }
        return context.index.endpoints.compactMap { new in
            base.index.endpoints.first { $0.label == new.label }.map { ($0, new) }
        }
    }

    /// Top-level fields of a response: an object's properties, or an array's items' properties.
    static func responseFields(_ response: OpenAPI.Response, index: SpecIndex) -> Set<String> {
        var fields: Set<String> = []
        for (_, schema) in index.schemas(response.content) {
            var resolved = index.resolve(schema)
            if let items = resolved.arrayContext?.items { resolved = index.resolve(items) }
            fields.formUnion(resolved.objectContext?.properties.keys ?? [])
        }
        return fields
    }

    static func requestSchema(_ endpoint: SpecIndex.Endpoint, index: SpecIndex) -> JSONSchema? {
        guard let body = index.requestBody(endpoint) else { return nil }
        return index.schemas(body.content).first.map { index.resolve($0.schema) }
    }

    static func requestProperties(_ endpoint: SpecIndex.Endpoint, index: SpecIndex) -> [String: JSONSchema] {
        var result: [String: JSONSchema] = [:]
        for (name, schema) in requestSchema(endpoint, index: index)?.objectContext?.properties ?? [:] {
            result[name] = index.resolve(schema)
        }
        return result
    }

    /// Required fields of the request body; empty when the body itself is optional or absent.
    static func requiredRequestFields(_ endpoint: SpecIndex.Endpoint, index: SpecIndex) -> Set<String> {
        guard index.requestBody(endpoint)?.required == true else { return [] }
        return Set(requestSchema(endpoint, index: index)?.objectContext?.requiredProperties ?? [])
    }

    /// How `after` accepts less than `before`: another type, a new or lower maximum, a new or higher minimum,
    /// a shorter maxLength, fewer enum values.
    static func narrowing(from before: JSONSchema, to after: JSONSchema) -> [String] {
        var changes: [String] = []
        if let old = before.jsonType, let new = after.jsonType, old != new, !(old == .integer && new == .number) {
            changes.append("type changed from \(old.rawValue) to \(new.rawValue)")
        }
        let oldMax = before.integerContext?.maximum.map { Double($0.value) } ?? before.numberContext?.maximum?.value
        let newMax = after.integerContext?.maximum.map { Double($0.value) } ?? after.numberContext?.maximum?.value
        if let newMax, oldMax.map({ newMax < $0 }) ?? true {
            changes.append("maximum \(number(newMax)) (was \(oldMax.map(number) ?? "unbounded"))")
        }
        let oldMin = before.integerContext?.minimum.map { Double($0.value) } ?? before.numberContext?.minimum?.value
        let newMin = after.integerContext?.minimum.map { Double($0.value) } ?? after.numberContext?.minimum?.value
        if let newMin, oldMin.map({ newMin > $0 }) ?? true {
            changes.append("minimum \(number(newMin)) (was \(oldMin.map(number) ?? "unbounded"))")
        }
        if let newLength = after.stringContext?.maxLength, before.stringContext?.maxLength.map({ newLength < $0 }) ?? true {
            changes.append("maxLength \(newLength) (was \(before.stringContext?.maxLength.map(String.init) ?? "unbounded"))")
        }
        let oldValues = before.allowedValues.map { Set($0.map { "\($0.value)" }) }
        if let newValues = after.allowedValues.map({ Set($0.map { "\($0.value)" }) }) {
            if let oldValues {
                let removed = oldValues.subtracting(newValues).sorted()
                if !removed.isEmpty { changes.append("enum values removed: \(removed.joined(separator: ", "))") }
            } else {
                changes.append("now limited to \(newValues.sorted().joined(separator: ", "))")
            }
        }
        return changes
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

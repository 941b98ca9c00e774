import LintelModel
import LintelReview
import MCP

/// The documents behind `resources/list` and `resources/read`: large, stable texts an agent reads
/// once instead of receiving them in every tool result.
enum ResourceCatalog {
    static let schemaURI = "lintel://schema"
    static let rulesURI = "lintel://rules"
    static let rulePrefix = "lintel://rules/"
    static let examplePrefix = "lintel://examples/"

    static func list() -> [Resource] {
        var resources = [
            Resource(name: "model-schema", uri: schemaURI, title: "Lintel model JSON Schema",
                     description: "JSON Schema (draft 2020-12) of the model file: every key with its type, default and documentation.",
                     mimeType: "application/schema+json"),
            Resource(name: "rules", uri: rulesURI, title: "Review rule catalog",
                     description: "Every review rule with its id, category, severity, rationale, remedy and examples.",
                     mimeType: "text/markdown"),
        ]
        for rule in rules {
            resources.append(Resource(name: "rule-" + rule.id, uri: rulePrefix + rule.id, title: rule.title,
                                      description: "Review rule \(rule.id) (\(rule.category.rawValue), \(rule.severity.rawValue)): rationale, remedy, examples, as `lintel explain` prints it.",
                                      mimeType: "text/plain"))
        }
        for example in ShippedExamples.all {
            resources.append(Resource(name: "example-" + example.name, uri: examplePrefix + example.name,
                                      title: "Example model \(example.name)",
                                      description: "A complete Lintel model shipped with Lintel; a starting point for writing one.",
                                      mimeType: "application/yaml", size: example.text.utf8.count))
        }
        return resources
    }

    /// The content at `uri`, or nil when there is none.
    static func read(_ uri: String) -> Resource.Content? {
        if uri == schemaURI { return .text(JSONSchemaGenerator.json(), uri: uri, mimeType: "application/schema+json") }
        if uri == rulesURI { return .text(RuleDocs.markdown(descriptions: rules), uri: uri, mimeType: "text/markdown") }
        if uri.hasPrefix(rulePrefix) {
            let id = String(uri.dropFirst(rulePrefix.count))
            guard let rule = rules.first(where: { $0.id == id }) else { return nil }
            return .text(RuleDocs.text(rule), uri: uri, mimeType: "text/plain")
        }
        if uri.hasPrefix(examplePrefix) {
            let name = String(uri.dropFirst(examplePrefix.count))
            guard let example = ShippedExamples.all.first(where: { $0.name == name }) else { return nil }
            return .text(example.text, uri: uri, mimeType: "application/yaml")
        }
        return nil
    }

    private static var rules: [RuleDescription] { RuleRegistry.all.map { $0.description } }
}

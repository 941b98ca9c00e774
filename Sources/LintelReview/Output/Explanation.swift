import LintelModel

/// What `lintel explain TOPIC` shows, found once for the CLI and the MCP server alike:
/// a rule's documentation, a model object's keys, or the keys matching a name or dotted path.
public struct Explanation: Sendable, Equatable {
    public enum Kind: String, Sendable { case rule, object, key }
    public var kind: Kind
    public var text: String

    /// The explanation of `topic`, or `nil` when it names no rule, object or key.
    public static func of(_ topic: String) -> Explanation? {
        if let rule = RuleRegistry.all.first(where: { $0.description.id.lowercased() == topic.lowercased() }) {
            return Explanation(kind: .rule, text: RuleDocs.text(rule.description))
        }
        if let object = ModelKeyDocs.object(named: topic) {
            return Explanation(kind: .object, text: ModelKeyDocs.text(object))
        }
        let entries = ModelKeyDocs.lookup(topic)
        return entries.isEmpty ? nil : Explanation(kind: .key, text: ModelKeyDocs.text(entries))
    }

    /// Why nothing was found, with a "did you mean" when a rule id or key is close.
    public static func notFound(_ topic: String) -> String {
        var message = "'\(topic)' is neither a rule id nor a model key"
        if let suggestion = Suggestion.closest(to: topic, in: RuleRegistry.ids + ModelKeyDocs.vocabulary) {
            message += "; did you mean '\(suggestion)'?"
        }
        return message
    }
}

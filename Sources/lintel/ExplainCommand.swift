import ArgumentParser
import LintelModel
import LintelReview

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a review rule, or a key of the model file with its type and default.",
        discussion: """
            Examples:
              lintel explain single-point-of-failure
              lintel explain components.*.calls.timeout
              lintel explain timeout
              lintel explain CircuitBreaker
            Exit status: 0 when the topic is known, 64 when it is not (with a suggestion).
            """)

    @Argument(help: "A rule id, a model key (a dotted path or its last part), or an object name.")
    var topic: String

    func run() throws {
        if let rule = RuleRegistry.all.first(where: { $0.description.id.lowercased() == topic.lowercased() }) {
            Terminal.output(RuleDocs.text(rule.description))
        } else if let object = ModelKeyDocs.object(named: topic) {
            Terminal.output(ModelKeyDocs.text(object))
        } else {
            let entries = ModelKeyDocs.lookup(topic)
            guard !entries.isEmpty else {
                var message = "error: '\(topic)' is neither a rule id nor a model key"
                if let suggestion = Suggestion.closest(to: topic, in: RuleRegistry.ids + ModelKeyDocs.vocabulary) {
                    message += "; did you mean '\(suggestion)'?"
                }
                Terminal.error(message + "\n(`lintel rules` lists the rules; `lintel schema` describes every key)")
                throw ExitCode.usage
            }
            Terminal.output(ModelKeyDocs.text(entries))
        }
    }
}

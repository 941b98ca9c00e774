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
        guard let found = Explanation.of(topic) else {
            Terminal.error("error: " + Explanation.notFound(topic) + "\n(`lintel rules` lists the rules; `lintel schema` describes every key)")
            throw ExitCode.usage
        }
        Terminal.output(found.text)
    }
}

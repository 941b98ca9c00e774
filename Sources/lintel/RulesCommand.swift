import ArgumentParser
import LintelReview

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the review rules: id, category, default severity and title.",
        discussion: "`lintel rules --markdown > docs/rules.md` regenerates the rule catalog. `lintel explain RULE-ID` prints one rule.")

    @Flag(help: "Print the full catalog as Markdown, with rationale, remedy and examples.")
    var markdown = false

    @Option(help: "Only rules of this category.")
    var category: RuleCategory?

    func run() {
        let rules = RuleRegistry.all.map { $0.description }.filter { rule in category.map { rule.category == $0 } ?? true }
        Terminal.output(markdown ? RuleDocs.markdown(descriptions: rules) : RuleDocs.table(rules))
    }
}

extension RuleCategory: ExpressibleByArgument {}

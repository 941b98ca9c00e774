/// Writes one decision as an Architecture Decision Record in the MADR format.
enum ADRWriter {
    static func fileName(number: Int, decision: Decision) -> String {
        number.formatted4 + "-" + Markdown.slug(decision.title) + ".md"
    }

    static func render(number: Int, decision: Decision) -> String {
        var lines = ["# \(number.formatted4). \(decision.title)", "", "* Status: proposed by `lintel design`", ""]
        lines += ["## Context and problem statement", "", decision.context, ""]
        lines += ["## Decision drivers", ""] + decision.drivers.map { "* " + $0 } + [""]
        lines += ["## Considered options", ""] + decision.matrix.options.map { "* " + $0.name } + [""]
        lines += ["## Decision outcome", "", "Chosen option: **\(decision.outcome)**, the highest weighted total "
                  + "(each option scores 0–5 per criterion; ties go to the simpler option listed first).", ""]
        lines += [decision.matrix.markdownTable, ""]
        if let runnerUp = decision.matrix.runnerUp {
            let margin = decision.matrix.total(decision.matrix.options.first { $0.name == decision.outcome } ?? runnerUp)
                - decision.matrix.total(runnerUp)
            lines += ["Runner-up: \(runnerUp.name), \(margin) point\(margin == 1 ? "" : "s") behind.", ""]
        }
        lines += ["### Consequences", ""] + decision.consequences.map { "* " + $0 } + [""]
        lines += ["### What would change this decision", ""]
        if decision.flips.isEmpty {
            lines += ["No single input moved within the tried range changes the outcome.", ""]
        } else {
            lines += decision.flips.map { "* " + $0.sentence } + [""]
        }
        return lines.joined(separator: "\n")
    }
}

extension Int {
    var formatted4: String {
        let text = String(Swift.max(0, self))
        return String(repeating: "0", count: Swift.max(0, 4 - text.count)) + text
    }
}

import LintelDesign

/// One decision as an Architecture Decision Record in the MADR format (decisions/NNNN-title.md).
public enum DecisionRecord {
    public static func build(number: Int, decision: Decision) -> Document {
        let matrix = decision.matrix
        var outcome: [Block] = [
            .paragraph(Inline([.text("Chosen option: "), .strong(decision.outcome), .text(", the highest weighted total "
                + "(each option scores 0–5 per criterion; ties go to the simpler option listed first).")])),
            .table(DesignDocument.matrix(matrix)),
        ]
        if let runnerUp = matrix.runnerUp {
            let margin = matrix.total(matrix.options.first { $0.name == decision.outcome } ?? runnerUp) - matrix.total(runnerUp)
            outcome.append(.paragraph(Inline("Runner-up: \(runnerUp.name), \(margin) point\(margin == 1 ? "" : "s") behind.")))
        }
        outcome.append(.section(Section("Consequences", blocks: [list(decision.consequences)])))
        outcome.append(.section(Section("What would change this decision", blocks: decision.flips.isEmpty
            ? [.paragraph("No single input moved within the tried range changes the outcome.")]
            : [list(decision.flips.map(\.sentence))])))
        return Document(title: "\(number.formatted4). \(decision.title)", blocks: [
            .list(List(items: [List.Item(Inline.withCode("Status: proposed by `lintel design`"))])),
            .section(Section("Context and problem statement", blocks: [.paragraph(Inline(decision.context))])),
            .section(Section("Decision drivers", blocks: [list(decision.drivers)])),
            .section(Section("Considered options", blocks: [list(matrix.options.map(\.name))])),
            .section(Section("Decision outcome", blocks: outcome)),
        ])
    }

    static func list(_ texts: [String]) -> Block { .list(List(items: texts.map { List.Item(Inline($0)) })) }
}

extension Int {
    /// Four digits with leading zeros (`0007`); negative numbers as `0000`.
    var formatted4: String {
        let text = String(Swift.max(0, self))
        return String(repeating: "0", count: Swift.max(0, 4 - text.count)) + text
    }
}

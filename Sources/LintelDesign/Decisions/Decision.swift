/// One architecture decision: the MADR record's parts, with the matrix that chose it.
public struct Decision: Sendable, Codable, Equatable {
    /// A stable topic key ("architecture-style", "store-ordering").
    public var topic: String
    public var title: String
    /// Why a decision is needed, in one paragraph built from the inputs.
    public var context: String
    /// The decision drivers: the inputs with their figures.
    public var drivers: [String]
    public var matrix: DecisionMatrix
    public var outcome: String { matrix.winner }
    /// Consequences of the chosen option: good and bad.
    public var consequences: [String]
    /// What would change the outcome, computed by re-scoring the same matrix.
    public var flips: [Flip]

    public init(topic: String, title: String, context: String, drivers: [String], matrix: DecisionMatrix,
                consequences: [String], flips: [Flip]) {
        self.topic = topic
        self.title = title
        self.context = context
        self.drivers = drivers
        self.matrix = matrix
        self.consequences = consequences
        self.flips = flips
    }
}

import LintelModel

/// A named criterion of a decision: its weight, and the input figure its scores come from.
public struct Criterion: Sendable, Codable, Equatable {
    public var name: String
    /// Relative importance, 1 (minor) to 3 (decisive).
    public var weight: Int
    /// The input and the figure that set the scores ("team: 12 engineers in 3 teams").
    public var basis: String
    public init(_ name: String, weight: Int, basis: String) {
        self.name = name
        self.weight = weight
        self.basis = basis
    }
}

/// A weighted decision matrix: each option scores 0–5 against each criterion; the highest
/// weighted total wins, ties go to the option listed first (the simpler one, by convention).
public struct DecisionMatrix: Sendable, Codable, Equatable {
    public struct Option: Sendable, Codable, Equatable {
        public var name: String
        /// One score per criterion, in criterion order, clamped to 0...5.
        public var scores: [Int]
        public init(_ name: String, _ scores: [Int]) {
            self.name = name
            self.scores = scores.map { Swift.min(5, Swift.max(0, $0)) }
        }
    }
    public var criteria: [Criterion]
    public var options: [Option]

    public init(criteria: [Criterion], options: [Option]) {
        self.criteria = criteria
        self.options = options
    }

    /// Σ weight × score for one option.
    public func total(_ option: Option) -> Int {
        zip(criteria, option.scores).reduce(0) { $0 + $1.0.weight * $1.1 }
    }

    /// The winning option's name (first on ties); empty when there are no options.
    public var winner: String {
        var best: Option?
        for option in options where best.map({ total(option) > total($0) }) ?? true { best = option }
        return best?.name ?? ""
    }

    /// The best option other than the winner, with its total.
    public var runnerUp: Option? {
        let win = winner
        var best: Option?
        for option in options where option.name != win && (best.map({ total(option) > total($0) }) ?? true) { best = option }
        return best
    }
}

/// What would change a decision: the smallest change of one input, found by re-scoring the
/// same matrix function with that input moved, and the option that would then win.
public struct Flip: Sendable, Codable, Equatable {
    public var input: String
    public var change: String
    public var newWinner: String
    public var sentence: String { "\(newWinner) would win with \(change) (\(input))." }
}

/// One input that may move, with the candidate values tried in order (nearest first).
struct Lever<Input> {
    var input: String
    var candidates: [(label: String, value: Input)]
}

/// Re-scores `matrix(input)` under each lever's candidates; the first candidate that changes
/// the winner is that lever's flip. Pure: the same function that made the decision.
func flips<Input>(_ base: Input, levers: [Lever<Input>], matrix: (Input) -> DecisionMatrix) -> [Flip] {
    let winner = matrix(base).winner
    var result: [Flip] = []
    for lever in levers {
        for candidate in lever.candidates {
            let other = matrix(candidate.value).winner
            if other != winner {
                result.append(Flip(input: lever.input, change: candidate.label, newWinner: other))
                break
            }
        }
    }
    return result
}

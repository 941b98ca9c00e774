/// The calls one request makes, in order, independent of the language it is written in.
struct SequenceDiagram: Sendable, Equatable {
    var title: String
    /// In order of first appearance; the client first.
    var participants: [Participant]
    var steps: [SequenceStep]

    struct Participant: Sendable, Equatable {
        var id: String
        var name: String
        var shape: NodeShape
    }
}

indirect enum SequenceStep: Sendable, Equatable {
    case message(SequenceMessage)
    case block(SequenceBlock)
    case note(over: String, text: String)
}

struct SequenceMessage: Sendable, Equatable {
    enum Kind: String, Sendable, Equatable {
        /// The caller waits: it activates the callee until the matching reply.
        case sync
        /// A publish or delivery: nobody waits.
        case async
        /// The answer to a synchronous call.
        case reply
    }
    var from: String
    var to: String
    var kind: Kind
    var label: String
}

struct SequenceBlock: Sendable, Equatable {
    enum Kind: String, Sendable, Equatable {
        /// Sections run concurrently (calls sharing a `parallel` group).
        case par
        /// Happens only sometimes: optional calls, cache misses, fractional calls per request.
        case opt
        /// Repeats: several calls per request.
        case loop
    }
    struct Section: Sendable, Equatable {
        var label: String
        var steps: [SequenceStep]
    }
    var kind: Kind
    var sections: [Section]
}

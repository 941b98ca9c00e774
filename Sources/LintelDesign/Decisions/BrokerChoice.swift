import LintelModel

/// The message broker, from event throughput, ordering, replay and routing needs and the team's maturity.
enum BrokerChoice: String, CaseIterable {
    case kafka = "Kafka", rabbitmq = "RabbitMQ", sqs = "SQS"

    var broker: Broker {
        switch self {
        case .kafka: .kafka
        case .rabbitmq: .rabbitmq
        case .sqs: .sqs
        }
    }

    struct Facts {
        var eventRate: Double
        var ordering: Bool
        var replay: Bool
        var maturity: Maturity
        var managed: Bool
        var preferences = Preferences()
    }

    static func matrix(_ facts: Facts) -> DecisionMatrix {
        // Columns: Kafka, RabbitMQ, SQS.
        let throughput = facts.eventRate >= 10_000 ? [5, 2, 3] : facts.eventRate >= 1_000 ? [5, 4, 4] : [3, 5, 4]
        let ordering = facts.ordering ? [5, 3, 2] : [3, 3, 3]
        let replay = facts.replay ? [5, 1, 1] : [3, 3, 3]
        let routing = [3, 5, 2]
        let operations: [Int] = switch facts.maturity {
        case .low: [0, 3, 4]
        case .medium: [3, 4, 4]
        case .high: [4, 4, 4]
        }
        let managed = facts.managed ? [2, 2, 5] : [3, 3, 1]
        let criteria = [
            Criterion("throughput", weight: 3, basis: "\(DesignFormat.rate(facts.eventRate)) events at peak"),
            Criterion("ordering per key", weight: 2, basis: facts.ordering ? "state changes of one aggregate must stay in order" : "no ordered state changes"),
            Criterion("replay", weight: 2, basis: facts.replay ? "several consumer groups or rebuildable read models" : "one consumer per event"),
            Criterion("routing flexibility", weight: 1, basis: "topic/queue routing rules"),
            Criterion("operational load", weight: 3, basis: "maturity: \(facts.maturity.rawValue)"),
            Criterion("hosting", weight: 1, basis: facts.managed ? "managed services preferred" : "self-hosted"),
        ]
        var rows = [throughput, ordering, replay, routing, operations, managed]
        var allCriteria = criteria
        if let (criterion, scores) = facts.preferences.criterion([["kafka"], ["rabbitmq"], ["sqs"]]) {
            allCriteria.append(criterion)
            rows.append(scores)
        }
        return DecisionMatrix(criteria: allCriteria, options: allCases.enumerated().map { column, choice in
            DecisionMatrix.Option(choice.rawValue, rows.map { $0[column] })
        })
    }

    static func decide(_ facts: Facts) -> (BrokerChoice, Decision) {
        let matrix = matrix(facts)
        let choice = allCases.first { $0.rawValue == matrix.winner } ?? .kafka
        let levers: [Lever<Facts>] = [
            Lever(input: "event rate", candidates: [100.0, 1_000, 10_000, 100_000].filter { $0 != facts.eventRate }
                .sorted { abs($0 - facts.eventRate) < abs($1 - facts.eventRate) }.map { value in
                    var changed = facts
                    changed.eventRate = value
                    return ("\(DesignFormat.rate(value)) events at peak", changed)
                }),
            Lever(input: "replay", candidates: [(facts.replay ? "no replay needed" : "replay needed", { var c = facts; c.replay.toggle(); return c }())]),
            Lever(input: "ordering", candidates: [(facts.ordering ? "no ordering needed" : "ordering per key needed", { var c = facts; c.ordering.toggle(); return c }())]),
            Lever(input: "preferences.managed", candidates: [(facts.managed ? "self-hosting" : "managed services preferred", { var c = facts; c.managed.toggle(); return c }())]),
        ]
        let decision = Decision(
            topic: "message-broker", title: "Carry domain events on \(choice.rawValue)",
            context: "Domain events leave their context through a broker, written by an outbox so a state change and its event "
                + "commit together. The broker must carry \(DesignFormat.rate(facts.eventRate)) events at peak.",
            drivers: matrix.criteria.map { "\($0.name): \($0.basis)" }, matrix: matrix,
            consequences: choice.consequences, flips: flips(facts, levers: levers, matrix: Self.matrix))
        return (choice, decision)
    }

    var consequences: [String] {
        switch self {
        case .kafka: ["Good: partitioned log, ordering per key, replay from any offset, high throughput.",
                      "Bad: partitions cap consumer parallelism and must be planned; more to operate."]
        case .rabbitmq: ["Good: flexible routing, per-message acknowledgement, simple to operate.",
                         "Bad: no replay once acknowledged; throughput per queue is limited."]
        case .sqs: ["Good: managed, scales on its own, at-least-once delivery.", "Bad: no replay, ordering only in FIFO queues with lower throughput."]
        }
    }
}

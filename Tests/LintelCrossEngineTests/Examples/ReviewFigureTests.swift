import Foundation
import LintelCapacity
import LintelModel
import LintelReview
import Testing

/// Review's quantitative findings print capacity's figures: each figure in a capacity or SLO
/// finding's message must be capacity's own figure (at peak, review's load), formatted as review
/// formats it. A rule that computes its own number and drifts from capacity fails here.
@Suite("Cross-engine: review prints capacity's figures")
struct ReviewFigureTests {
    @Test("Every figure in the capacity and SLO findings of an example equals the capacity report's", arguments: Examples.files)
    func figures(_ file: String) throws {
        let model = try Examples.load(file)
        let review = Reviewer.review(model)
        let capacity = CapacityAnalyzer.analyze(model)
        for finding in review.findings {
            for expected in try Self.expectedFigures(finding, capacity: capacity, model: model) {
                let matches = finding.message.contains(expected)
                #expect(matches, "\(file) \(finding.ruleID): message «\(finding.message)» should print capacity's figure «\(expected)»")
                ResultLog.record(what: "\(file) review \(finding.ruleID): «\(expected)»", capacity: nil, simulation: nil, closedForm: nil,
                                 tolerance: .relative(0), verdicts: ["review prints capacity's figure \(matches ? "ok" : "FAIL")"])
            }
        }
    }

    /// The text fragments a finding must contain, built from capacity's figures; empty for rules
    /// that print no capacity figure.
    static func expectedFigures(_ finding: Finding, capacity: CapacityReport, model: Model) throws -> [String] {
        let subject = finding.components.first ?? ""
        func component() throws -> ComponentCapacity {
            try #require(capacity.components.first { $0.name == subject }, "\(finding.ruleID): no capacity row for \(subject)")
        }
        func flow() throws -> FlowCapacity {
            try #require(capacity.flows.first { $0.name == finding.flow }, "\(finding.ruleID): no capacity flow \(finding.flow ?? "none")")
        }
        switch finding.ruleID {
        case "high-utilisation":
            let row = try component()
            return ["runs at \(percent(row.utilisation.value)) utilisation", "λ \(UnitFormat.rate(row.arrival.value ?? 0))",
                    "\(row.instancesNeeded) instance"]
        case "saturated-at-peak":
            let row = try component()
            return ["utilisation \(row.utilisation.value.map { percent($0) } ?? "over 100%")", "at least \(row.instancesNeeded) instances"]
        case "short-runway":
            let row = try component()
            let months = try #require(row.runwayToSaturation.value), multiple = try #require(row.saturationMultiple.value)
            return ["saturates in \(UnitFormat.number((months * 10).rounded() / 10)) months",
                    "capacity is \(UnitFormat.number((multiple * 100).rounded() / 100))× today's peak"]
        case "latency-above-slo":
            let row = try flow()
            let budget = row.latencyP99.value.map { UnitFormat.duration($0) } ?? "unbounded"
            return ["p99 at peak is \(budget)", "above its \(UnitFormat.duration(try #require(row.latencyObjective))) objective"]
        case "availability-below-slo":
            // The "weakest" dependency's availability has no capacity figure to compare with; the flow's figures do.
            let row = try flow()
            return ["available \(percent(row.availability.value)) at best", "below its \(percent(row.availabilityObjective)) objective"]
        case "consumer-lag":
            let topicName = finding.components.dropFirst().first ?? ""
            let topic = try #require(capacity.topics.first { $0.name == topicName }, "no capacity topic \(topicName)")
            let consumer = try #require(topic.consumers.first { $0.name == subject }, "no consumer \(subject) of \(topicName)")
            return ["processes \(UnitFormat.rate(consumer.capacity.value ?? 0)) from \(topicName)",
                    "while \(UnitFormat.rate(topic.rate.value ?? 0)) arrive", "grows by \(UnitFormat.rate(consumer.lagGrowth.value ?? 0))"]
        case "partition-throughput-exceeded":
            let topic = try #require(capacity.topics.first { $0.name == subject }, "no capacity topic \(subject)")
            return ["receives \(UnitFormat.rate(topic.rate.value ?? 0)) at peak",
                    "\(UnitFormat.number(topic.partitionsNeeded.value ?? 0)) partitions needed"]
        case "partitions-below-parallelism":
            // Idle consumers = the consumer's instances × workers (the model's) − the parallelism capacity grants on this topic.
            let consumerName = finding.components.dropFirst().first ?? ""
            let topic = try #require(capacity.topics.first { $0.name == subject }, "no capacity topic \(subject)")
            let consumer = try #require(topic.consumers.first { $0.name == consumerName }, "no consumer \(consumerName) of \(subject)")
            let declared = try #require(model.components.first { $0.name == consumerName })
            let servers = declared.instances * declared.workers
            let parallelism = try #require(consumer.parallelism.value)
            return ["= \(servers) consumers", "\(servers - Int(parallelism.rounded())) stay idle"]
        case "connection-exhaustion":
            let budget = try #require(capacity.connections.first { $0.store == subject }, "no connection budget for \(subject)")
            return ["accepts \(UnitFormat.number(budget.maxConnections.value ?? 0)) connections",
                    "open \(UnitFormat.number(budget.requested.value ?? 0))"]
        default:
            return []
        }
    }

    /// Review's percent format: three decimals of a percentage, trailing zeros dropped.
    static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "none" }
        return UnitFormat.number((fraction * 100 * 1000).rounded() / 1000) + "%"
    }
}

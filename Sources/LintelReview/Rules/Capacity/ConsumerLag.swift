import LintelModel

/// Consumers slower than the messages arriving.
public struct ConsumerLag: Rule {
    public static let description = RuleDescription(
        id: "consumer-lag", title: "Consumers cannot keep up at peak", category: .capacity, severity: .warning,
        rationale: "When messages arrive faster than the consumer group processes them (parallelism / holding time), the backlog grows for the whole peak — a queue absorbing a short burst is fine, a peak of hours is not; the delay of every later message grows with it, and retention may drop messages before they are read.",
        remedy: "Add consumer instances or workers (and partitions to match), shorten the processing time, or batch.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 4, publishes: [jobs] }
              jobs: { kind: queue, dead_letter: true, consumers: [worker] }
              worker: { kind: worker, instances: 1, workers: 2, latency: { p50: 100ms, p99: 100ms, distribution: constant }, idempotent_consumer: true }
            flows:
              submit: { entry: api, rate: 50/s }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, instances: 4, publishes: [jobs] }
              jobs: { kind: queue, dead_letter: true, consumers: [worker] }
              worker: { kind: worker, instances: 2, workers: 8, latency: { p50: 100ms, p99: 100ms, distribution: constant }, idempotent_consumer: true }
            flows:
              submit: { entry: api, rate: 50/s }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.knowsResilienceSettings else { return [] }
        var findings: [Finding] = []
        for topic in context.capacity.topics {
            for consumer in topic.consumers {
                guard let lag = consumer.lagGrowth.value, lag > 0, consumer.capacity.value != nil, topic.rate.value != nil,
                      let index = context.index[consumer.name] else { continue }
                let text = "\(consumer.name) processes \(Figures.text(consumer.capacity)) from \(topic.name) (\(consumer.capacity.formula)) "
                    + "while \(Figures.text(topic.rate)) arrive at peak; the backlog grows by \(Figures.text(consumer.lagGrowth))"
                findings.append(finding(text, components: [consumer.name, topic.name], at: context.component(index).location(of: "instances"),
                                        figures: [consumer.capacity, topic.rate, consumer.lagGrowth]))
            }
        }
        return findings
    }
}

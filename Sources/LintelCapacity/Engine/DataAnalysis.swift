import Foundation
import LintelModel

/// Connection budgets, topic partitions and consumer lag, storage growth.
enum DataAnalysis {
    /// Planning figures for the messages one partition (or shard) carries per second, used
    /// when a topic does not set `partition_throughput`. Conservative single-partition figures
    /// for small (≈1 KB) messages; Kinesis is AWS's documented 1,000 records/s per shard.
    /// Brokers that scale a queue by themselves (SQS, SNS, Pub/Sub) have none.
    public static func defaultPartitionThroughput(_ broker: Broker?) -> Double? {
        switch broker {
        case .kafka, nil: 5_000
        case .kinesis: 1_000
        case .rabbitmq: 10_000
        case .nats, .redis: 10_000
        case .sqs, .sns, .pubsub: nil
        }
    }

    static func connections(graph: CallGraph, queue: QueueState, edgeRates: [Double], defaultPool: Int) -> [ConnectionBudget] {
        var incoming = [[Int]](repeating: [], count: graph.count)
        for (position, edge) in graph.edges.enumerated() where edge.call != nil { incoming[edge.target].append(position) }
        var budgets: [ConnectionBudget] = []
        for (node, store) in graph.components.enumerated() where store.kind.usesConnections && !incoming[node].isEmpty {
            var callers: [ConnectionBudget.Caller] = []
            var seen = Set<Int>()
            var rate = 0.0
            for edge in incoming[node] {
                let call = graph.edges[edge]
                rate += edgeRates[edge]
                guard seen.insert(call.source).inserted, let position = call.call else { continue }
                let caller = graph.components[call.source]
                let spec = caller.calls[position]
                let (pool, source): (Int, String) =
                    if let pool = spec.pool { (pool, "call pool") }
                    else if let pool = store.pool { (pool, "\(store.name).pool") }
                    else { (defaultPool, "default \(defaultPool)") }
                callers.append(.init(component: caller.name, instances: caller.instances, pool: pool, poolSource: source))
            }
            let requested = callers.reduce(0) { $0 + $1.instances * $1.pool }
            let limit = store.maxConnections ?? KindDefaults.for(store.kind).maxConnections
            let holding = queue.response(node)
            budgets.append(ConnectionBudget(
                store: store.name,
                maxConnections: Figure(limit.map(Double.init), .count,
                                       store.maxConnections != nil ? "max_connections" : "default for \(store.kind.rawValue)"),
                callers: callers,
                requested: Figure(Double(requested), .count, "Σ caller instances × pool"),
                inUse: Figure(rate * holding, .count, "Little: \(UnitFormat.rate(rate)) × \(UnitFormat.duration(holding)) store response"),
                exceeded: limit.map { requested > $0 } ?? false))
        }
        return budgets
    }

    static func topics(graph: CallGraph, queue: QueueState) -> [TopicCapacity] {
        var topics: [TopicCapacity] = []
        for (node, topic) in graph.components.enumerated() where topic.kind.isMessaging {
            let rate = queue.arrival[node]
            let throughput = topic.partitionThroughput?.perSecond ?? defaultPartitionThroughput(topic.broker)
            let partitioned = topic.partitions != nil
            let throughputFormula = topic.partitionThroughput != nil ? "partition_throughput"
                : "default for \(topic.broker?.rawValue ?? "kafka") (docs/capacity.md)"
            let perPartition = topic.partitions.map { rate / Double(max(1, $0)) }
            let needed = throughput.map { max(1, (rate / $0).rounded(.up)) }
            var consumers: [TopicCapacity.Consumer] = []
            for edge in graph.outgoing(node) where graph.edges[edge].call == nil {
                let consumerNode = graph.edges[edge].target
                let consumer = graph.components[consumerNode]
                let servers = consumer.servers
                let parallelism = partitioned ? min(servers, topic.partitions ?? servers) : servers
                let holding = queue.holding[consumerNode]
                let capacity = holding > 0 ? Double(parallelism) / holding : .infinity
                let total = queue.arrival[consumerNode]
                let share = total > 0 ? rate * graph.edges[edge].factor / total : 0
                let lag = max(0, total - capacity) * share
                consumers.append(.init(
                    name: consumer.name,
                    parallelism: Figure(Double(parallelism), .count,
                                        partitioned ? "min(partitions, instances × workers)" : "instances × workers"),
                    capacity: Figure(capacity, .perSecond, "parallelism / holding time \(UnitFormat.duration(holding))"),
                    lagGrowth: Figure(lag, .perSecond, "max(0, consumer λ − capacity) × this topic's share")))
            }
            topics.append(TopicCapacity(
                name: topic.name, broker: topic.broker?.rawValue,
                rate: Figure(rate, .perSecond, "messages published (load propagation)"),
                partitions: topic.partitions,
                partitionThroughput: Figure(throughput, .perSecond, throughput == nil ? "scales without partitions" : throughputFormula),
                perPartitionRate: Figure(perPartition, .perSecond, partitioned ? "λ / partitions" : "not partitioned"),
                partitionsNeeded: Figure(needed, .count, "⌈λ / partition throughput⌉"),
                consumers: consumers))
        }
        return topics
    }

    static func storage(model: Model, horizons: [Double]) -> [StorageProjection] {
        let system = model.requirements.data
        var projections: [StorageProjection] = []
        for component in model.components {
            let own = component.storage != nil || component.dataGrowth != nil
            let fallback = !own && component.kind.category == .database && system != nil
            guard own || fallback else { continue }
            let size = own ? component.storage?.bytes ?? 0 : system?.size?.bytes ?? 0
            let growth = own ? component.dataGrowth?.bytesPerMonth ?? 0 : system?.growth?.bytesPerMonth ?? 0
            let retention = (own ? component.retention : system?.retention).map { $0.seconds / (30 * 86_400) }
            let source = own ? "component" : "requirements.data (system-wide)"
            let points = horizons.map { months -> StorageProjection.Point in
                var bytes = size + growth * months
                var formula = "size + growth × \(UnitFormat.number(months)) months"
                if let retention {
                    // Under retention, data older than the window is deleted: the store levels
                    // off at growth × retention (or stays at its current size if that is larger).
                    let cap = Swift.max(size, growth * retention)
                    if bytes > cap {
                        bytes = cap
                        formula = "capped by retention: max(size, growth × \(UnitFormat.number(retention)) months)"
                    }
                }
                return .init(months: months, size: Figure(bytes, .bytes, formula))
            }
            projections.append(StorageProjection(
                component: component.name, source: source,
                current: Figure(size, .bytes, own ? "storage" : "requirements.data.size"),
                growthPerMonth: Figure(growth, .bytes, own ? "data_growth" : "requirements.data.growth"),
                retentionMonths: retention, projections: points))
        }
        return projections
    }
}

import Foundation
import LintelModel

/// Connection budgets, topic partitions and consumer lag, storage growth.
enum DataAnalysis {
    static func connections(semantics: SemanticModel, queue: QueueState, edgeRates: [Double], defaultPool: Int) -> [ConnectionBudget] {
        let graph = semantics.graph
        let components = semantics.model.components
        var incoming = [[Int]](repeating: [], count: graph.count)
        for (position, edge) in graph.edges.enumerated() where edge.callIndex != nil { incoming[edge.target].append(position) }
        var budgets: [ConnectionBudget] = []
        for (node, store) in components.enumerated() where store.kind.usesConnections && !incoming[node].isEmpty {
            var callers: [ConnectionBudget.Caller] = []
            var seen = Set<Int>()
            var rate = 0.0
            for edge in incoming[node] {
                let call = graph.edges[edge]
                rate += edgeRates[edge]
                guard seen.insert(call.source).inserted, let spec = semantics.call(edge) else { continue }
                let caller = components[call.source]
                let (pool, source): (Int, String) =
                    if let pool = spec.pool { (pool, "call pool") }
                    else if let pool = store.pool { (pool, "\(store.name).pool") }
                    else { (defaultPool, "default \(defaultPool)") }
                callers.append(.init(component: caller.name, instances: caller.instances, pool: pool, poolSource: source))
            }
            let requested = callers.reduce(0) { saturating($0, plus: saturating($1.instances, times: $1.pool)) }
            let limit = store.maxConnections ?? KindDefaults.for(store.kind).maxConnections
            let holding = queue.responseMean[node]
            budgets.append(ConnectionBudget(
                store: store.name,
                maxConnections: Figure(limit.map(Double.init), .count,
                                       store.maxConnections != nil ? "max_connections" : "default for \(store.kind.rawValue)"),
                callers: callers,
                requested: Figure(Double(requested), .count, "Σ caller instances × pool"),
                inUse: Figure(rate * holding, .count, "Little: \(UnitFormat.rate(rate)) attempts × \(UnitFormat.duration(holding)) store response"),
                exceeded: limit.map { requested > $0 } ?? false))
        }
        return budgets
    }

    static func topics(semantics: SemanticModel, queue: QueueState) -> [TopicCapacity] {
        let graph = semantics.graph
        let components = semantics.model.components
        var topics: [TopicCapacity] = []
        for (node, topic) in components.enumerated() where topic.kind.isMessaging {
            let rate = queue.arrival[node]
            let throughput = topic.partitionThroughput?.perSecond ?? SemanticModel.defaultPartitionThroughput(topic.broker)
            let partitioned = topic.partitions != nil
            let throughputFormula = topic.partitionThroughput != nil ? "partition_throughput"
                : "default for \(topic.broker?.rawValue ?? "kafka") (docs/capacity.md)"
            let perPartition = topic.partitions.map { rate / Double(max(1, $0)) }
            let needed = throughput.map { max(1, (rate / $0).rounded(.up)) }
            var consumers: [TopicCapacity.Consumer] = []
            for edge in graph.outgoing(node) where graph.edges[edge].kind == .delivery {
                let consumerNode = graph.edges[edge].target
                let consumer = components[consumerNode]
                let parallelism = queue.queue[consumerNode].servers
                let holding = queue.holding[consumerNode]
                let capacity = holding > 0 ? Double(parallelism) / holding : .infinity
                let total = queue.arrival[consumerNode]
                let share = total > 0 ? rate * graph.edges[edge].factor / total : 0
                let lag = max(0, total - capacity) * share
                consumers.append(.init(
                    name: consumer.name,
                    parallelism: Figure(Double(parallelism), .count,
                                        semantics.consumerLimit[consumerNode] != nil ? "min(Σ partitions consumed, instances × workers)" : "instances × workers"),
                    capacity: Figure(capacity, .perSecond, "parallelism / holding time \(UnitFormat.duration(holding))"),
                    lagGrowth: Figure(lag, .perSecond, "max(0, consumer λ − capacity) × this topic's share")))
            }
            topics.append(TopicCapacity(
                name: topic.name, broker: topic.broker?.rawValue,
                rate: Figure(rate, .perSecond, "messages published (traffic equations)"),
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
        // requirements.data describes the whole system: it is projected once (as "system"), not copied into
        // every store, and only when no store states its own size or growth.
        var rows: [(name: String, size: Double, growth: Double, retention: TimeSpan?, own: Bool)] = []
        for component in model.components where component.storage != nil || component.dataGrowth != nil {
            rows.append((component.name, component.storage?.bytes ?? 0, component.dataGrowth?.bytesPerMonth ?? 0, component.retention, true))
        }
        if rows.isEmpty, let system {
            rows.append(("system", system.size?.bytes ?? 0, system.growth?.bytesPerMonth ?? 0, system.retention, false))
        }
        for row in rows {
            let size = row.size, growth = row.growth, own = row.own
            let retention = row.retention.map { $0.seconds / (30 * 86_400) }
            let source = own ? "component" : "requirements.data (system-wide, not split over stores)"
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
                component: row.name, source: source,
                current: Figure(size, .bytes, own ? "storage" : "requirements.data.size"),
                growthPerMonth: Figure(growth, .bytes, own ? "data_growth" : "requirements.data.growth"),
                retentionMonths: retention, projections: points))
        }
        return projections
    }
}

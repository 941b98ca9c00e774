import LintelCapacity
import LintelModel

/// Sizing by the capacity engine: generate, analyse at peak with 12 months of growth and the
/// target utilisation, grow what is short, repeat until every component, pool, partition count
/// and flow holds (or the iteration budget is spent, which the design reports).
enum Sizing {
    static let targetUtilisation = 0.7
    static let growthMonths = 12.0
    static let maximumIterations = 120
    static let maximumInstances = 10_000
    /// The most connections design gives one store; beyond it the callers' pools shrink.
    static let maximumConnections = 100_000

    static var options: CapacityOptions {
        CapacityOptions(loadMultiple: 1, months: growthMonths, targetUtilisation: targetUtilisation)
    }

    struct Outcome {
        var blueprint: Blueprint
        var model: Model
        var yaml: String
        var capacity: CapacityReport
        var iterations: Int
        var converged: Bool
    }

    static func size(_ start: Blueprint, render: (Blueprint) -> String) throws(DesignError) -> Outcome {
        let first = try iterate(start, render: render)
        guard first.converged else { return first }
        // Growth is path-dependent: while a callee was short its callers' holding times were inflated and
        // they may have grown more than they need. Settle at what the converged design needs (never below
        // the starting minimum) and grow again from there, so the result depends on the load, not the path.
        var settled = first.blueprint
        for component in first.capacity.components {
            guard let index = settled.index(of: component.name), settled.components[index].kind.category != .channel,
                  let minimum = start.index(of: component.name).map({ start.components[$0].instances }) else { continue }
            settled.components[index].instances = max(minimum, component.instancesSufficient)
        }
        var second = try iterate(settled, render: render)
        second.iterations += first.iterations
        return second
    }

    static func iterate(_ start: Blueprint, render: (Blueprint) -> String) throws(DesignError) -> Outcome {
        var blueprint = start
        var iteration = 0
        while true {
            iteration += 1
            let yaml = render(blueprint)
            let model: Model
            do {
                model = try ModelLoader.load(text: yaml, file: "model.yaml").model
            } catch {
                throw DesignError.invalidModel(error.diagnostics.map(\.description))
            }
            let report = CapacityAnalyzer.analyze(model, options: options)
            let changed = grow(&blueprint, report: report)
            if !changed || iteration >= maximumIterations {
                return Outcome(blueprint: blueprint, model: model, yaml: yaml, capacity: report,
                               iterations: iteration, converged: !changed)
            }
        }
    }

    /// One growth step; true when anything changed. Only ever grows, so more load never yields fewer instances.
    static func grow(_ blueprint: inout Blueprint, report: CapacityReport) -> Bool {
        var changed = false
        // Short: needs more instances than it has. A caller's holding time includes its callees' waits, so
        // while a callee is short the caller's need is inflated: grow from the bottom of the call graph up.
        var short: Set<String> = []
        for component in report.components where component.instancesNeeded > component.instances || component.saturated {
            short.insert(component.name)
        }
        for component in report.components where short.contains(component.name) {
            guard let index = blueprint.index(of: component.name) else { continue }
            let planned = blueprint.components[index]
            if planned.kind.category == .channel { continue }
            if planned.calls.contains(where: { !$0.async && short.contains($0.to) }) { continue }
            let needed = min(maximumInstances, max(component.instancesNeeded, component.saturated ? component.instances + 1 : 0))
            if needed > planned.instances {
                blueprint.components[index].instances = needed
                changed = true
            }
        }
        // Consumer parallelism on a partitioned topic is capped by its partitions: keep one per consumer worker.
        for index in blueprint.components.indices {
            guard let partitions = blueprint.components[index].partitions else { continue }
            let parallelism = blueprint.components[index].consumers.compactMap { name in
                blueprint.index(of: name).map { blueprint.components[$0].instances * (blueprint.components[$0].workers ?? 1) }
            }.max() ?? 0
            if parallelism > partitions {
                blueprint.components[index].partitions = min(100_000, parallelism)
                changed = true
            }
        }
        if changed { return true }
        for topic in report.topics {
            guard let index = blueprint.index(of: topic.name), let partitions = blueprint.components[index].partitions else { continue }
            var needed = Int(min(100_000, max(0, (topic.partitionsNeeded.value ?? 0).rounded(.up))))
            for consumer in topic.consumers where (consumer.lagGrowth.value ?? 0) > 0 { needed = max(needed, min(100_000, partitions * 2)) }
            needed = min(10_000, needed)
            if needed > partitions {
                blueprint.components[index].partitions = needed
                changed = true
            }
        }
        for budget in report.connections where budget.exceeded {
            guard let index = blueprint.index(of: budget.store) else { continue }
            let requested = Int(min(1e9, max(0, (budget.requested.value ?? 0).rounded(.up))))
            let raised = min(maximumConnections, ((requested * 5 / 4) / 50 + 1) * 50)
            if raised > blueprint.components[index].maxConnections ?? 0 {
                blueprint.components[index].maxConnections = raised
                changed = true
            } else if requested > raised {
                // No server takes more: shrink the callers' pools to share 80% of the limit (a pooler in front).
                let callers = budget.callers.reduce(0) { $0 + $1.instances }
                let share = max(1, maximumConnections * 4 / 5 / max(1, callers))
                for caller in budget.callers {
                    guard let callerIndex = blueprint.index(of: caller.component) else { continue }
                    for callIndex in blueprint.components[callerIndex].calls.indices
                    where blueprint.components[callerIndex].calls[callIndex].to == budget.store
                        && (blueprint.components[callerIndex].calls[callIndex].pool ?? Int.max) > share {
                        blueprint.components[callerIndex].calls[callIndex].pool = share
                        changed = true
                    }
                }
            }
        }
        for flow in report.flows {
            if flow.meetsLatency == false {
                // Queueing is what the sizing can remove: grow the busiest component on the critical path,
                // when it runs above the target (below it, more instances barely shorten the wait).
                let path = flow.criticalPath.compactMap { name in report.components.first { $0.name == name } }
                    .filter { ($0.utilisation.value ?? 2) > targetUtilisation / 2 }
                if let busiest = path.max(by: { ($0.utilisation.value ?? 2) < ($1.utilisation.value ?? 2) }),
                   let index = blueprint.index(of: busiest.name), blueprint.components[index].kind.category != .channel,
                   blueprint.components[index].instances < maximumInstances {
                    blueprint.components[index].instances += max(1, blueprint.components[index].instances / 4)
                    changed = true
                }
            }
            if flow.meetsAvailability == false {
                // Add redundancy to the hard dependency with the least of it.
                let candidates = flow.hardDependencies.compactMap { blueprint.index(of: $0) }
                if let index = candidates.min(by: { redundancy(blueprint.components[$0]) < redundancy(blueprint.components[$1]) }),
                   redundancy(blueprint.components[index]) < 5 {
                    let category = blueprint.components[index].kind.category
                    if category == .database || category == .cache || category == .channel || category == .broker {
                        blueprint.components[index].replicas += 1
                    } else {
                        blueprint.components[index].instances += 1
                    }
                    changed = true
                }
            }
        }
        return changed
    }

    static func redundancy(_ component: PlannedComponent) -> Int {
        switch component.kind.category {
        case .database, .cache, .channel, .broker: 1 + component.replicas
        default: component.instances
        }
    }
}

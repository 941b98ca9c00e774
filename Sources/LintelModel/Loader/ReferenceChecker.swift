/// Cross-reference and consistency checks that need the whole model, and defaults that
/// depend on other parts (call modes, consumers, flow rates, scenario durations).
struct ReferenceChecker {
    private(set) var diagnostics: [Diagnostic] = []
    var names: [String: Int] = [:]
    private var flowNames: Set<String> = []

    mutating func check(_ model: inout Model) {
        names = model.componentIndex
        flowNames = Set(model.flows.map(\.name))
        if model.version != 1 {
            error("unsupported model version \(model.version)", at: model.location, hint: "this Lintel reads 'lintel: 1'")
        }
        // Checks read a snapshot while the loop writes resolved values into `model`; passing `model`
        // itself would share the arrays being written and copy them on every write (quadratic).
        let snapshot = model
        for index in model.components.indices { checkComponent(&model.components[index], in: snapshot) }
        linkConsumers(&model)
        checkDomain(model)
        let resolved = model
        for index in model.flows.indices { checkFlow(&model.flows[index], in: resolved) }
        for index in model.scenarios.indices { checkScenario(&model.scenarios[index], in: resolved) }
        for risk in model.accept {
            if let component = risk.component { reference(component, at: risk.location, what: "component") }
            if let flow = risk.flow, !flowNames.contains(flow) {
                error("unknown flow '\(flow)'", at: risk.location, hint: suggestion(flow, in: flowNames))
            }
            if risk.reason.trimmed.isEmpty {
                error("an accepted risk needs a reason", at: risk.location)
            }
        }
    }

    private mutating func checkComponent(_ component: inout Component, in model: Model) {
        if component.latency.p99 < component.latency.p50 {
            error("latency p99 (\(component.latency.p99)) is below p50 (\(component.latency.p50))", at: component.location(of: "latency"))
        }
        if let scale = component.autoscale, scale.min > scale.max {
            error("autoscale min \(scale.min) is above max \(scale.max)", at: component.location(of: "autoscale"))
        }
        if component.kind.category == .compute, component.partitions != nil {
            warning("'partitions' has no effect on a \(component.kind.rawValue)", at: component.location(of: "partitions"))
        }
        var calledSoFar: Set<String> = []
        for index in component.calls.indices {
            let call = component.calls[index]
            let at = call.location(of: "to")
            guard reference(call.to, at: at, what: "component") else { continue }
            if call.to == component.name {
                error("'\(component.name)' calls itself", at: at, hint: "a component's internal work belongs in its latency, not in a call")
                continue
            }
            let target = model.components[names[call.to] ?? 0]
            if call.keyLocations["mode"] == nil, target.kind.isMessaging {
                component.calls[index].mode = .async
            }
            if call.mode == .async, !target.kind.isMessaging, call.keyLocations["mode"] == nil {
                error("'\(component.name)' publishes to '\(call.to)', which is a \(target.kind.rawValue)", at: at,
                      hint: "publish to a topic or queue, or list '\(call.to)' under calls")
            }
            // An operation's on_miss is checked against that operation's own calls (checkOperations).
            if call.declaredBy == nil, let cache = call.onMiss, reference(cache, at: call.location(of: "on_miss"), what: "component") {
                if !calledSoFar.contains(cache) {
                    error("on_miss names '\(cache)', but '\(component.name)' does not call it before this call", at: call.location(of: "on_miss"),
                          hint: "list the call to '\(cache)' (with its hit_ratio) earlier in calls")
                } else if component.calls.first(where: { $0.to == cache })?.hitRatio == nil {
                    error("on_miss names '\(cache)', but the call to it has no hit_ratio", at: call.location(of: "on_miss"))
                }
            }
            if let parallel = call.parallel, parallel.isEmpty {
                error("'parallel' needs a group name", at: call.location(of: "parallel"))
            }
            calledSoFar.insert(call.to)
        }
        checkOperations(component, in: model)
        for topic in component.consumes where reference(topic, at: component.location(of: "consumes"), what: "topic or queue") {
            let target = model.components[names[topic] ?? 0]
            if !target.kind.isMessaging {
                error("'\(component.name)' consumes '\(topic)', which is a \(target.kind.rawValue), not a topic or queue",
                      at: component.location(of: "consumes"))
            }
        }
        for consumer in component.consumers {
            reference(consumer, at: component.location(of: "consumers"), what: "component")
        }
        if !component.consumers.isEmpty, !component.kind.isMessaging {
            error("'consumers' applies to topics and queues, not to a \(component.kind.rawValue)", at: component.location(of: "consumers"))
        }
    }

    /// Makes `consumers` of each topic and `consumes` of each component agree.
    private func linkConsumers(_ model: inout Model) {
        var consumersOf: [String: Set<String>] = [:]
        var consumesOf: [String: Set<String>] = [:]
        for component in model.components {
            for topic in component.consumes {
                consumersOf[topic, default: []].insert(component.name)
                consumesOf[component.name, default: []].insert(topic)
            }
            for consumer in component.consumers {
                consumersOf[component.name, default: []].insert(consumer)
                consumesOf[consumer, default: []].insert(component.name)
            }
        }
        guard !consumersOf.isEmpty else { return }
        let order = model.componentIndex
        for index in model.components.indices {
            let name = model.components[index].name
            if let consumers = consumersOf[name] {
                model.components[index].consumers = consumers.filter { order[$0] != nil }.sorted { order[$0, default: 0] < order[$1, default: 0] }
            }
            let consumes = consumesOf[name] ?? []
            model.components[index].consumes = consumes.filter { order[$0] != nil }.sorted { order[$0, default: 0] < order[$1, default: 0] }
        }
    }

    private mutating func checkDomain(_ model: Model) {
        let entityNames = Set(model.domain.entities.map(\.name))
        for context in model.domain.contexts {
            for entity in context.entities {
                if let store = entity.store { reference(store, at: entity.location, what: "component") }
                let fieldNames = Set(entity.fields.map(\.name))
                for field in entity.fields {
                    if case .reference(let target) = field.type, !entityNames.contains(target) {
                        error("field '\(field.name)' refers to unknown entity '\(target)'", at: field.location,
                              hint: suggestion(target, in: entityNames))
                    }
                }
                for query in entity.queries {
                    for name in query.by + [query.order].compactMap({ $0 }) where !fieldNames.contains(name) && !entity.key.contains(name) {
                        error("query on '\(entity.name)' uses unknown field '\(name)'", at: query.location, hint: suggestion(name, in: fieldNames))
                    }
                }
            }
            for event in context.events {
                if let topic = event.topic { reference(topic, at: event.location, what: "topic") }
            }
        }
    }

    private mutating func checkFlow(_ flow: inout Flow, in model: Model) {
        resolveOperation(&flow, in: model)
        let path = flow.path
        for (offset, name) in path.enumerated() {
            let at = offset == 0 ? flow.location(of: "entry") : flow.location(of: "route")
            guard reference(name, at: at, what: "component") else { return }
            if offset > 0 {
                let previous = path[offset - 1]
                let caller = model.components[names[previous] ?? 0]
                if !caller.calls.contains(where: { $0.to == name }) {
                    error("flow '\(flow.name)' goes from '\(previous)' to '\(name)', but '\(previous)' does not call '\(name)'", at: at,
                          hint: "add '\(name)' to the calls of '\(previous)'")
                }
            }
        }
        let traffic = model.requirements.traffic
        if flow.keyLocations["rate"] == nil {
            if let share = flow.share, let average = traffic?.average {
                flow.rate = Rate(perSecond: average.perSecond * share)
            } else if model.flows.count == 1, let average = traffic?.average ?? traffic?.peak {
                flow.rate = average
            } else {
                error("flow '\(flow.name)' needs a rate", at: flow.location,
                      hint: "give 'rate: 40/s', or 'share: 30%' of requirements.traffic.average")
            }
        }
        if flow.keyLocations["peak"] == nil {
            if let average = traffic?.average, let peak = traffic?.peak, average.perSecond > 0 {
                flow.peak = Rate(perSecond: flow.rate.perSecond * peak.perSecond / average.perSecond)
            } else {
                flow.peak = flow.rate
            }
        }
        if flow.peak < flow.rate {
            error("flow '\(flow.name)' has a peak (\(flow.peak)) below its average rate (\(flow.rate))", at: flow.location(of: "peak"))
        }
    }

    private mutating func checkScenario(_ scenario: inout Scenario, in model: Model) {
        var end = 0.0
        var previous = -1.0
        for step in scenario.load {
            if let flow = step.flow, !flowNames.contains(flow) {
                error("unknown flow '\(flow)'", at: step.location, hint: suggestion(flow, in: flowNames))
            }
            if (step.rate == nil) == (step.scale == nil) {
                error("a load step needs exactly one of 'rate' or 'scale'", at: step.location)
            }
            if step.at.seconds < previous {
                error("load steps must be in time order ('at: \(step.at)' comes after a later step)", at: step.location)
            }
            previous = step.at.seconds
            end = max(end, step.at.seconds)
        }
        for fault in scenario.faults {
            guard reference(fault.component, at: fault.location, what: "component") else { continue }
            let target = model.components[names[fault.component] ?? 0]
            if !fault.down, fault.instancesDown == nil, fault.latencyFactor == nil, fault.errorRate == nil, fault.workers == nil {
                error("a fault needs an effect", at: fault.location, hint: "add one of: down: true, instances_down: 1, latency: 10x, error_rate: 50%, workers: 2")
            }
            if let down = fault.instancesDown, down > target.instances {
                error("instances_down is \(down), but '\(target.name)' has \(target.instances) instance\(target.instances == 1 ? "" : "s")", at: fault.location)
            }
            if fault.duration.seconds <= 0 {
                error("a fault needs a duration above zero ('for')", at: fault.location)
            }
            end = max(end, fault.end.seconds)
        }
        if scenario.duration.seconds <= 0 {
            scenario.duration = TimeSpan(seconds: end + 300)
        }
    }

    @discardableResult
    mutating func reference(_ name: String, at location: SourceLocation, what: String) -> Bool {
        if names[name] != nil { return true }
        error("unknown \(what) '\(name)'", at: location, hint: suggestion(name, in: names.keys))
        return false
    }

    func suggestion(_ name: String, in candidates: some Sequence<String>) -> String? {
        Suggestion.closest(to: name, in: candidates).map { "did you mean '\($0)'?" }
    }

    mutating func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: location, hint: hint))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(message, at: location, severity: .warning))
    }
}

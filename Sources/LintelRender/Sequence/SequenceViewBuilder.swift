import LintelModel

/// Follows one flow's request through the model and records the calls it makes, in order.
///
/// Flow semantics: at each hop of `entry → route` only the call to the next hop is made; at
/// the last hop all of its calls are made, and each synchronous callee's calls in turn,
/// up to `sequenceDepthLimit` levels. A call back into a component already handling the
/// request is drawn once and not followed (cycle-safe). Asynchronous calls are drawn with
/// the deliveries of a topic or queue to its consumers, whose own work is not followed:
/// it is no longer part of the request. At most `sequenceMessageLimit` messages are drawn.
struct SequenceViewBuilder {
    static let clientID = "x_client"

    private let model: Model
    private let components: [String: Component]
    private let depthLimit: Int
    private let messageLimit: Int
    private var ids = DiagramIdentifiers(prefix: "p_")
    private var participants: [SequenceDiagram.Participant] = []
    private var messages = 0
    private var truncated = false

    init(model: Model, options: RenderOptions) {
        self.model = model
        var components: [String: Component] = [:]
        for component in model.components where components[component.name] == nil { components[component.name] = component }
        self.components = components
        self.depthLimit = max(0, options.sequenceDepthLimit)
        self.messageLimit = max(1, options.sequenceMessageLimit)
        ids.reserve(Self.clientID)
    }

    /// What comes after a synchronous call arrives: the next hop of the route, or all the callee's calls.
    private enum Continuation {
        case route(path: [String], index: Int)
        case calls(depth: Int)
    }

    mutating func build(_ flow: Flow) -> SequenceDiagram {
        participants = [SequenceDiagram.Participant(id: Self.clientID, name: "Client", shape: .actor)]
        let entry = participant(flow.entry)
        var label = "\(flow.name) \(flow.rate) avg, \(flow.peak) peak"
        if let slo = flow.slo?.latencyP99 ?? model.requirements.slo?.latencyP99 { label += ", p99 SLO \(slo)" }
        var steps: [SequenceStep] = [.message(SequenceMessage(from: Self.clientID, to: entry, kind: .sync, label: label))]
        messages = 1
        steps += next(after: flow.entry, continuation: .route(path: flow.path, index: 0), stack: [flow.entry])
        steps.append(.message(SequenceMessage(from: entry, to: Self.clientID, kind: .reply, label: "response")))
        if truncated {
            steps.append(.note(over: entry, text: "diagram cut short after \(messageLimit) messages"))
        }
        return SequenceDiagram(title: "\(model.system): \(flow.name) flow", participants: participants, steps: steps)
    }

    /// Registers a participant on first appearance and returns its id.
    private mutating func participant(_ name: String) -> String {
        if let id = ids.byName[name] { return id }
        let id = ids.register(name)
        let shape = components[name].map { NodeShape($0.kind) } ?? .service
        participants.append(SequenceDiagram.Participant(id: id, name: name, shape: shape))
        return id
    }

    private mutating func next(after name: String, continuation: Continuation, stack: [String]) -> [SequenceStep] {
        guard let component = components[name] else { return [] }
        switch continuation {
        case .route(let path, let index) where index < path.count - 1:
            let hop = path[index + 1]
            if let call = component.calls.first(where: { $0.to == hop }) {
                return steps(for: call, from: component, continuation: .route(path: path, index: index + 1), stack: stack)
            }
            // The loader rejects such routes; a model built in code may still have one.
            let route = Call(to: hop, location: component.location)
            return [.note(over: participant(name), text: "the route continues to \(hop) without a declared call")]
                + steps(for: route, from: component, continuation: .route(path: path, index: index + 1), stack: stack)
        case .route:
            return allCalls(of: component, depth: 0, stack: stack)
        case .calls(let depth):
            return allCalls(of: component, depth: depth, stack: stack)
        }
    }

    private mutating func allCalls(of component: Component, depth: Int, stack: [String]) -> [SequenceStep] {
        guard !component.calls.isEmpty else { return [] }
        if depth >= depthLimit {
            return [.note(over: participant(component.name), text: "\(component.calls.count) further calls not drawn (depth limit \(depthLimit))")]
        }
        var result: [SequenceStep] = []
        var drawnGroups: Set<String> = []
        for call in component.calls {
            guard let group = call.parallel else {
                result += steps(for: call, from: component, continuation: .calls(depth: depth + 1), stack: stack)
                continue
            }
            guard drawnGroups.insert(group).inserted else { continue }
            let members = component.calls.filter { $0.parallel == group }
            var sections: [SequenceBlock.Section] = []
            for member in members {
                let inner = steps(for: member, from: component, continuation: .calls(depth: depth + 1), stack: stack)
                if !inner.isEmpty { sections.append(SequenceBlock.Section(label: "\(group): \(member.to)", steps: inner)) }
            }
            if sections.count > 1 {
                result.append(.block(SequenceBlock(kind: .par, sections: sections)))
            } else {
                result += sections.flatMap(\.steps)
            }
        }
        return result
    }

    /// One call with what it causes, wrapped in the blocks that say when it happens.
    private mutating func steps(for call: Call, from caller: Component, continuation: Continuation, stack: [String]) -> [SequenceStep] {
        guard messages < messageLimit else {
            truncated = true
            return []
        }
        messages += 1
        let from = participant(caller.name)
        let to = participant(call.to)
        var core: [SequenceStep] = []
        switch call.mode {
        case .sync:
            core.append(.message(SequenceMessage(from: from, to: to, kind: .sync, label: Labels.call(call))))
            if stack.contains(call.to) {
                core.append(.note(over: to, text: "cycle: \(call.to) is already handling this request"))
            } else {
                core += next(after: call.to, continuation: continuation, stack: stack + [call.to])
            }
            core.append(.message(SequenceMessage(from: to, to: from, kind: .reply, label: "reply")))
        case .async:
            core.append(.message(SequenceMessage(from: from, to: to, kind: .async, label: publishLabel(call))))
            if let channel = components[call.to], channel.kind.isMessaging {
                for consumer in channel.consumers where components[consumer] != nil && messages < messageLimit {
                    messages += 1
                    core.append(.message(SequenceMessage(from: to, to: participant(consumer), kind: .async, label: "deliver")))
                }
            }
        }
        return wrap(core, call: call, caller: caller)
    }

    private func publishLabel(_ call: Call) -> String {
        let label = Labels.call(call)
        return label.isEmpty ? "publish" : "publish " + label
    }

    private func wrap(_ core: [SequenceStep], call: Call, caller: Component) -> [SequenceStep] {
        var steps = core
        func block(_ kind: SequenceBlock.Kind, _ label: String) {
            steps = [.block(SequenceBlock(kind: kind, sections: [SequenceBlock.Section(label: label, steps: steps)]))]
        }
        if call.perRequest > 1 {
            block(.loop, "\(UnitFormat.number(call.perRequest)) calls per request")
        } else if call.perRequest < 1 {
            block(.opt, "\(UnitFormat.percent(call.perRequest, decimals: 1)) of requests")
        }
        if let cache = call.onMiss {
            let hit = caller.calls.first { $0.to == cache && $0.hitRatio != nil }?.hitRatio
            block(.opt, "\(cache) miss" + (hit.map { " (\(UnitFormat.percent(1 - $0, decimals: 1)))" } ?? ""))
        } else if let hit = call.hitRatio, components[call.to]?.kind.category != .cache {
            block(.opt, "caller-side cache miss (\(UnitFormat.percent(1 - hit, decimals: 1)))")
        }
        if call.optional { block(.opt, "optional: the caller falls back if \(call.to) fails") }
        return steps
    }
}

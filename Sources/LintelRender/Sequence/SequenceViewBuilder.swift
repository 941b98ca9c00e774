import LintelModel

/// Draws one flow's request as the semantic core resolved it, in the order the calls are made.
///
/// The core decides what the request does (`ResolvedFlow.hops` and `hopEdges`: at each hop only the
/// call to the next hop; at the last hop its whole `CallPlan`, batch by batch, parallel groups
/// gathered; a topic or queue delivers to its consumers whatever the call's mode). This builder only
/// decides how much to draw: synchronous callees' calls are followed up to `sequenceDepthLimit`
/// levels, at most `sequenceMessageLimit` messages, a call back into a component already handling the
/// request is drawn once and not followed, and the work of consumers is not followed (it is no
/// longer part of the request). Edges the cycle policy cut are drawn with a note, not followed.
struct SequenceViewBuilder {
    static let clientID = "x_client"

    private let semantics: SemanticModel
    private let depthLimit: Int
    private let messageLimit: Int
    private var ids = DiagramIdentifiers(prefix: "p_")
    private var participants: [SequenceDiagram.Participant] = []
    private var messages = 0
    private var truncated = false

    init(semantics: SemanticModel, options: RenderOptions) {
        self.semantics = semantics
        self.depthLimit = max(0, options.sequenceDepthLimit)
        self.messageLimit = max(1, options.sequenceMessageLimit)
        ids.reserve(Self.clientID)
    }

    private var model: Model { semantics.model }
    private var graph: SemanticGraph { semantics.graph }

    /// What comes after a synchronous call arrives: the next hop of the route, or all the callee's calls.
    private enum Continuation {
        case route(ResolvedFlow, hop: Int)
        case calls(depth: Int)
    }

    /// One call to draw: an edge of the core's graph, or the default call a route hop makes when its
    /// predecessor declares none (the loader refuses that; a model built in code may still have one).
    private struct Drawn {
        var source: Int
        var target: Int
        var call: Call
        var edge: SemanticEdge?
        /// True when the call's copies run concurrently (inside a parallel group).
        var concurrent: Bool
    }

    mutating func build(_ flow: Flow) -> SequenceDiagram {
        participants = [SequenceDiagram.Participant(id: Self.clientID, name: "Client", shape: .actor)]
        let entry = participant(flow.entry)
        var label = "\(flow.name) \(flow.rate) avg, \(flow.peak) peak"
        let resolved = semantics.flows.first { $0.name == flow.name }
        if let slo = resolved?.slo?.latencyP99 { label += ", p99 SLO \(slo)" }
        var steps: [SequenceStep] = [.message(SequenceMessage(from: Self.clientID, to: entry, kind: .sync, label: label))]
        messages = 1
        if let resolved, let first = resolved.hops.first, model.components.indices.contains(first), model.components[first].name == flow.entry {
            steps += next(after: first, continuation: .route(resolved, hop: 0), stack: [first])
        }
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
        let shape = semantics.index[name].map { NodeShape(model.components[$0].kind) } ?? .service
        participants.append(SequenceDiagram.Participant(id: id, name: name, shape: shape))
        return id
    }

    private mutating func next(after node: Int, continuation: Continuation, stack: [Int]) -> [SequenceStep] {
        switch continuation {
        case .route(let flow, let hop) where hop < flow.hops.count - 1:
            let target = flow.hops[hop + 1]
            let onward = Continuation.route(flow, hop: hop + 1)
            if let e = flow.hopEdges[hop], let call = semantics.call(e) {
                let edge = graph.edges[e]
                return steps(for: Drawn(source: node, target: target, call: call, edge: edge, concurrent: edge.parallel != nil),
                             continuation: onward, stack: stack)
            }
            let name = model.components[target].name
            let route = Call(to: name, location: model.components[node].location)
            return [.note(over: participant(model.components[node].name), text: "the route continues to \(name) without a declared call")]
                + steps(for: Drawn(source: node, target: target, call: route, edge: nil, concurrent: false), continuation: onward, stack: stack)
        case .route(let flow, _):
            // The last hop makes its own plan, or the plan of the operation the flow invokes.
            return allCalls(of: node, depth: 0, stack: stack, operation: flow.operation.map { _ in flow.lastPlan })
        case .calls(let depth):
            return allCalls(of: node, depth: depth, stack: stack)
        }
    }

    /// The node's call plan (or an operation's, in its own order), batch by batch, with the edges the cycle
    /// policy cut at their declared place.
    private mutating func allCalls(of node: Int, depth: Int, stack: [Int], operation: CallPlan? = nil) -> [SequenceStep] {
        let component = model.components[node]
        let declared = operation?.edges ?? graph.callEdges[node].compactMap { $0 }.filter { !graph.edges[$0].operationOnly }
        guard !declared.isEmpty else { return [] }
        if depth >= depthLimit {
            return [.note(over: participant(component.name), text: "\(declared.count) further calls not drawn (depth limit \(depthLimit))")]
        }
        var batches = (operation ?? semantics.plans[node]).batches.map { (edges: $0.edges, group: $0.parallel) }
        if operation == nil {
            for e in declared where graph.edges[e].closesCycle { batches.append(([e], nil)) }
            batches.sort { (graph.edges[$0.edges[0]].callIndex ?? 0) < (graph.edges[$1.edges[0]].callIndex ?? 0) }
        }
        var result: [SequenceStep] = []
        for batch in batches {
            let drawn = batch.edges.compactMap { e in
                semantics.call(e).map { Drawn(source: node, target: graph.edges[e].target, call: $0, edge: graph.edges[e], concurrent: batch.group != nil) }
            }
            guard let group = batch.group, drawn.count > 1 else {
                for call in drawn { result += steps(for: call, continuation: .calls(depth: depth + 1), stack: stack) }
                continue
            }
            var sections: [SequenceBlock.Section] = []
            for member in drawn {
                let inner = steps(for: member, continuation: .calls(depth: depth + 1), stack: stack)
                if !inner.isEmpty { sections.append(SequenceBlock.Section(label: "\(group): \(member.call.to)", steps: inner)) }
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
    private mutating func steps(for drawn: Drawn, continuation: Continuation, stack: [Int]) -> [SequenceStep] {
        guard messages < messageLimit else {
            truncated = true
            return []
        }
        messages += 1
        let from = participant(model.components[drawn.source].name)
        let to = participant(model.components[drawn.target].name)
        let channel = model.components[drawn.target].kind.isMessaging
        var core: [SequenceStep] = []
        if drawn.edge?.waitsForAnswer ?? true {
            // The caller waits: for the callee's answer, or for the broker's acknowledgement of a sync publish.
            core.append(.message(SequenceMessage(from: from, to: to, kind: .sync, label: channel ? publishLabel(drawn.call) : Labels.call(drawn.call))))
            if drawn.edge?.closesCycle == true || stack.contains(drawn.target) {
                let name = drawn.call.to
                let text = stack.contains(drawn.target) ? "cycle: \(name) is already handling this request"
                    : "cycle: the call back to \(name) is not followed (the cycle never ends)"
                core.append(.note(over: to, text: text))
            } else {
                if channel { core += deliveries(from: drawn.target) }
                core += next(after: drawn.target, continuation: continuation, stack: stack + [drawn.target])
            }
            core.append(.message(SequenceMessage(from: to, to: from, kind: .reply, label: channel ? "ack" : "reply")))
        } else {
            core.append(.message(SequenceMessage(from: from, to: to, kind: .async, label: publishLabel(drawn.call))))
            if channel { core += deliveries(from: drawn.target) }
        }
        return wrap(core, drawn)
    }

    /// A topic's deliveries to every consumer, a queue's to one of them (the core's delivery edges).
    private mutating func deliveries(from channel: Int) -> [SequenceStep] {
        var result: [SequenceStep] = []
        let from = participant(model.components[channel].name)
        for e in graph.outgoing(channel) where graph.edges[e].kind == .delivery && messages < messageLimit {
            messages += 1
            let edge = graph.edges[e]
            let label = edge.share < 1 ? "deliver (to one of \(graph.consumers[channel].count))" : "deliver"
            result.append(.message(SequenceMessage(from: from, to: participant(model.components[edge.target].name), kind: .async, label: label)))
        }
        return result
    }

    private func publishLabel(_ call: Call) -> String {
        let label = Labels.call(call)
        return label.isEmpty ? "publish" : "publish " + label
    }

    /// The blocks a call sits in, from the core's edge: copies, cache misses, caller-side caches, optional.
    private func wrap(_ core: [SequenceStep], _ drawn: Drawn) -> [SequenceStep] {
        var steps = core
        func block(_ kind: SequenceBlock.Kind, _ label: String) {
            steps = [.block(SequenceBlock(kind: kind, sections: [SequenceBlock.Section(label: label, steps: steps)]))]
        }
        let copies = drawn.edge?.copies ?? 1
        if copies > 1 {
            // Copies inside a parallel group run at once; outside one, one after another.
            if drawn.concurrent {
                block(.par, "\(UnitFormat.number(copies)) concurrent calls per request")
            } else {
                block(.loop, "\(UnitFormat.number(copies)) calls per request")
            }
        } else if copies < 1 {
            block(.opt, "\(UnitFormat.percent(copies, decimals: 1)) of requests")
        }
        if let edge = drawn.edge, let cache = drawn.call.onMiss {
            let miss = edge.missProbability < 1 ? " (\(UnitFormat.percent(edge.missProbability, decimals: 1)))" : ""
            block(.opt, "\(cache) miss" + miss)
        } else if let edge = drawn.edge, edge.skip > 0 {
            block(.opt, "caller-side cache miss (\(UnitFormat.percent(1 - edge.skip, decimals: 1)))")
        }
        if drawn.call.optional { block(.opt, "optional: the caller falls back if \(drawn.call.to) fails") }
        return steps
    }
}

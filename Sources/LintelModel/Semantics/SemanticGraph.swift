/// One edge of the system: a declared call, or a topic or queue delivering to a consumer.
public struct SemanticEdge: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The caller's call at this index of its `calls`.
        case call(Int)
        /// A topic or queue handing messages to a consumer.
        case delivery
    }

    public var source: Int
    public var target: Int
    public var kind: Kind
    /// `.async` for deliveries; a sync call to a topic or queue waits for the broker's acknowledgement.
    public var mode: CallMode
    /// Expected copies per request reaching the caller (`per_request`, may be fractional); 1 for deliveries.
    public var copies: Double
    /// Probability a caller-side cache answers and the call is skipped (`hit_ratio` on a call to a non-cache).
    public var skip: Double
    /// For a call to a cache: the probability its lookup hits; `nil` otherwise.
    public var hit: Double?
    /// For an `on_miss` call: the edge of the cache lookup it depends on, and the probability that lookup misses.
    public var missLookup: Int?
    public var missProbability: Double
    /// The fraction of a channel's messages this consumer receives: 1 for a topic (every consumer group),
    /// 1/n for a queue with n competing consumers; 1 for calls.
    public var share: Double
    public var parallel: String?
    public var optional: Bool
    /// True for an edge that closes a cycle whose gain is ≥ 1 (a cycle that never terminates):
    /// every engine skips it, and review reports the cycle.
    public var closesCycle: Bool
    /// True for a call only an operation makes (`Call.declaredBy`): it lies outside `outgoing(source)`, so a
    /// request that names no operation never makes it; `operationEdges` lists it under its operation.
    public var operationOnly: Bool = false

    /// Requests reaching `target` per request reaching `source`:
    /// copies × (1 − skip) × miss probability × share.
    public var factor: Double { copies * (1 - skip) * missProbability * share }

    /// The caller waits for the answer (holding its worker): a synchronous call, including a sync publish.
    public var waitsForAnswer: Bool { mode == .sync && kind != .delivery }

    /// A synchronous, non-optional call: its failure fails the caller's request.
    public var isHard: Bool { waitsForAnswer && !optional }

    /// The caller's call index, `nil` for a delivery.
    public var callIndex: Int? {
        if case .call(let index) = kind { return index }
        return nil
    }
}

/// The model's components as an indexed graph: call edges and consumer edges, callers and consumers.
/// Built once in O(components + calls).
public struct SemanticGraph: Sendable {
    /// All edges; those leaving component `i` for a request that names no operation are
    /// `edges[offsets[i] ..< offsets[i + 1]]`: its own calls in declaration order, then (for a topic or
    /// queue) its deliveries in consumer order. The calls only operations make follow after every
    /// component's range (`operationOnly`), reached through `operationEdges`.
    public internal(set) var edges: [SemanticEdge]
    public let offsets: [Int]
    /// Per component, per call: the edge of that call, `nil` when the call names an unknown component.
    public let callEdges: [[Int?]]
    /// Per component, per operation (in `Component.operations` order): the edges of the calls that
    /// operation makes, in its order; shared calls are the component's own edges.
    public let operationEdges: [[[Int]]]
    /// Per component: the edges of the calls only its operations make, in edge order.
    public let operationOnly: [[Int]]
    /// Distinct components calling each component (any mode), in file order.
    public let callers: [[Int]]
    /// Distinct components calling each component synchronously, in file order.
    public let syncCallers: [[Int]]
    /// Consumers of each topic or queue (its `consumers` merged with every component's `consumes`), sorted.
    public let consumers: [[Int]]
    /// Topics and queues each component consumes, sorted.
    public let consumed: [[Int]]

    init(components: [Component], index: [String: Int]) {
        let count = components.count
        var consumers = [[Int]](repeating: [], count: count)
        for (channel, component) in components.enumerated() where component.kind.isMessaging {
            for name in component.consumers { if let consumer = index[name] { consumers[channel].append(consumer) } }
        }
        for (consumer, component) in components.enumerated() {
            for name in component.consumes {
                if let channel = index[name], components[channel].kind.isMessaging { consumers[channel].append(consumer) }
            }
        }
        consumers = consumers.map { Array(Set($0)).sorted() }
        var consumed = [[Int]](repeating: [], count: count)
        for (channel, list) in consumers.enumerated() { for consumer in list { consumed[consumer].append(channel) } }

        var edges: [SemanticEdge] = []
        var offsets = [0]
        var callEdges: [[Int?]] = []
        var callers = [[Int]](repeating: [], count: count)
        var syncCallers = [[Int]](repeating: [], count: count)
        offsets.reserveCapacity(count + 1)
        for (source, component) in components.enumerated() {
            var row: [Int?] = []
            var firstLookup: [String: Int] = [:]
            for (position, call) in component.calls.enumerated() {
                guard call.declaredBy == nil, let target = index[call.to] else { row.append(nil); continue }
                let targetIsCache = components[target].kind.category == .cache
                let hit = Self.fraction(call.hitRatio)
                var edge = SemanticEdge(
                    source: source, target: target, kind: .call(position), mode: call.mode,
                    copies: call.perRequest.isFinite ? max(0, call.perRequest) : 0,
                    skip: targetIsCache ? 0 : hit ?? 0, hit: targetIsCache ? hit ?? 0 : nil,
                    missLookup: nil, missProbability: 1, share: 1,
                    parallel: call.parallel, optional: call.optional, closesCycle: false)
                if let cache = call.onMiss, let lookup = firstLookup[cache] {
                    edge.missLookup = lookup
                    edge.missProbability = 1 - (edges[lookup].hit ?? edges[lookup].skip)
                } else if let cache = call.onMiss, let lookup = component.calls.first(where: { $0.to == cache }) {
                    // The lookup is declared after this call: the miss is not known in time; use its ratio.
                    edge.missProbability = 1 - (Self.fraction(lookup.hitRatio) ?? 0)
                }
                if firstLookup[call.to] == nil { firstLookup[call.to] = edges.count }
                row.append(edges.count)
                edges.append(edge)
                if callers[target].last != source { callers[target].append(source) }
                if call.mode == .sync, syncCallers[target].last != source { syncCallers[target].append(source) }
            }
            callEdges.append(row)
            if component.kind.isMessaging {
                let list = consumers[source]
                let share = component.kind == .queue && !list.isEmpty ? 1 / Double(list.count) : 1
                for consumer in list {
                    edges.append(SemanticEdge(
                        source: source, target: consumer, kind: .delivery, mode: .async, copies: 1, skip: 0, hit: nil,
                        missLookup: nil, missProbability: 1, share: share, parallel: nil, optional: false, closesCycle: false))
                }
            }
            offsets.append(edges.count)
        }
        let operationEdges = Self.addOperationCalls(components: components, index: index, edges: &edges, callEdges: &callEdges,
                                                    callers: &callers, syncCallers: &syncCallers)
        self.edges = edges
        self.offsets = offsets
        self.callEdges = callEdges
        self.operationEdges = operationEdges
        var operationOnly = [[Int]](repeating: [], count: count)
        for e in offsets[count]..<edges.count { operationOnly[edges[e].source].append(e) }
        self.operationOnly = operationOnly
        self.callers = callers.map(Self.unique)
        self.syncCallers = syncCallers.map(Self.unique)
        self.consumers = consumers
        self.consumed = consumed
    }

    public var count: Int { offsets.count - 1 }

    /// The edges leaving `node`.
    public func outgoing(_ node: Int) -> Range<Int> { offsets[node]..<offsets[node + 1] }

    /// Appends an edge for every call only an operation makes, after all components' ranges, and lists
    /// each operation's edges. An `on_miss` inside an operation refers to that operation's own lookup.
    private static func addOperationCalls(components: [Component], index: [String: Int], edges: inout [SemanticEdge], callEdges: inout [[Int?]],
                                          callers: inout [[Int]], syncCallers: inout [[Int]]) -> [[[Int]]] {
        var result: [[[Int]]] = []
        result.reserveCapacity(components.count)
        var extraCallers = [[Int]](repeating: [], count: components.count)
        var extraSyncCallers = extraCallers
        for (source, component) in components.enumerated() {
            var perOperation: [[Int]] = []
            for operation in component.operations {
                var list: [Int] = []
                var firstLookup: [String: Int] = [:]
                for position in operation.calls where component.calls.indices.contains(position) {
                    let call = component.calls[position]
                    if call.declaredBy == operation.name, callEdges[source][position] == nil, let target = index[call.to] {
                        let targetIsCache = components[target].kind.category == .cache
                        let hit = fraction(call.hitRatio)
                        var edge = SemanticEdge(
                            source: source, target: target, kind: .call(position), mode: call.mode,
                            copies: call.perRequest.isFinite ? max(0, call.perRequest) : 0,
                            skip: targetIsCache ? 0 : hit ?? 0, hit: targetIsCache ? hit ?? 0 : nil,
                            missLookup: nil, missProbability: 1, share: 1,
                            parallel: call.parallel, optional: call.optional, closesCycle: false, operationOnly: true)
                        if let cache = call.onMiss, let lookup = firstLookup[cache] {
                            edge.missLookup = lookup
                            edge.missProbability = 1 - (edges[lookup].hit ?? edges[lookup].skip)
                        }
                        callEdges[source][position] = edges.count
                        edges.append(edge)
                        if extraCallers[target].last != source { extraCallers[target].append(source) }
                        if call.mode == .sync, extraSyncCallers[target].last != source { extraSyncCallers[target].append(source) }
                    }
                    guard let e = callEdges[source][position] else { continue }
                    if firstLookup[call.to] == nil { firstLookup[call.to] = e }
                    list.append(e)
                }
                perOperation.append(list)
            }
            result.append(perOperation)
        }
        // Kept in file order (ascending, distinct), like the component's own callers: one merge per callee.
        for target in components.indices where !extraCallers[target].isEmpty {
            callers[target] = Array(Set(callers[target] + extraCallers[target])).sorted()
            syncCallers[target] = Array(Set(syncCallers[target] + extraSyncCallers[target])).sorted()
        }
        return result
    }

    static func fraction(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return min(1, max(0, value))
    }

    static func unique(_ values: [Int]) -> [Int] {
        guard values.count > 1 else { return values }
        var seen = Set<Int>()
        return values.filter { seen.insert($0).inserted }
    }
}

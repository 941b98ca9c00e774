import LintelModel

/// One outgoing call resolved to component indices.
public struct CallEdge: Sendable, Equatable {
    /// Index of the called component in `model.components`.
    public var target: Int
    /// Index of the call in the caller's `calls`.
    public var call: Int
    public var isSync: Bool
    /// A synchronous call whose failure fails the caller's request (not `optional`).
    public var isHard: Bool
}

/// The model's components as an indexed graph: outgoing edges, callers and topic consumers.
/// Built once in O(components + calls).
public struct CallGraphIndex: Sendable {
    public let index: [String: Int]
    /// Outgoing calls per component, in call order; calls to unknown components are left out.
    public let edges: [[CallEdge]]
    /// Distinct components calling each component (any mode), in file order.
    public let callers: [[Int]]
    /// Distinct components calling each component synchronously, in file order.
    public let syncCallers: [[Int]]
    /// Components consuming each topic or queue (its `consumers` merged with every `consumes`).
    public let consumers: [[Int]]
    /// Topics and queues each component consumes.
    public let consumed: [[Int]]

    public init(model: Model) {
        let count = model.components.count
        var index: [String: Int] = [:]
        index.reserveCapacity(count)
        for (position, component) in model.components.enumerated() where index[component.name] == nil {
            index[component.name] = position
        }
        var edges = [[CallEdge]](repeating: [], count: count)
        var callers = [[Int]](repeating: [], count: count)
        var syncCallers = [[Int]](repeating: [], count: count)
        var consumers = [[Int]](repeating: [], count: count)
        var consumed = [[Int]](repeating: [], count: count)
        for (source, component) in model.components.enumerated() {
            var row: [CallEdge] = []
            row.reserveCapacity(component.calls.count)
            for (position, call) in component.calls.enumerated() {
                guard let target = index[call.to] else { continue }
                let sync = call.mode == .sync
                row.append(CallEdge(target: target, call: position, isSync: sync, isHard: sync && !call.optional))
                if callers[target].last != source { callers[target].append(source) }
                if sync, syncCallers[target].last != source { syncCallers[target].append(source) }
            }
            edges[source] = row
            for channel in component.consumes {
                guard let target = index[channel] else { continue }
                consumers[target].append(source)
                consumed[source].append(target)
            }
        }
        for (channel, component) in model.components.enumerated() {
            for name in component.consumers {
                guard let consumer = index[name], !consumers[channel].contains(consumer) else { continue }
                consumers[channel].append(consumer)
                consumed[consumer].append(channel)
            }
        }
        // A caller appears once per target even when its calls to it are not adjacent.
        self.callers = callers.map(Self.unique)
        self.syncCallers = syncCallers.map(Self.unique)
        self.consumers = consumers.map { Self.unique($0).sorted() }
        self.consumed = consumed.map { Self.unique($0).sorted() }
        self.index = index
        self.edges = edges
    }

    static func unique(_ values: [Int]) -> [Int] {
        guard values.count > 1 else { return values }
        var seen = Set<Int>()
        return values.filter { seen.insert($0).inserted }
    }
}

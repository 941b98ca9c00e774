import LintelModel

/// Which components and calls each flow reaches, and which it cannot do without.
///
/// A flow's request passes its route (at each hop only the call to the next hop is made) and at the
/// last hop makes all that component's calls, and their calls in turn. A component is a hard
/// dependency of the flow when it is on the route or reached through synchronous, non-optional calls.
public struct FlowUsage: Sendable {
    /// Bit set on components and calls used by a critical flow.
    public static let critical: UInt8 = 1
    /// Bit set on components and calls used by a best-effort (non-critical) flow.
    public static let bestEffort: UInt8 = 2

    /// Hard dependencies of each flow, in model flow order, each list in file order.
    public let hardDependencies: [[Int]]
    /// Per component: which kinds of flow reach it (`critical`, `bestEffort` bits).
    public let nodeUse: [UInt8]
    /// Per component, per call (index into `calls`): which kinds of flow make the call.
    public let callUse: [[UInt8]]
    /// Per component: true when a critical flow cannot do without it.
    public let onCriticalHardPath: [Bool]
    /// Per component: the strictest availability objective among flows that cannot do without it.
    public let availabilityObjective: [Double?]
    /// Per component: the flows (indices) reaching it at all, in flow order.
    public let flows: [[Int]]

    public init(model: Model, graph: CallGraphIndex) {
        let count = model.components.count
        var hard: [[Int]] = []
        var nodeUse = [UInt8](repeating: 0, count: count)
        var callUse = model.components.map { [UInt8](repeating: 0, count: $0.calls.count) }
        var critical = [Bool](repeating: false, count: count)
        var objective = [Double?](repeating: nil, count: count)
        var flowsReaching = [[Int]](repeating: [], count: count)
        var reachStamp = [Int](repeating: -1, count: count)
        var hardStamp = [Int](repeating: -1, count: count)

        for (flowIndex, flow) in model.flows.enumerated() {
            let bit = flow.critical ? Self.critical : Self.bestEffort
            let path = flow.path.compactMap { graph.index[$0] }
            guard path.count == flow.path.count, let last = path.last else {
                hard.append([])
                continue
            }
            var members: [Int] = []
            func reach(_ node: Int) {
                guard reachStamp[node] != flowIndex else { return }
                reachStamp[node] = flowIndex
                nodeUse[node] |= bit
                flowsReaching[node].append(flowIndex)
            }
            func hardReach(_ node: Int) -> Bool {
                guard hardStamp[node] != flowIndex else { return false }
                hardStamp[node] = flowIndex
                members.append(node)
                return true
            }
            for (hop, node) in path.enumerated() {
                reach(node)
                _ = hardReach(node)
                guard hop + 1 < path.count else { break }
                let next = path[hop + 1]
                if let edge = graph.edges[node].first(where: { $0.target == next }) { callUse[node][edge.call] |= bit }
            }
            // Everything the last hop calls, transitively: usage over all calls, hardness over hard ones.
            var queue = [last]
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                for edge in graph.edges[node] {
                    callUse[node][edge.call] |= bit
                    guard edge.isSync || model.components[edge.target].kind.isMessaging == false else { continue }
                    if reachStamp[edge.target] != flowIndex {
                        reach(edge.target)
                        queue.append(edge.target)
                    }
                }
            }
            var hardQueue = [last]
            head = 0
            while head < hardQueue.count {
                let node = hardQueue[head]
                head += 1
                for edge in graph.edges[node] where edge.isHard && hardReach(edge.target) { hardQueue.append(edge.target) }
            }
            let target = flow.slo?.availability ?? model.requirements.slo?.availability
            for node in members {
                if flow.critical { critical[node] = true }
                if let target { objective[node] = max(objective[node] ?? 0, target) }
            }
            hard.append(members.sorted())
        }
        self.hardDependencies = hard
        self.nodeUse = nodeUse
        self.callUse = callUse
        self.onCriticalHardPath = critical
        self.availabilityObjective = objective
        self.flows = flowsReaching
    }

    /// True when flow `flow` (index) cannot do without component `node` (binary search of the sorted list).
    public func isHardDependency(_ node: Int, of flow: Int) -> Bool {
        let members = hardDependencies[flow]
        var low = 0
        var high = members.count
        while low < high {
            let middle = (low + high) / 2
            if members[middle] < node { low = middle + 1 } else { high = middle }
        }
        return low < members.count && members[low] == node
    }
}

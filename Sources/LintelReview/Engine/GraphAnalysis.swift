import LintelModel

/// Strongly connected components, longest synchronous chains and retry amplification,
/// all linear in components + calls.
///
/// Cycles come from Tarjan's algorithm (iterative, so deep graphs do not overflow the stack).
/// Tarjan emits components in reverse topological order, so chain depth and amplification are
/// memoised over the condensation in one pass: edges inside a cycle are ignored for both
/// (the cycle itself is reported by `sync-call-cycle`).
public struct GraphAnalysis: Sendable {
    /// The strongly connected component (over synchronous calls) each component belongs to.
    public let scc: [Int]
    /// Synchronous call cycles: components in a strongly connected component larger than one,
    /// or calling itself; each in file order.
    public let cycles: [[Int]]
    /// Components in the longest synchronous chain starting at each component (1 when it calls nothing).
    public let depth: [Int]
    /// The next component on that longest chain, or -1.
    public let depthNext: [Int]
    /// Worst-case attempts a request reaching each component causes at the end of its worst synchronous path:
    /// the product of (1 + retries) along the path.
    public let amplification: [Double]
    /// The call edge (index into the component's edges) continuing the worst amplification path, or -1.
    public let amplificationNext: [Int]

    public init(model: Model, graph: CallGraphIndex) {
        let count = model.components.count
        let order = Self.tarjan(graph: graph, count: count)
        var scc = [Int](repeating: 0, count: count)
        for (id, members) in order.enumerated() { for node in members { scc[node] = id } }

        var cycles: [[Int]] = []
        for members in order {
            if members.count > 1 {
                cycles.append(members.sorted())
            } else if let node = members.first, graph.edges[node].contains(where: { $0.isSync && $0.target == node }) {
                cycles.append([node])
            }
        }
        cycles.sort { $0[0] < $1[0] }

        var depth = [Int](repeating: 1, count: count)
        var depthNext = [Int](repeating: -1, count: count)
        var amplification = [Double](repeating: 1, count: count)
        var amplificationNext = [Int](repeating: -1, count: count)
        for members in order {
            for node in members {
                for (position, edge) in graph.edges[node].enumerated() where edge.isSync && scc[edge.target] != scc[node] {
                    if depth[edge.target] + 1 > depth[node] {
                        depth[node] = depth[edge.target] + 1
                        depthNext[node] = edge.target
                    }
                    let attempts = Double(model.components[node].calls[edge.call].attempts)
                    let product = attempts * amplification[edge.target]
                    if product > amplification[node] {
                        amplification[node] = product
                        amplificationNext[node] = position
                    }
                }
            }
        }
        self.scc = scc
        self.cycles = cycles
        self.depth = depth
        self.depthNext = depthNext
        self.amplification = amplification
        self.amplificationNext = amplificationNext
    }

    /// The longest synchronous chain starting at `node`.
    public func chain(from node: Int) -> [Int] {
        var path = [node]
        var current = node
        while depthNext[current] >= 0, path.count <= depth[node] {
            current = depthNext[current]
            path.append(current)
        }
        return path
    }

    /// The components on the worst retry-amplification path from `node`.
    public func amplificationPath(from node: Int, graph: CallGraphIndex) -> [Int] {
        var path = [node]
        var current = node
        while amplificationNext[current] >= 0, amplification[current] > 1, path.count <= scc.count {
            current = graph.edges[current][amplificationNext[current]].target
            path.append(current)
        }
        return path
    }

    /// Tarjan's strongly connected components over synchronous edges, iteratively; components
    /// come out in reverse topological order (callees before callers).
    static func tarjan(graph: CallGraphIndex, count: Int) -> [[Int]] {
        var indexOf = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var result: [[Int]] = []
        var nextIndex = 0
        // Work stack of (node, next edge position to visit).
        var work: [(node: Int, edge: Int)] = []
        for root in 0..<count where indexOf[root] < 0 {
            work.append((root, 0))
            indexOf[root] = nextIndex
            low[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack[root] = true
            while let top = work.last {
                let node = top.node
                let edges = graph.edges[node]
                var position = top.edge
                var descended = false
                while position < edges.count {
                    let edge = edges[position]
                    position += 1
                    guard edge.isSync else { continue }
                    let target = edge.target
                    if indexOf[target] < 0 {
                        work[work.count - 1].edge = position
                        indexOf[target] = nextIndex
                        low[target] = nextIndex
                        nextIndex += 1
                        stack.append(target)
                        onStack[target] = true
                        work.append((target, 0))
                        descended = true
                        break
                    } else if onStack[target] {
                        low[node] = min(low[node], indexOf[target])
                    }
                }
                if descended { continue }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
                if low[node] == indexOf[node] {
                    var members: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        members.append(member)
                        if member == node { break }
                    }
                    result.append(members)
                }
            }
        }
        return result
    }
}

import LintelModel

/// What review measures on the core's call graph and nowhere else: synchronous call cycles, the
/// longest synchronous chain from each component and the worst retry product below it. Linear in
/// components + calls.
///
/// The strongly connected components come from the core (`SemanticGraph.stronglyConnectedComponents`)
/// over the edges a caller waits on — synchronous calls and sync publishes, including edges the
/// cycle policy cut, since those cycles are exactly what `sync-call-cycle` reports. They arrive in
/// reverse topological order, so depth and amplification are memoised over the condensation in one
/// pass; edges inside a cycle are ignored for both.
public struct GraphAnalysis: Sendable {
    /// The strongly connected component (over synchronous calls) each component belongs to.
    public let scc: [Int]
    /// The strongly connected components, callees before callers (reverse topological order).
    public let order: [[Int]]
    /// Synchronous call cycles: components in a strongly connected component larger than one,
    /// or calling itself; each sorted, the list ordered by first member.
    public let cycles: [[Int]]
    /// Components in the longest synchronous chain starting at each component (1 when it calls nothing).
    public let depth: [Int]
    /// The next component on that longest chain, or -1.
    public let depthNext: [Int]
    /// Worst-case attempts a request reaching each component causes at the end of its worst synchronous path:
    /// the product of attempts (1 + retries) along the path.
    public let amplification: [Double]
    /// The edge (index into `SemanticGraph.edges`) continuing the worst amplification path, or -1.
    public let amplificationNext: [Int]

    public init(semantics: SemanticModel) {
        let graph = semantics.graph
        let count = graph.count
        let order = graph.stronglyConnectedComponents(following: \.waitsForAnswer)
        var scc = [Int](repeating: 0, count: count)
        for (id, members) in order.enumerated() { for node in members { scc[node] = id } }

        var cycles: [[Int]] = []
        for members in order {
            if members.count > 1 {
                cycles.append(members)
            } else if let node = members.first,
                      graph.outgoing(node).contains(where: { graph.edges[$0].waitsForAnswer && graph.edges[$0].target == node }) {
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
                for e in graph.outgoing(node) {
                    let edge = graph.edges[e]
                    guard edge.waitsForAnswer, scc[edge.target] != scc[node], let call = semantics.call(e) else { continue }
                    if depth[edge.target] + 1 > depth[node] {
                        depth[node] = depth[edge.target] + 1
                        depthNext[node] = edge.target
                    }
                    let product = Double(call.attempts) * amplification[edge.target]
                    if product > amplification[node] {
                        amplification[node] = product
                        amplificationNext[node] = e
                    }
                }
            }
        }
        self.scc = scc
        self.order = order
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
    public func amplificationPath(from node: Int, graph: SemanticGraph) -> [Int] {
        var path = [node]
        var current = node
        while amplificationNext[current] >= 0, amplification[current] > 1, path.count <= scc.count {
            current = graph.edges[amplificationNext[current]].target
            path.append(current)
        }
        return path
    }
}

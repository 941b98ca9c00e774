/// The cycle policy, in one place.
///
/// Load follows the traffic equations λ = λ₀ + Pᵀλ, P the matrix of edge factors. A cycle whose
/// gain (the spectral radius of its part of P) is below 1 terminates — `b → a` with
/// `per_request: 0.5` — and is solved exactly. A cycle with gain ≥ 1 never terminates: the depth-first
/// back edges that close it are marked `closesCycle`, and every engine skips them (review reports
/// the cycle). What remains is a graph whose strongly connected components all terminate.
public struct CycleStructure: Sendable {
    /// Strongly connected components of the graph without the cut edges, in topological order
    /// (a component's callers come before it).
    public let components: [[Int]]
    /// The position in `components` of each node's strongly connected component.
    public let componentOf: [Int]
    /// For each strongly connected component with a cycle: how its members' rates follow from their
    /// inflow from outside.
    let solvers: [Int: Solver]
    /// Members of cycles that were cut, sorted, one list per cut cycle.
    public let cutCycles: [[Int]]
    /// For each strongly connected component with a cycle: its members callees first (depth-first
    /// postorder along the calls), the order in which quantities that flow from callee to caller
    /// (holding times) settle in the fewest sweeps: a ring in two or three instead of one per member.
    public let calleesFirst: [Int: [Int]]
    /// For each strongly connected component: true when it is a cycle (`isCycle`), decided once here rather
    /// than at every flow's and every queue pass's visit.
    public let cyclic: [Bool]

    /// Strongly connected components this size or smaller are solved by Gauss–Jordan elimination;
    /// larger ones by Gauss–Seidel sweeps over their calls (`CycleSweeps`).
    static let directLimit = 256

    /// The solution of one terminating cycle.
    enum Solver: Sendable {
        /// (I − Pᵀ)⁻¹ over the members, row-major: the rates are that matrix times the inflow.
        case inverse([Double])
        /// Sweeps over the members' calls, for cycles above `directLimit` members.
        case sweeps(CycleSweeps)
    }

    init(graph: inout SemanticGraph) {
        var cut: [[Int]] = []
        let initial = Self.tarjan(graph)
        for members in initial where Self.isCycle(members, graph) {
            if Self.solver(members, graph) == nil {
                Self.markBackEdges(members, &graph)
                cut.append(members.sorted())
            }
        }
        let final = Self.tarjan(graph, operations: true).reversed().map { $0 }
        var componentOf = [Int](repeating: 0, count: graph.count)
        var solvers: [Int: Solver] = [:]
        var calleesFirst: [Int: [Int]] = [:]
        var cyclic = [Bool](repeating: false, count: final.count)
        for (position, members) in final.enumerated() {
            for node in members { componentOf[node] = position }
            if Self.isCycle(members, graph) {
                cyclic[position] = true
                solvers[position] = Self.solver(members, graph)
                calleesFirst[position] = Self.postorder(members, graph)
            }
        }
        components = final
        self.componentOf = componentOf
        self.solvers = solvers
        self.calleesFirst = calleesFirst
        self.cyclic = cyclic
        cutCycles = cut.sorted { $0[0] < $1[0] }
    }

    /// Rates of the members of component `position` given their inflow from outside it
    /// (same order as `components[position]`).
    func solve(_ position: Int, inflow: [Double]) -> [Double] {
        switch solvers[position] {
        case nil: return inflow
        case .sweeps(let sweeps): return sweeps.solve(inflow) ?? inflow
        case .inverse(let inverse): return Self.multiply(inverse, inflow)
        }
    }

    private static func multiply(_ inverse: [Double], _ inflow: [Double]) -> [Double] {
        let n = inflow.count
        var result = [Double](repeating: 0, count: n)
        for row in 0..<n {
            var sum = 0.0
            for column in 0..<n where inflow[column] != 0 { sum += inverse[row * n + column] * inflow[column] }
            result[row] = max(0, sum)
        }
        return result
    }

    /// True when the members form a cycle: more than one, or one that calls itself over an edge not cut.
    public static func isCycle(_ members: [Int], _ graph: SemanticGraph) -> Bool {
        if members.count > 1 { return true }
        guard let node = members.first else { return false }
        return graph.outgoing(node).contains { graph.edges[$0].target == node && !graph.edges[$0].closesCycle }
    }

    /// The solver of the members when the cycle terminates; `nil` otherwise.
    static func solver(_ members: [Int], _ graph: SemanticGraph) -> Solver? {
        if members.count > directLimit { return CycleSweeps(members, graph).map { .sweeps($0) } }
        return inverse(members, graph).map { .inverse($0) }
    }

    /// (I − Pᵀ)⁻¹ over the members when the cycle terminates (every entry ≥ 0 and the system is
    /// not singular — for an irreducible non-negative P that is exactly spectral radius < 1); `nil` otherwise.
    static func inverse(_ members: [Int], _ graph: SemanticGraph) -> [Double]? {
        let n = members.count
        var local: [Int: Int] = [:]
        for (i, node) in members.enumerated() { local[node] = i }
        // a[i][j] = δij − P[j→i]: row i is the balance of member i.
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { a[i * n + i] = 1 }
        for (j, node) in members.enumerated() {
            for e in graph.outgoing(node) where !graph.edges[e].closesCycle {
                guard let i = local[graph.edges[e].target] else { continue }
                a[i * n + j] -= graph.edges[e].factor
            }
        }
        var inv = [Double](repeating: 0, count: n * n)
        for i in 0..<n { inv[i * n + i] = 1 }
        for column in 0..<n {
            var pivot = column
            for row in column..<n where abs(a[row * n + column]) > abs(a[pivot * n + column]) { pivot = row }
            let p = a[pivot * n + column]
            guard abs(p) > 1e-12 else { return nil }
            if pivot != column {
                for k in 0..<n {
                    a.swapAt(pivot * n + k, column * n + k)
                    inv.swapAt(pivot * n + k, column * n + k)
                }
            }
            for k in 0..<n {
                a[column * n + k] /= p
                inv[column * n + k] /= p
            }
            for row in 0..<n where row != column {
                let f = a[row * n + column]
                guard f != 0 else { continue }
                for k in 0..<n {
                    a[row * n + k] -= f * a[column * n + k]
                    inv[row * n + k] -= f * inv[column * n + k]
                }
            }
        }
        for value in inv where !(value >= -1e-9) || !value.isFinite { return nil }
        return inv.map { max(0, $0) }
    }

    /// The members in depth-first postorder along their calls not cut, from the lowest member: a member
    /// comes after the members it calls, except over the edges that close a loop.
    static func postorder(_ members: [Int], _ graph: SemanticGraph) -> [Int] {
        let inside = Set(members)
        var visited = Set<Int>()
        var order: [Int] = []
        order.reserveCapacity(members.count)
        for start in members where visited.insert(start).inserted {
            var stack: [(node: Int, next: Int)] = [(start, graph.offsets[start])]
            while let top = stack.last {
                if top.next == graph.offsets[top.node + 1] {
                    order.append(top.node)
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = graph.edges[top.next]
                guard !edge.closesCycle, inside.contains(edge.target), visited.insert(edge.target).inserted else { continue }
                stack.append((edge.target, graph.offsets[edge.target]))
            }
        }
        return order
    }

    /// Marks the back edges of a depth-first walk inside the members (from the lowest index, calls in
    /// declaration order): removing them leaves the members acyclic.
    static func markBackEdges(_ members: [Int], _ graph: inout SemanticGraph) {
        let inside = Set(members)
        var state: [Int: UInt8] = [:]
        for start in members.sorted() where state[start] == nil {
            var stack: [(node: Int, next: Int)] = [(start, graph.offsets[start])]
            state[start] = 1
            while let top = stack.last {
                if top.next == graph.offsets[top.node + 1] {
                    state[top.node] = 2
                    stack.removeLast()
                    continue
                }
                let e = top.next
                stack[stack.count - 1].next += 1
                let target = graph.edges[e].target
                guard inside.contains(target), !graph.edges[e].closesCycle else { continue }
                switch state[target] {
                case nil:
                    state[target] = 1
                    stack.append((target, graph.offsets[target]))
                case 1: graph.edges[e].closesCycle = true
                default: break
                }
            }
        }
    }

    /// Tarjan's algorithm, iterative; components in reverse topological order, members sorted.
    /// With `operations`, the calls only operations make count too: they order an operation's callees before
    /// its component (capacity composes callees' responses first) without taking part in the cycle policy.
    static func tarjan(_ graph: SemanticGraph, operations: Bool = false) -> [[Int]] {
        let count = graph.count
        var index = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var result: [[Int]] = []
        var next = 0
        for root in 0..<count where index[root] < 0 {
            // `edge` counts the node's own edges, then (with `operations`) its operation-only edges.
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let top = work.last {
                let node = top.node
                let own = graph.offsets[node + 1] - graph.offsets[node]
                let extra = operations ? graph.operationOnly[node] : []
                if top.edge < own + extra.count {
                    work[work.count - 1].edge += 1
                    let edge = graph.edges[top.edge < own ? graph.offsets[node] + top.edge : extra[top.edge - own]]
                    guard !edge.closesCycle else { continue }
                    let target = edge.target
                    if index[target] < 0 {
                        index[target] = next; low[target] = next; next += 1
                        stack.append(target); onStack[target] = true
                        work.append((target, 0))
                    } else if onStack[target] {
                        low[node] = min(low[node], index[target])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
                if low[node] == index[node] {
                    var members: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        members.append(member)
                        if member == node { break }
                    }
                    result.append(members.sorted())
                }
            }
        }
        return result
    }
}

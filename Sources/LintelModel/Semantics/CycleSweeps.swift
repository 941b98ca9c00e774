/// A terminating cycle too large for the dense inverse (`CycleStructure.directLimit`): its rates are
/// found by Gauss–Seidel sweeps over the cycle's own calls, x = b + Pᵀx, so one solve costs
/// sweeps × calls instead of the n³ of an inverse (a ring of 300 services went from 33 s to
/// milliseconds; BENCHMARKS.md "Fuzzing and limits").
///
/// Why sweeps decide termination: with P ≥ 0, the Stein–Rosenberg theorem says Gauss–Seidel on
/// (I − Pᵀ)x = b converges exactly when Jacobi does, that is when the cycle's gain (spectral radius
/// of its part of P) is below 1, and then at least as fast. A cycle whose sweeps have not settled
/// after `maxSweeps`, or whose rates pass 10¹² times the inflow, is treated as not terminating.
struct CycleSweeps: Sendable {
    /// Local indices in sweep order, callers first (the reverse of `CycleStructure.postorder`), so most
    /// calls go from a member already swept in this pass to one not yet swept.
    let order: [Int]
    /// Per local member: the calls into it from other members, as (local source, factor).
    let incoming: [[Incoming]]
    /// Per local member: 1 − the factor of its calls to itself.
    let diagonal: [Double]

    struct Incoming: Sendable {
        let source: Int
        let factor: Double
    }

    /// Sweeps allowed per solve; with the rates' relative change below 10⁻¹² the solve has settled.
    static let maxSweeps = 20_000

    /// The system of `members`, or `nil` when the cycle does not terminate.
    init?(_ members: [Int], _ graph: SemanticGraph) {
        var local: [Int: Int] = [:]
        for (i, node) in members.enumerated() { local[node] = i }
        let n = members.count
        var incoming = [[Incoming]](repeating: [], count: n)
        var diagonal = [Double](repeating: 1, count: n)
        for (j, node) in members.enumerated() {
            for e in graph.outgoing(node) where !graph.edges[e].closesCycle {
                guard let i = local[graph.edges[e].target] else { continue }
                if i == j {
                    diagonal[i] -= graph.edges[e].factor
                } else {
                    incoming[i].append(Incoming(source: j, factor: graph.edges[e].factor))
                }
            }
        }
        guard diagonal.allSatisfy({ $0 > 1e-12 }) else { return nil }
        self.order = CycleStructure.postorder(members, graph).reversed().compactMap { local[$0] }
        self.incoming = incoming
        self.diagonal = diagonal
        guard solve([Double](repeating: 1, count: n)) != nil else { return nil }
    }

    /// The members' rates given their inflow from outside the cycle (local order), or `nil` when the
    /// sweeps do not settle.
    func solve(_ inflow: [Double]) -> [Double]? {
        var x = inflow
        for _ in 0..<Self.maxSweeps {
            var change = 0.0, size = 0.0
            for i in order {
                var sum = inflow[i]
                for call in incoming[i] { sum += call.factor * x[call.source] }
                let next = sum / diagonal[i]
                change = max(change, abs(next - x[i]))
                size = max(size, abs(next))
                x[i] = next
            }
            if !size.isFinite || size > 1e12 * max(1, inflow.max() ?? 1) { return nil }
            if change <= 1e-12 * max(1, size) { return x.map { max(0, $0) } }
        }
        return nil
    }
}

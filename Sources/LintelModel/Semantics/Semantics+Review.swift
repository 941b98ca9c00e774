/// What review needs from the core beyond what the engines share: strongly connected components
/// over a chosen kind of edge (review's `sync-call-cycle` looks at synchronous calls only,
/// including the edges the cycle policy cut), computed by the core's one Tarjan implementation.
extension SemanticGraph {
    /// Strongly connected components over the edges `following` accepts (cut edges included when it
    /// accepts them), in reverse topological order — a component's callees come before it — members sorted.
    public func stronglyConnectedComponents(following: (SemanticEdge) -> Bool) -> [[Int]] {
        // Tarjan skips edges marked `closesCycle`; on a copy the mark becomes "not followed".
        var masked = self
        for position in masked.edges.indices { masked.edges[position].closesCycle = !following(masked.edges[position]) }
        return CycleStructure.tarjan(masked)
    }
}

import Foundation
import LintelModel

/// The model's calls as an indexed graph: one edge per call, plus one edge from each
/// topic, queue or broker to each of its consumers.
struct CallGraph: Sendable {
    struct Edge: Sendable {
        var source: Int
        var target: Int
        /// Calls reaching `target` per request reaching `source`:
        /// per_request × (1 − caller-side hit ratio) × (1 − hit ratio of the `on_miss` cache).
        var factor: Double
        var mode: CallMode
        /// Index into the source component's `calls`; `nil` for a consumer edge.
        var call: Int?
        var optional: Bool
        var parallel: String?
        var attempts: Int
        /// Worst time of the call when it sets a timeout: attempts × timeout + longest backoff; `nil` without a timeout.
        var timeoutBound: Double?
    }

    let components: [Component]
    let index: [String: Int]
    /// All edges; those of component `i` are `edges[offsets[i]..<offsets[i+1]]`.
    let edges: [Edge]
    let offsets: [Int]

    init(model: Model) {
        let components = model.components
        let index = model.componentIndex
        self.components = components
        self.index = index
        var edges: [Edge] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(components.count + 1)
        for (source, component) in components.enumerated() {
            for (position, call) in component.calls.enumerated() {
                guard let target = index[call.to] else { continue }
                edges.append(Edge(source: source, target: target, factor: Self.factor(of: call, in: component, targetKind: components[target].kind),
                                  mode: call.mode, call: position, optional: call.optional, parallel: call.parallel,
                                  attempts: call.attempts,
                                  timeoutBound: call.timeout.map { Double(call.attempts) * $0.seconds + Self.backoffTotal(call) }))
            }
            if component.kind.isMessaging {
                let consumers = component.consumers.compactMap { index[$0] }
                // A topic (and a broker, taken as a topic) copies each message to every consumer;
                // a queue hands each message to one of its competing consumers.
                let share = component.kind == .queue && !consumers.isEmpty ? 1 / Double(consumers.count) : 1
                for consumer in consumers {
                    edges.append(Edge(source: source, target: consumer, factor: share, mode: .async, call: nil,
                                      optional: false, parallel: nil, attempts: 1, timeoutBound: nil))
                }
            }
            offsets.append(edges.count)
        }
        self.edges = edges
        self.offsets = offsets
    }

    static func factor(of call: Call, in component: Component, targetKind: ComponentKind) -> Double {
        var factor = max(0, call.perRequest)
        if let hit = call.hitRatio, targetKind.category != .cache { factor *= 1 - min(1, max(0, hit)) }
        if let cache = call.onMiss, let lookup = component.calls.first(where: { $0.to == cache }) {
            factor *= 1 - min(1, max(0, lookup.hitRatio ?? 0))
        }
        return factor
    }

    /// The longest total backoff over a call's retries (jitter at its maximum).
    static func backoffTotal(_ call: Call) -> Double {
        let base = call.backoffBase.seconds, cap = call.backoffCap.seconds
        var total = 0.0
        for attempt in 0..<max(0, call.retries) {
            switch call.backoff {
            case .none: break
            case .constant: total += min(cap, base)
            case .exponential, .fullJitter, .equalJitter: total += min(cap, base * pow(2, Double(attempt)))
            case .decorrelatedJitter: total += min(cap, base * pow(3, Double(attempt + 1)))
            }
        }
        return total
    }

    var count: Int { components.count }

    func outgoing(_ node: Int) -> Range<Int> { offsets[node]..<offsets[node + 1] }
}

/// A depth-first walk from one start node that yields the reachable nodes in topological
/// order (reverse postorder) and marks the edges that close a cycle (to a node on the
/// current path), which load, latency and availability sums then skip.
struct GraphWalk {
    private var stamp: [Int]
    private var state: [UInt8]
    private var backStamp: [Int]
    private var current = 0

    init(graph: CallGraph) {
        stamp = [Int](repeating: 0, count: graph.count)
        state = [UInt8](repeating: 0, count: graph.count)
        backStamp = [Int](repeating: 0, count: graph.edges.count)
    }

    /// Whether the latest walk reached `node`.
    func wasReached(_ node: Int) -> Bool { stamp[node] == current }

    /// Whether edge `edge` closed a cycle in the latest walk.
    func isBack(_ edge: Int) -> Bool { backStamp[edge] == current }

    /// Walks from `starts` along edges `follow` accepts; returns nodes in topological order.
    mutating func order(from starts: [Int], in graph: CallGraph, follow: (CallGraph.Edge) -> Bool) -> [Int] {
        current += 1
        var postorder: [Int] = []
        var stack: [(node: Int, next: Int)] = []
        for start in starts where stamp[start] != current {
            stamp[start] = current
            state[start] = 1
            stack.append((start, graph.offsets[start]))
            while let top = stack.last {
                let end = graph.offsets[top.node + 1]
                if top.next == end {
                    state[top.node] = 2
                    postorder.append(top.node)
                    stack.removeLast()
                    continue
                }
                let edgeIndex = top.next
                stack[stack.count - 1].next += 1
                let edge = graph.edges[edgeIndex]
                guard follow(edge) else { continue }
                if stamp[edge.target] != current {
                    stamp[edge.target] = current
                    state[edge.target] = 1
                    stack.append((edge.target, graph.offsets[edge.target]))
                } else if state[edge.target] == 1 {
                    backStamp[edgeIndex] = current
                }
            }
        }
        return postorder.reversed()
    }
}

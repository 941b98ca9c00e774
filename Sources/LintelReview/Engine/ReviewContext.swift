import LintelCapacity
import LintelModel

/// Everything a rule reads, computed once per review: the model, its one meaning (the semantic core:
/// call graph with consumer edges, resolved flows, call arithmetic), review's own graph measures
/// (synchronous cycles, chain depths, retry products) and the capacity report, whose figures every
/// quantitative rule quotes.
public struct ReviewContext: Sendable {
    public let model: Model
    public let options: ReviewOptions
    /// The model's one meaning, shared with capacity, simulation and render.
    public let semantics: SemanticModel
    public let analysis: GraphAnalysis
    /// The capacity figures at each flow's peak rate, in model component order.
    public let capacity: CapacityReport
    /// Per component: the flows (indices) whose requests reach it, in flow order — `ResolvedFlow.reachable`,
    /// which follows every call and every delivery of a topic or queue to its consumers. (What a flow cannot do
    /// without is narrower: `ResolvedFlow.hardDependencies`, over synchronous non-optional calls only.)
    public let flowsReaching: [[Int]]
    /// The core's call graph.
    public var graph: SemanticGraph { semantics.graph }
    /// Component name → index in `model.components`.
    public var index: [String: Int] { semantics.index }
    public var components: [Component] { model.components }

    /// The context of `model`, its capacity analysed without a budget (models known to be small).
    public init(model: Model, options: ReviewOptions = ReviewOptions()) {
        let semantics = SemanticModel(model)
        self.init(semantics: semantics, options: options, capacity: CapacityAnalyzer.analyze(semantics))
    }

    /// The context of `model`, its capacity analysed within `budget` (input from users).
    public init(model: Model, options: ReviewOptions = ReviewOptions(), budget: CapacityBudget) throws(CapacityError) {
        let semantics = SemanticModel(model)
        self.init(semantics: semantics, options: options, capacity: try CapacityAnalyzer.analyze(semantics, budget: budget))
    }

    /// One semantic core, shared by the rules and the capacity analysis they quote.
    private init(semantics: SemanticModel, options: ReviewOptions, capacity: CapacityReport) {
        self.model = semantics.model
        self.options = options
        self.semantics = semantics
        self.analysis = GraphAnalysis(semantics: semantics)
        var reaching = [[Int]](repeating: [], count: semantics.model.components.count)
        for flow in semantics.flows { for node in flow.reachable { reaching[node].append(flow.index) } }
        self.flowsReaching = reaching
        self.capacity = capacity
    }

    /// The calls `node` makes to known components, in declaration order: the call's position in
    /// `calls`, the call, and its edge in the core's graph.
    public func calls(of node: Int) -> [(position: Int, call: Call, edge: SemanticEdge)] {
        graph.callEdges[node].enumerated().compactMap { position, edge in
            edge.map { (position, model.components[node].calls[position], graph.edges[$0]) }
        }
    }

    /// Distinct components `node` waits on (synchronous calls and sync publishes), in call order.
    public func syncTargets(of node: Int) -> [Int] {
        var seen = Set<Int>()
        return calls(of: node).compactMap { $0.edge.waitsForAnswer && seen.insert($0.edge.target).inserted ? $0.edge.target : nil }
    }

    /// True for models built by an importer (compose, Kubernetes), which cannot know timeouts, retries or latencies.
    public var isImported: Bool { model.origin.format != .lintel }

    /// True when the model states resilience settings and latencies itself, so rules may judge them.
    /// Imported models report them once, in `unknown-resilience-settings`.
    public var knowsResilienceSettings: Bool { !isImported }

    /// True for a load generator shipped with an imported deployment (Online Boutique's
    /// `loadgenerator`, Sock Shop's `user-sim`): it sends test traffic and is not part of the
    /// system, so rules about running the system (health checks, limits, single instances) skip it.
    /// Recognised by its name or image name; Lintel models are never second-guessed.
    public func isTestClient(_ component: Component) -> Bool {
        guard isImported else { return false }
        let image = component.image.map { image in
            String(image.split(separator: "/").last?.split(separator: "@").first?.split(separator: ":").first ?? "")
        } ?? ""
        let names = [component.name.lowercased(), image.lowercased()]
        return names.contains { name in
            name == "k6" || Self.testClientWords.contains { name.contains($0) }
        }
    }

    /// Name fragments of load-generating tools.
    static let testClientWords = ["loadgen", "load-gen", "load-test", "loadtest", "locust", "jmeter", "gatling", "user-sim", "traffic-gen"]

    /// The component at `index`.
    public func component(_ index: Int) -> Component { model.components[index] }

    /// The capacity figures of the component at `index`, when the report has them in model order.
    public func capacity(of index: Int) -> ComponentCapacity? {
        guard index < capacity.components.count, capacity.components[index].name == model.components[index].name else { return nil }
        return capacity.components[index]
    }

    /// Names of the components at `indices`, joined with arrows: "gateway → orders → inventory".
    public func pathText(_ indices: [Int]) -> String {
        indices.map { model.components[$0].name }.joined(separator: " → ")
    }

    /// Names of the components at `indices`.
    public func names(_ indices: [Int]) -> [String] { indices.map { model.components[$0].name } }

    /// Entity definitions stored in the component named `name`.
    public func entities(storedIn name: String) -> [Entity] {
        model.domain.entities.filter { $0.store == name }
    }

    /// True when the component holds regulated data: `holds` is set or it stores an entity with sensitive fields.
    public func holdsRegulatedData(_ component: Component) -> Bool {
        !component.holds.isEmpty || entities(storedIn: component.name).contains { $0.holdsSensitiveData }
    }
}

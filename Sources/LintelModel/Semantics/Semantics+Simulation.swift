/// Pieces of the model's meaning the simulator needed that the core did not state yet.
extension SemanticModel {
    /// Instances that serve a component's requests, each with `workers` servers and its own queue:
    /// a database or cache with `read_from_replicas` serves from its primary and every replica
    /// (instances × (1 + replicas), the rule capacity applies); otherwise its `instances`.
    public func servingInstances(_ node: Int) -> Int {
        let component = model.components[node]
        let instances = max(0, component.instances)
        guard component.readFromReplicas,
              component.kind.category == .database || component.kind.category == .cache else { return instances }
        return instances.multipliedReportingOverflow(by: 1 + max(0, component.replicas)).partialValue
    }
}

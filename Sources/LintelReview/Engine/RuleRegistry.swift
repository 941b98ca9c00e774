/// Every built-in rule, in catalog order (category, then id); the single list the reviewer,
/// `lintel rules`, `docs/rules.md` and the example tests use.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        // topology
        SyncCallCycle.self, SharedDatastore.self, SinglePointOfFailure.self, DeepSyncChain.self, ExcessiveFanOut.self,
        HubDependency.self, UnreachableComponent.self, ChannelWithoutConsumers.self,
        // resilience
        MissingTimeout.self, TimeoutInversion.self, RetryAmplification.self, RetryWithoutBackoff.self, RetryWithoutJitter.self,
        RetryNonIdempotent.self, MissingCircuitBreaker.self,
    ]

    /// The rule with this id.
    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }

    /// Every rule id.
    public static var ids: [String] { all.map { $0.description.id } }
}

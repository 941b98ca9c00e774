/// Every built-in rule, grouped by category; the single list the reviewer,
/// `lintel rules`, `docs/rules.md` and the example tests use.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        // topology
        SyncCallCycle.self, SharedDatastore.self, SinglePointOfFailure.self, DeepSyncChain.self, ExcessiveFanOut.self,
        HubDependency.self, UnreachableComponent.self, ChannelWithoutConsumers.self,
        // resilience
        MissingTimeout.self, TimeoutInversion.self, RetryAmplification.self, RetryWithoutBackoff.self, RetryWithoutJitter.self,
        RetryNonIdempotent.self, MissingCircuitBreaker.self, MissingDeadLetter.self, NonIdempotentConsumer.self,
        MissingRateLimit.self, MissingBulkhead.self, MissingHealthCheck.self, UnknownResilienceSettings.self, RetryStorm.self,
        // capacity
        HighUtilisation.self, SaturatedAtPeak.self, ConnectionExhaustion.self, PartitionsBelowParallelism.self,
        PartitionThroughputExceeded.self, ConsumerLag.self, ShortRunway.self, RateLimitExceeded.self,
        // slo
        AvailabilityBelowSLO.self, LatencyAboveSLO.self,
        // data
        MissingBackups.self, MissingReplica.self, StaleReplicaReads.self, UnencryptedRegulatedData.self, HotPartitionKey.self,
        UnboundedTable.self, StoreDurabilityOff.self, DualWriteWithoutOutbox.self, MultiServiceWriteWithoutSaga.self,
        CacheAsSourceOfTruth.self, CacheAndBrokerShared.self,
        // security
        PublicWithoutAuth.self, PlaintextAcrossTrustBoundary.self, PlaintextSecret.self, PublicDatastore.self, MissingAuditLog.self,
        AdminConsolePublished.self, SecurityFeatureDisabled.self, PublicEntryWithoutTLS.self, MissingSecurityContext.self,
        DefaultCredentials.self,
        // fit
        TeamTooSmallForServices.self, AllSynchronous.self, PublicServicesWithoutGateway.self,
        // operability
        MissingResourceLimits.self, EphemeralDatastoreStorage.self, PrivilegedContainer.self, MissingDisruptionBudget.self,
        FloatingImageTag.self, MissingRestartPolicy.self,
        // acceptances
        ExpiredAcceptance.self, UnknownAcceptedRule.self,
    ]

    /// The rule with this id.
    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }

    /// Every rule id.
    public static var ids: [String] { all.map { $0.description.id } }
}

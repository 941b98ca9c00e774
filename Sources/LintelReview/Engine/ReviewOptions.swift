import LintelModel

/// Thresholds and the review date. The library never reads the clock: the CLI passes `today`.
public struct ReviewOptions: Sendable, Codable, Equatable {
    /// The date acceptances expire against; `nil` means no acceptance expires.
    public var today: CalendarDate?
    /// Components in one synchronous chain above which `deep-sync-chain` fires.
    public var maxSyncDepth: Int
    /// Distinct synchronous call targets of one component above which `excessive-fan-out` fires.
    public var maxFanOut: Int
    /// Worst-case attempts one request may cause at the end of a path, at or above which `retry-amplification` fires.
    public var retryAmplificationThreshold: Double
    /// Utilisation at peak above which `high-utilisation` fires.
    public var utilisationThreshold: Double
    /// Months of runway (to saturation at the stated traffic growth) below which `short-runway` fires.
    public var runwayMonths: Double

    public init(today: CalendarDate? = nil, maxSyncDepth: Int = 5, maxFanOut: Int = 6, retryAmplificationThreshold: Double = 10,
                utilisationThreshold: Double = 0.8, runwayMonths: Double = 6) {
        self.today = today
        self.maxSyncDepth = maxSyncDepth
        self.maxFanOut = maxFanOut
        self.retryAmplificationThreshold = retryAmplificationThreshold
        self.utilisationThreshold = utilisationThreshold
        self.runwayMonths = runwayMonths
    }
}

import LintelModel

/// Number formatting for design text, the decision records' sentences and the design document's tables
/// alike: one place, deterministic.
public enum DesignFormat {
    public static func number(_ value: Double) -> String { UnitFormat.number(value, decimals: value >= 100 ? 0 : value >= 10 ? 1 : 2) }
    public static func rate(_ perSecond: Double) -> String { UnitFormat.rate(perSecond) }
    public static func duration(_ seconds: Double) -> String { UnitFormat.duration(seconds) }
    public static func percent(_ fraction: Double) -> String { UnitFormat.percent(fraction) }
    /// A share or utilisation: one decimal is all a table reader needs.
    public static func share(_ fraction: Double) -> String { UnitFormat.percent(fraction, decimals: 1) }
}

import LintelModel

/// Number formatting for design text: one place, deterministic.
enum Format {
    static func number(_ value: Double) -> String { UnitFormat.number(value, decimals: value >= 100 ? 0 : value >= 10 ? 1 : 2) }
    static func rate(_ perSecond: Double) -> String { UnitFormat.rate(perSecond) }
    static func duration(_ seconds: Double) -> String { UnitFormat.duration(seconds) }
    static func percent(_ fraction: Double) -> String { UnitFormat.percent(fraction) }
    /// A share or utilisation: one decimal is all a table reader needs.
    static func share(_ fraction: Double) -> String { UnitFormat.percent(fraction, decimals: 1) }
}

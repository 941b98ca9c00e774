import LintelCapacity
import LintelModel

/// The one number-and-unit formatter of the reports: a `Figure` (or a bare value with a unit) in its short
/// human form, built on `UnitFormat` (LintelModel), which also writes the model's own quantities.
public enum FigureText {
    /// Written where a value is unknown or does not apply.
    public static let none = "—"

    /// A figure in its unit: `42/s`, `12.5ms`, `71.3%`, `1.2GB`, `3.5 mo`, `2.5x`. A saturated queue's figures
    /// have no finite value: its waits read `unbounded` and its probability of waiting `100%` (every request waits).
    public static func figure(_ figure: Figure) -> String {
        guard let value = figure.value else {
            guard figure.formula.hasPrefix("unbounded") else { return none }
            return figure.unit == .fraction ? "100%" : "unbounded"
        }
        switch figure.unit {
        case .perSecond: return UnitFormat.rate(value)
        case .seconds: return abs(value) < 5e-7 ? "0s" : UnitFormat.duration(value)
        case .fraction: return UnitFormat.percent(value, decimals: 1)
        case .count: return UnitFormat.number(value, decimals: 1)
        case .bytes: return UnitFormat.bytes(value)
        case .months: return UnitFormat.number(value, decimals: 1) + " mo"
        case .minutes: return UnitFormat.number(value, decimals: 2) + " min"
        case .factor: return UnitFormat.number(value, decimals: 2) + "x"
        case .erlangs: return UnitFormat.number(value, decimals: 2)
        }
    }

    /// Availability with enough digits to tell 99.95% from 99.9497%.
    public static func availability(_ value: Double?) -> String {
        value.map { UnitFormat.percent($0, decimals: 4) } ?? none
    }

    public static func yesNo(_ value: Bool?) -> String {
        value.map { $0 ? "yes" : "NO" } ?? none
    }

    /// A plain number: `UnitFormat.number`.
    public static func number(_ value: Double, decimals: Int = 3) -> String { UnitFormat.number(value, decimals: decimals) }

    /// Seconds in the unit that reads well (`850us`, `12.35ms`, `1.25s`, `2.5m`); exactly zero is `0s`.
    public static func duration(_ seconds: Double) -> String { UnitFormat.duration(seconds) }

    /// A share as a percentage with one decimal.
    public static func percent(_ fraction: Double, decimals: Int = 1) -> String { UnitFormat.percent(fraction, decimals: decimals) }

    /// A rate per second.
    public static func rate(_ perSecond: Double, decimals: Int = 2) -> String { UnitFormat.number(perSecond, decimals: decimals) }
}

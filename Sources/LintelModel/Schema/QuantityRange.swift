import Foundation

/// The values a quantity may take, in its kind's base unit: seconds, per second, bytes, bytes per
/// month, a fraction, a factor per year, a factor, a count, an amount of money, or CPU cores.
///
/// Every quantity has one. A value outside its range is almost always a typo (a million instances,
/// a timeout of a thousand years), and the engines' arithmetic is only proven safe inside it.
public struct QuantityRange: Sendable, Hashable {
    public var minimum: Double
    public var maximum: Double
    /// True when the minimum itself is not allowed (a size or a factor of zero means nothing).
    public var excludesMinimum: Bool

    public init(_ minimum: Double, _ maximum: Double, excludingMinimum: Bool = false) {
        self.minimum = minimum
        self.maximum = maximum
        self.excludesMinimum = excludingMinimum
    }

    /// Whether `value` (in the base unit) is finite and inside the range.
    public func contains(_ value: Double) -> Bool {
        guard value.isFinite, value <= maximum else { return false }
        return excludesMinimum ? value > minimum : value >= minimum
    }

    /// The range as written in the file: `0s…365d`, `> 0B…1EB`.
    public func summary(_ kind: QuantityKind) -> String {
        (excludesMinimum ? "> " : "") + kind.written(minimum) + "…" + kind.written(maximum)
    }

    /// The range as a phrase for a message: `between 0s and 365d`, `above 0x and at most 10000x`.
    public func phrase(_ kind: QuantityKind) -> String {
        excludesMinimum ? "above \(kind.written(minimum)) and at most \(kind.written(maximum))"
            : "between \(kind.written(minimum)) and \(kind.written(maximum))"
    }

    // Ranges used by the spec, named so the spec reads as a table.
    static let year = 365.0 * 86400
    /// Call timeouts, backoffs, breaker windows: a sync call waiting more than a day is a typo.
    public static let callDuration = QuantityRange(0, 86400, excludingMinimum: true)
    /// A service time: zero (a pass-through) to an hour.
    public static let serviceTime = QuantityRange(0, 3600)
    /// Retention of data or messages: up to a century (legal holds).
    public static let retention = QuantityRange(0, 100 * year)
    /// Simulated time: a scenario step or fault within 30 days; longer runs are capacity questions.
    public static let simulatedTime = QuantityRange(0, 30 * 86400)
    /// A row: at most 1 GB (PostgreSQL's largest field).
    public static let rowSize = QuantityRange(0, 1e9, excludingMinimum: true)
    /// Memory of one container: at most 1 PB.
    public static let memory = QuantityRange(0, 1e15, excludingMinimum: true)
}

extension QuantityKind {
    /// The range every key of this kind has unless the spec narrows it; `nil` for dates, which
    /// are checked as calendar dates instead.
    public var defaultRange: QuantityRange? {
        switch self {
        case .duration: QuantityRange(0, QuantityRange.year)
        case .rate: QuantityRange(0, 1e9)
        case .size: QuantityRange(0, 1e18, excludingMinimum: true)
        case .dataGrowth: QuantityRange(0, 1e18)
        case .percent, .fraction: QuantityRange(0, 1)
        // Growth below 1x/year is shrinking: no growth key says it can be negative.
        case .growth: QuantityRange(1, 100)
        case .multiplier: QuantityRange(0, 1e4, excludingMinimum: true)
        case .count: QuantityRange(0, 1e15)
        case .money: QuantityRange(0, 1e12)
        case .cpu: QuantityRange(0, 1024)
        case .date: nil
        }
    }

    /// A value in this kind's base unit, written as a model file would write it.
    public func written(_ value: Double) -> String {
        switch self {
        case .duration: UnitFormat.duration(value)
        case .rate: UnitFormat.rate(value)
        case .size: UnitFormat.bytes(value)
        case .dataGrowth: UnitFormat.bytes(value) + "/month"
        case .percent: UnitFormat.percent(value)
        case .fraction: UnitFormat.number(value, decimals: 4)
        case .growth: UnitFormat.number(value) + "x/year"
        case .multiplier: UnitFormat.number(value) + "x"
        case .count, .cpu, .money, .date: UnitFormat.number(value, decimals: 3)
        }
    }
}

extension QuantityValue {
    /// The value in its kind's base unit, for range checks; `nil` for dates.
    public var baseValue: Double? {
        switch self {
        case .duration(let span): span.seconds
        case .rate(let rate): rate.perSecond
        case .size(let size): size.bytes
        case .dataGrowth(let growth): growth.bytesPerMonth
        case .fraction(let value), .multiplier(let value), .count(let value): value
        case .growth(let growth): growth.factorPerYear
        case .money(let money): money.amount
        case .date: nil
        }
    }
}

import Foundation

/// A span of time, in seconds.
public struct TimeSpan: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public var seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
    public static func milliseconds(_ value: Double) -> TimeSpan { TimeSpan(seconds: value / 1000) }
    public var milliseconds: Double { seconds * 1000 }
    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }
    public var description: String { UnitFormat.duration(seconds) }
}

/// A rate of events, per second.
public struct Rate: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public var perSecond: Double
    public init(perSecond: Double) { self.perSecond = perSecond }
    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.perSecond < rhs.perSecond }
    public var description: String { UnitFormat.rate(perSecond) }
}

/// An amount of data, in bytes.
public struct DataSize: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public var bytes: Double
    public init(bytes: Double) { self.bytes = bytes }
    public static func < (lhs: DataSize, rhs: DataSize) -> Bool { lhs.bytes < rhs.bytes }
    public var description: String { UnitFormat.bytes(bytes) }
}

/// Growth of data volume, in bytes per 30-day month.
public struct DataGrowth: Sendable, Codable, Hashable, CustomStringConvertible {
    public var bytesPerMonth: Double
    public init(bytesPerMonth: Double) { self.bytesPerMonth = bytesPerMonth }
    public var description: String { UnitFormat.bytes(bytesPerMonth) + "/month" }
}

/// Growth of a rate, as a multiplication factor per year (`3x/year` is 3, `20%/year` is 1.2).
public struct Growth: Sendable, Codable, Hashable, CustomStringConvertible {
    public var factorPerYear: Double
    public init(factorPerYear: Double) { self.factorPerYear = factorPerYear }
    /// The factor after `months` months of compound growth.
    public func factor(afterMonths months: Double) -> Double {
        pow(factorPerYear, months / 12)
    }
    public var description: String { UnitFormat.number(factorPerYear) + "x/year" }
}

/// An amount of money per month.
public struct Money: Sendable, Codable, Hashable, CustomStringConvertible {
    public var amount: Double
    public var currency: String
    public init(amount: Double, currency: String) {
        self.amount = amount
        self.currency = currency
    }
    public var description: String { UnitFormat.number(amount) + " " + currency }
}

/// A calendar date written as `YYYY-MM-DD`; compares as it reads.
public struct CalendarDate: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
    /// Days in `month` (1…12) of `year` in the Gregorian calendar.
    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}


import Foundation

extension SQLGenerator {
    /// A calendar month, the unit of time partitions.
    public struct Month: Sendable, Equatable, Comparable, CustomStringConvertible {
        public var year: Int
        public var month: Int

        public init?(year: Int, month: Int) {
            guard (1...12).contains(month), (1970...9998).contains(year) else { return nil }
            self.year = year
            self.month = month
        }

        /// Parses `YYYY-MM`.
        public init?(_ text: String) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
                  let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
            self.init(year: year, month: month)
        }

        /// The current month in UTC.
        public static func current() -> Month {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            let parts = calendar.dateComponents([.year, .month], from: Date())
            // A clock outside 1970–9998 falls back to January 2026 rather than trapping.
            return Month(year: parts.year ?? 2026, month: parts.month ?? 1) ?? Month(unchecked: 2026, 1)
        }

        public var next: Month {
            month == 12 ? (Month(year: year + 1, month: 1) ?? self) : (Month(year: year, month: month + 1) ?? self)
        }

        /// `2026-11-01`, the first day, as a SQL date literal's text.
        public var firstDay: String { String(format: "%04d-%02d-01", year, month) }
        /// `2026_11`.
        public var compact: String { String(format: "%04d_%02d", year, month) }
        public var description: String { String(format: "%04d-%02d", year, month) }

        public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
    }
}

extension SQLGenerator.Month {
    /// For constants known to be valid.
    fileprivate init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }
}

import Foundation

/// The kinds of quantity a model file can hold, each with its accepted written forms.
public enum QuantityKind: String, Sendable, CaseIterable {
    case duration, rate, size, dataGrowth, percent, fraction, growth, multiplier, count, money, date, cpu

    /// The accepted forms, shown in hints when a value does not parse.
    public var acceptedForms: String {
        switch self {
        case .duration: "a number with a unit: 250us, 300ms, 2s, 5m, 1h, 7d, 2w, 6mo, 2y, or a sum like 1h30m"
        case .rate: "a count per unit of time: 300/s, 10000/min, 100K/hour, 1M/day (K, M, B suffixes allowed)"
        case .size: "a number with a unit: 512B, 64KB, 200GB, 2TB, 1EB (powers of 1000) or 512MiB, 4GiB, 4Gi (powers of 1024)"
        case .dataGrowth: "an amount per period: 20GB/month, 1GB/day, 2TB/year"
        case .percent: "a percentage: 99.95%, 50%"
        case .fraction: "a fraction between 0 and 1 (0.9) or a percentage (90%)"
        case .growth: "a factor or percentage per period: 3x/year, 20%/year, 5%/month"
        case .multiplier: "a factor: 10x, 0.5x"
        case .count: "a whole number, optionally with K, M or B: 50M, 1.5K, 200"
        case .money: "an amount with a currency: 20000 USD, 15k EUR, $20k"
        case .date: "a date as YYYY-MM-DD: 2027-03-01"
        case .cpu: "CPU cores: 2, 0.5, 500m"
        }
    }

    /// True when a bare number is not a valid value (`300` must be written `300ms` or `300/s`).
    public var requiresUnit: Bool {
        switch self {
        case .duration, .rate, .size, .dataGrowth, .percent, .growth, .multiplier, .money: true
        case .fraction, .count, .date, .cpu: false
        }
    }

    /// The JSON Schema `pattern` for a written quantity of this kind.
    public var pattern: String {
        let number = #"[0-9]+(\.[0-9]+)?"#
        let scaled = number + #"\s*[kKMB]?"#
        switch self {
        case .duration: return #"^\s*("# + number + #"\s*(ns|us|µs|ms|s|sec|m|min|h|hr|d|w|mo|y)\s*)+$"#
        case .rate: return #"^\s*"# + scaled + #"\s*(/\s*(s|sec|second|m|min|minute|h|hr|hour|d|day|week|month)|rps|qps)\s*$"#
        case .size: return #"^\s*"# + number + #"\s*(B|[KMGTPE]B|[KMGTPE]iB|[KMGTPE]i)\s*$"#
        case .dataGrowth: return #"^\s*"# + number + #"\s*(B|[KMGTPE]B|[KMGTPE]iB|[KMGTPE]i)\s*/\s*(day|week|month|year)\s*$"#
        case .percent: return #"^\s*"# + number + #"\s*%\s*$"#
        case .fraction: return #"^\s*"# + number + #"\s*%?\s*$"#
        case .growth: return #"^\s*"# + number + #"\s*(x|%)\s*/\s*(day|week|month|year)\s*$"#
        case .multiplier: return #"^\s*"# + number + #"\s*x\s*$"#
        case .count: return #"^\s*"# + scaled + #"\s*$"#
        case .money: return #"^\s*\$?\s*"# + scaled + #"\s*[A-Za-z]{0,3}\s*(/\s*month)?\s*$"#
        case .date: return #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#
        case .cpu: return #"^\s*"# + number + #"\s*m?\s*$"#
        }
    }
}

/// A parsed quantity in its base unit.
public enum QuantityValue: Sendable, Hashable {
    case duration(TimeSpan)
    case rate(Rate)
    case size(DataSize)
    case dataGrowth(DataGrowth)
    case fraction(Double)
    case growth(Growth)
    case multiplier(Double)
    case count(Double)
    case money(Money)
    case date(CalendarDate)
}

/// Parses written quantities (`300ms`, `100K/hour`, `99.95%`) into base units.
public enum QuantityParser {
    /// Why a written value is not a valid quantity.
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
    }

    /// Parses `text` as a quantity of `kind`. Every number in the result is finite: `NaNm`, `infm`,
    /// `1e400%/year` and 308-digit values that overflow once the unit is applied are failures.
    public static func parse(_ text: String, as kind: QuantityKind) -> Result<QuantityValue, Failure> {
        parseUnchecked(text, as: kind).flatMap { value in
            if let base = value.baseValue, !base.isFinite {
                return .failure(Failure(message: "'\(text.trimmed)' is not a finite \(kind == .cpu ? "CPU amount" : "number") once its unit is applied"))
            }
            return .success(value)
        }
    }

    static func parseUnchecked(_ text: String, as kind: QuantityKind) -> Result<QuantityValue, Failure> {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { return .failure(Failure(message: "empty value")) }
        switch kind {
        case .duration:
            return duration(trimmed).map { .duration(TimeSpan(seconds: $0)) }
        case .rate:
            return rate(trimmed).map { .rate(Rate(perSecond: $0)) }
        case .size:
            return size(trimmed).map { .size(DataSize(bytes: $0)) }
        case .dataGrowth:
            return dataGrowth(trimmed).map { .dataGrowth(DataGrowth(bytesPerMonth: $0)) }
        case .percent:
            guard trimmed.hasSuffix("%") else { return .failure(Failure(message: "'\(trimmed)' needs a % sign")) }
            return percent(trimmed).map { .fraction($0) }
        case .fraction:
            if trimmed.hasSuffix("%") { return percent(trimmed).map { .fraction($0) } }
            guard let value = Double(trimmed), value.isFinite else { return .failure(Failure(message: "'\(trimmed)' is not a number")) }
            return .success(.fraction(value))
        case .growth:
            return growth(trimmed).map { .growth(Growth(factorPerYear: $0)) }
        case .multiplier:
            guard trimmed.hasSuffix("x"), let value = Double(trimmed.dropLast().trimmed),
                  value.isFinite else { return .failure(Failure(message: "'\(trimmed)' is not a factor like 10x")) }
            return .success(.multiplier(value))
        case .count:
            return scaledNumber(trimmed).map { .count($0) }
        case .money:
            return money(trimmed).map { .money($0) }
        case .date:
            return date(trimmed).map { .date($0) }
        case .cpu:
            if trimmed.hasSuffix("m") {
                guard let milli = Double(trimmed.dropLast()), milli.isFinite else { return .failure(Failure(message: "'\(trimmed)' is not a CPU amount")) }
                return .success(.count(milli / 1000))
            }
            guard let cores = Double(trimmed), cores.isFinite else { return .failure(Failure(message: "'\(trimmed)' is not a CPU amount")) }
            return .success(.count(cores))
        }
    }

    // MARK: - Forms

    static let durationUnits: [(String, Double)] = [
        ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("sec", 1), ("s", 1), ("min", 60), ("mo", 30 * 86400),
        ("m", 60), ("hr", 3600), ("h", 3600), ("d", 86400), ("w", 7 * 86400), ("y", 365 * 86400),
    ]

    static let periodSeconds: [String: Double] = [
        "s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600, "hr": 3600, "hour": 3600,
        "d": 86400, "day": 86400, "week": 7 * 86400, "month": 30 * 86400, "year": 365 * 86400,
    ]

    static let sizeUnits: [String: Double] = [
        "B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "PB": 1e15, "EB": 1e18,
        "KiB": 1024, "MiB": 1_048_576, "GiB": 1_073_741_824, "TiB": 1_099_511_627_776, "PiB": 1_125_899_906_842_624, "EiB": 1_152_921_504_606_846_976,
        "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776, "Pi": 1_125_899_906_842_624, "Ei": 1_152_921_504_606_846_976,
    ]

    /// Splits `12.5GB` into (12.5, "GB").
    static func split(_ text: String) -> (Double, String)? {
        var end = text.startIndex
        while end < text.endIndex, text[end].isNumber || text[end] == "." || (end == text.startIndex && text[end] == "-") {
            end = text.index(after: end)
        }
        guard end > text.startIndex, let value = Double(text[..<end]), value.isFinite else { return nil }
        return (value, text[end...].trimmed)
    }

    /// A duration, possibly compound: `300ms`, `2s`, `1h30m`, `5m30s`.
    static func duration(_ text: String) -> Result<Double, Failure> {
        var rest = Substring(text)
        var total = 0.0
        var first = true
        while !rest.isEmpty {
            guard let (value, tail) = split(String(rest)), first || value >= 0 else {
                return .failure(Failure(message: "'\(text)' is not a duration"))
            }
            if tail.isEmpty { return .failure(Failure(message: "'\(text)' has no unit")) }
            let unitEnd = tail.firstIndex { $0.isNumber } ?? tail.endIndex
            let unit = tail[..<unitEnd].trimmed
            guard let factor = durationUnits.first(where: { $0.0 == unit })?.1 else {
                return .failure(Failure(message: "unknown time unit '\(unit)'"))
            }
            total += value * factor
            rest = Substring(tail[unitEnd...])
            first = false
        }
        return .success(total)
    }

    static func scaledNumber(_ text: String) -> Result<Double, Failure> {
        guard let (value, suffix) = split(text) else { return .failure(Failure(message: "'\(text)' is not a number")) }
        switch suffix {
        case "": return .success(value)
        case "k", "K": return .success(value * 1e3)
        case "M": return .success(value * 1e6)
        case "B": return .success(value * 1e9)
        default: return .failure(Failure(message: "unknown suffix '\(suffix)'"))
        }
    }

    static func rate(_ text: String) -> Result<Double, Failure> {
        let lower = text.lowercased()
        for suffix in ["rps", "qps"] where lower.hasSuffix(suffix) {
            return scaledNumber(String(text.dropLast(3)).trimmed)
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .failure(Failure(message: "'\(text)' has no time unit")) }
        let period = parts[1].trimmed
        guard let seconds = periodSeconds[period] ?? periodSeconds[period.lowercased()] else {
            return .failure(Failure(message: "unknown time unit '\(period)'"))
        }
        return scaledNumber(parts[0].trimmed).map { $0 / seconds }
    }

    static func size(_ text: String) -> Result<Double, Failure> {
        guard let (value, unit) = split(text) else { return .failure(Failure(message: "'\(text)' is not a size")) }
        if unit.isEmpty { return .failure(Failure(message: "'\(text)' has no unit")) }
        guard let factor = sizeUnits[unit] ?? sizeUnits[unit.uppercased()] else {
            return .failure(Failure(message: "unknown size unit '\(unit)'"))
        }
        return .success(value * factor)
    }

    static func dataGrowth(_ text: String) -> Result<Double, Failure> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .failure(Failure(message: "'\(text)' has no period")) }
        let period = parts[1].trimmed.lowercased()
        guard let seconds = periodSeconds[period], seconds >= 86400 else {
            return .failure(Failure(message: "unknown period '\(period)'"))
        }
        return size(parts[0].trimmed).map { $0 * ((30 * 86400) / seconds) }
    }

    static func percent(_ text: String) -> Result<Double, Failure> {
        guard let value = Double(text.dropLast().trimmed), value.isFinite else {
            return .failure(Failure(message: "'\(text)' is not a percentage"))
        }
        return .success(value / 100)
    }

    static func growth(_ text: String) -> Result<Double, Failure> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .failure(Failure(message: "'\(text)' has no period")) }
        let period = parts[1].trimmed.lowercased()
        guard let seconds = periodSeconds[period], seconds >= 86400 else {
            return .failure(Failure(message: "unknown period '\(period)'"))
        }
        let periodsPerYear = (365 * 86400) / seconds
        let amount = parts[0].trimmed
        let factor: Double
        if amount.hasSuffix("x"), let value = Double(amount.dropLast()), value.isFinite, value > 0 {
            factor = value
        } else if amount.hasSuffix("%"), let value = Double(amount.dropLast()), value.isFinite {
            factor = 1 + value / 100
        } else {
            return .failure(Failure(message: "'\(amount)' is not a factor (3x) or a percentage (20%)"))
        }
        guard factor > 0 else { return .failure(Failure(message: "growth factor must be positive")) }
        return .success(pow(factor, periodsPerYear))
    }

    static func money(_ text: String) -> Result<Money, Failure> {
        var rest = text
        if rest.hasSuffix("/month") { rest = String(rest.dropLast(6)).trimmed }
        var currency = ""
        if rest.hasPrefix("$") {
            currency = "USD"
            rest = String(rest.dropFirst()).trimmed
        } else if rest.hasPrefix("€") {
            currency = "EUR"
            rest = String(rest.dropFirst()).trimmed
        }
        let letters = rest.reversed().prefix { $0.isLetter && $0.isUppercase }
        if letters.count == 3 {
            currency = String(letters.reversed())
            rest = String(rest.dropLast(3)).trimmed
        }
        guard !currency.isEmpty else { return .failure(Failure(message: "'\(text)' has no currency")) }
        return scaledNumber(rest).map { Money(amount: $0, currency: currency) }
    }

    static func date(_ text: String) -> Result<CalendarDate, Failure> {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else {
            return .failure(Failure(message: "'\(text)' is not a date"))
        }
        guard year >= 1900 else { return .failure(Failure(message: "'\(text)' is before 1900")) }
        let days = CalendarDate.days(inMonth: month, year: year)
        guard day <= days else {
            return .failure(Failure(message: "'\(text)' is not a calendar date: month \(month) of \(year) has \(days) days"))
        }
        return .success(CalendarDate(year: year, month: month, day: day))
    }
}

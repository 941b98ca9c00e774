import Foundation

/// Formats base-unit values back into the short forms a model file uses.
public enum UnitFormat {
    /// A number with up to `digits` significant decimals and no trailing zeros, locale-independent.
    public static func number(_ value: Double, decimals: Int = 3) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : (value < 0 ? "-∞" : "NaN") }
        if let text = fixed(value, decimals: decimals) { return text }
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    private static let powersOfTen: [Double] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6]

    /// `number` without `String(format:)` (a review at the size limit formats 10^5 figures, and the C
    /// formatter was 9% of its time), or nil where it could differ from printf's rounding of the exact
    /// binary value: `value × 10^decimals` is then within 10^-6 of a half, or too large for the product's
    /// rounding error (below 1.2×10^-7 under 10^9) to be ignored. A test compares both on a million values.
    static func fixed(_ value: Double, decimals: Int) -> String? {
        guard decimals >= 0, decimals < powersOfTen.count else { return nil }
        let scaled = abs(value) * powersOfTen[decimals]
        guard scaled < 1e9 else { return nil }
        let whole = scaled.rounded(.down), fraction = scaled - whole
        guard abs(fraction - 0.5) > 1e-6 else { return nil }
        var digits = Int(whole) + (fraction > 0.5 ? 1 : 0)
        guard digits > 0 else { return "0" }
        var places = decimals
        while places > 0, digits % 10 == 0 {
            digits /= 10
            places -= 1
        }
        var text = String(digits)
        if places > 0 {
            if text.count <= places { text = String(repeating: "0", count: places - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -places))
        }
        return value < 0 ? "-" + text : text
    }

    public static func duration(_ seconds: Double) -> String {
        let magnitude = abs(seconds)
        if magnitude == 0 { return "0s" }
        if magnitude < 1e-3 { return number(seconds * 1e6, decimals: 1) + "us" }
        if magnitude < 1 { return number(seconds * 1e3, decimals: 2) + "ms" }
        if magnitude < 120 { return number(seconds, decimals: 2) + "s" }
        if magnitude < 7200 { return number(seconds / 60, decimals: 1) + "m" }
        if magnitude < 2 * 86400 { return number(seconds / 3600, decimals: 1) + "h" }
        return number(seconds / 86400, decimals: 1) + "d"
    }

    public static func rate(_ perSecond: Double) -> String {
        if perSecond != 0, abs(perSecond) < 0.1 { return number(perSecond * 3600, decimals: 1) + "/hour" }
        return number(perSecond, decimals: 2) + "/s"
    }

    public static func bytes(_ bytes: Double) -> String {
        let units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"]
        var value = bytes
        var index = 0
        while abs(value) >= 1000, index < units.count - 1 {
            value /= 1000
            index += 1
        }
        return number(value, decimals: 1) + units[index]
    }

    /// A fraction as a percentage: 0.9995 → `99.95%`.
    public static func percent(_ fraction: Double, decimals: Int = 4) -> String {
        number(fraction * 100, decimals: decimals) + "%"
    }
}

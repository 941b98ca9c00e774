import LintelCapacity
import LintelModel

extension Rule {
    /// A finding of this rule with its default severity, category and remedy.
    /// - Parameters:
    ///   - components: the components involved, the subject first.
    ///   - severity: overrides the rule's default when the figures make it worse (or milder).
    public func finding(_ message: String, components: [String], flow: String? = nil, at location: SourceLocation,
                        severity: Severity? = nil, remedy: String? = nil, figures: [Figure] = []) -> Finding {
        let description = Self.description
        return Finding(ruleID: description.id, severity: severity ?? description.severity, category: description.category,
                       message: message, components: components, flow: flow, location: location,
                       remedy: remedy ?? description.remedy, figures: figures.isEmpty ? nil : figures)
    }
}

/// Number formatting for finding messages.
enum Figures {
    /// "27" for 27.0, "2.5" for 2.5, "0.83" for 0.8333.
    static func number(_ value: Double) -> String { UnitFormat.number(value) }
    /// "99.95%" for 0.9995.
    static func percent(_ fraction: Double) -> String {
        let scaled = (fraction * 100 * 1000).rounded() / 1000
        return UnitFormat.number(scaled) + "%"
    }
    /// "1.5s", "300ms".
    static func duration(_ span: TimeSpan) -> String { UnitFormat.duration(span.seconds) }
    static func duration(seconds: Double) -> String { UnitFormat.duration(seconds) }

    /// A figure as messages quote it, by its unit: fractions as percentages, seconds as durations, rates
    /// per second, factors as "27×", months to a tenth; "unbounded" when it has no value.
    static func text(_ figure: Figure) -> String {
        guard let value = figure.value else { return "unbounded" }
        switch figure.unit {
        case .fraction: return percent(value)
        case .seconds: return duration(seconds: value)
        case .perSecond: return UnitFormat.rate(value)
        case .factor: return number((value * 100).rounded() / 100) + "×"
        case .months: return number((value * 10).rounded() / 10) + " months"
        default: return number(value)   // counts, erlangs, minutes, bytes
        }
    }
}

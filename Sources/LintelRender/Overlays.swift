import LintelCapacity
import LintelModel
import LintelReview

/// The severity scale of the findings overlay (LintelReview's `Severity`).
public typealias FindingSeverity = Severity

/// The worst open finding on one component and the rules that fired on it.
public struct ComponentFindings: Sendable, Codable, Equatable {
    public var worst: FindingSeverity
    /// Rule ids, sorted and without duplicates.
    public var rules: [String]

    public init(worst: FindingSeverity, rules: [String]) {
        self.worst = worst
        self.rules = Array(Set(rules)).sorted()
    }
}

/// Arrival rate and utilisation of one component at peak load.
public struct ComponentLoad: Sendable, Codable, Equatable {
    /// Arrival rate, requests per second.
    public var rate: Double
    /// Busy fraction of the component's workers; `nil` when undefined.
    public var utilisation: Double?

    public init(rate: Double, utilisation: Double?) {
        self.rate = rate
        self.utilisation = utilisation
    }
}

/// Facts drawn on top of the components, keyed by component name.
///
/// Plain values, so the renderer does not depend on how review or capacity computed them.
public struct DiagramOverlay: Sendable, Codable, Equatable {
    /// When non-`nil`, components are coloured by their worst finding (clean ones green).
    public var findings: [String: ComponentFindings]?
    /// When non-`nil`, components are labelled with their peak arrival rate and utilisation.
    public var load: [String: ComponentLoad]?

    public init(findings: [String: ComponentFindings]? = nil, load: [String: ComponentLoad]? = nil) {
        self.findings = findings
        self.load = load
    }

    /// The findings overlay of a review: open findings, each counted on the component it is about (its first).
    /// The overlays a diagram asks for, from one review context: its findings, and the capacity figures
    /// those findings quote (one analysis serves both; nil for an overlay not asked for).
    public init(_ context: ReviewContext, findings: Bool, load: Bool) {
        self.init(findings: findings ? Self.findings(Reviewer.review(context).findings) : nil,
                  load: load ? Self.load(context.capacity) : nil)
    }

    public static func findings(_ findings: [Finding]) -> [String: ComponentFindings] {
        var worst: [String: FindingSeverity] = [:]
        var rules: [String: [String]] = [:]
        for finding in findings where finding.status == .open {
            guard let component = finding.components.first else { continue }
            worst[component] = max(worst[component] ?? finding.severity, finding.severity)
            rules[component, default: []].append(finding.ruleID)
        }
        var overlay: [String: ComponentFindings] = [:]
        for (component, severity) in worst {
            overlay[component] = ComponentFindings(worst: severity, rules: rules[component] ?? [])
        }
        return overlay
    }

    /// The load overlay of a capacity report: each component's arrival rate and utilisation at the evaluated load.
    public static func load(_ report: CapacityReport) -> [String: ComponentLoad] {
        var overlay: [String: ComponentLoad] = [:]
        for component in report.components {
            overlay[component.name] = ComponentLoad(rate: component.arrival.value ?? 0, utilisation: component.utilisation.value)
        }
        return overlay
    }
}

import LintelCapacity
import LintelModel

/// More services than the team can own.
public struct TeamTooSmallForServices: Rule {
    public static let description = RuleDescription(
        id: "team-too-small-for-services", title: "Microservices with a team too small for them", category: .fit, severity: .warning,
        rationale: "Each service needs an owner who deploys, monitors, upgrades and answers its pages. With more than one service per two engineers the team spends its time on the distribution (network failures, versioned APIs, distributed debugging) instead of the product: a distributed monolith. Counted: services, workers and functions; reported from four of them.",
        remedy: "Merge services that change together into a modular monolith with clear module boundaries (one deployable, one database schema per module); split again when a team owns a module end to end.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { team: { engineers: 3 } }
            components:
              users: { kind: service }
              orders: { kind: service }
              billing: { kind: service }
              notifications: { kind: worker }
            """)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { team: { engineers: 12, teams: 3 } }
            components:
              users: { kind: service }
              orders: { kind: service }
              billing: { kind: service }
              notifications: { kind: worker }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard let team = context.model.requirements.team else { return [] }
        let services = context.components.filter { $0.kind == .service || $0.kind == .worker || $0.kind == .function }
        guard services.count >= 4, Double(services.count) > Double(team.engineers) / 2 else { return [] }
        let figures = [Figure(Double(services.count), .count, "services, workers and functions"),
                       Figure(Double(team.engineers), .count, "given: requirements.team.engineers"),
                       Figure(Double(team.teams), .count, "given: requirements.team.teams")]
        let text = "\(Figures.text(figures[0])) services for \(Figures.text(figures[1])) engineer\(team.engineers == 1 ? "" : "s") in \(Figures.text(figures[2])) team\(team.teams == 1 ? "" : "s") "
            + "(more than one per two engineers)"
        return [finding(text, components: services.map(\.name), at: team.location ?? context.model.requirements.location ?? context.model.location,
                        figures: figures)]
    }
}

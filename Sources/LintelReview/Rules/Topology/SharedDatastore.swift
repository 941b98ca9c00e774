import LintelCapacity
import LintelModel

/// A database or cache used by components of different owners.
public struct SharedDatastore: Rule {
    public static let description = RuleDescription(
        id: "shared-datastore", title: "Datastore shared across owners", category: .topology, severity: .warning,
        rationale: "A database or cache written by services of different teams or bounded contexts couples them through its schema: one team's migration, lock or slow query breaks the other's service, and neither can change its data model alone. Services of one context sharing their store is normal, and so is one writer with readers (a read model); only writers of several owners (team, else context) is reported, and only when more than one team builds the system. A deployment imported from docker-compose or Kubernetes names no teams or contexts and cannot tell reads from writes: there each service is its own owner, so a store several services connect to is the shared-database smell of a microservice system.",
        remedy: "Give each owner its own store and expose the data through the owning service's API or events; if sharing is deliberate (a reporting replica), accept the finding with the reason.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { team: { engineers: 10, teams: 2 } }
            components:
              orders: { kind: service, context: ordering, calls: [ { to: db, timeout: 1s } ] }
              billing: { kind: service, context: billing, calls: [ { to: db, timeout: 1s } ] }
              db: { kind: postgres }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              catalogue: { kind: service, image: shop/catalogue:1.0, calls: [ mongodb ] }
              user: { kind: service, image: shop/user:1.0, calls: [ mongodb ] }
              mongodb: { kind: mongodb, image: mongo:7 }
            """, importedFrom: .compose)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            requirements: { team: { engineers: 10, teams: 2 } }
            components:
              orders: { kind: service, context: ordering, calls: [ { to: db, timeout: 1s } ] }
              payments: { kind: service, context: ordering, calls: [ { to: db, timeout: 1s } ] }
              db: { kind: postgres }
            """), RuleExample("""
            lintel: 1
            system: demo
            requirements: { team: { engineers: 4, teams: 1 } }
            components:
              web: { kind: service, calls: [ { to: db, timeout: 1s } ] }
              jobs: { kind: worker, calls: [ { to: db, timeout: 1s } ] }
              db: { kind: postgres }
            """), RuleExample("""
            lintel: 1
            system: demo
            requirements: { team: { engineers: 10, teams: 2 } }
            components:
              ingest: { kind: worker, context: ingestion, calls: [ { to: olap, timeout: 5s, operation: write } ] }
              dashboards: { kind: service, context: reporting, calls: [ { to: olap, timeout: 1s, operation: read } ] }
              olap: { kind: clickhouse }
            """), RuleExample("""
            lintel: 1
            system: demo
            components:
              orders: { kind: service, image: shop/orders:1.0, calls: [ db ] }
              billing: { kind: service, image: shop/billing:1.0, calls: [ billing-db ] }
              db: { kind: postgres, image: postgres:16 }
              billing-db: { kind: postgres, image: postgres:16 }
            """, importedFrom: .compose), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: acme/acme:4, calls: [ db ] }
              worker: { kind: service, image: acme/acme-worker:4, calls: [ db ] }
              migrate: { kind: service, image: acme/tools:4, job: true, calls: [ db ] }
              db: { kind: postgres, image: postgres:16 }
            """, importedFrom: .compose)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        let teams = context.model.requirements.team?.teams ?? 1
        let declaredTeams = Set(context.components.compactMap(\.team))
        guard teams > 1 || declaredTeams.count > 1 || context.isImported else { return [] }
        var findings: [Finding] = []
        for (store, component) in context.components.enumerated()
        where component.kind.category == .database || component.kind.category == .cache {
            // Readers of a read model do not couple owners the way a second writer does.
            let callers = context.graph.callers[store].filter { caller in
                let component = context.component(caller)
                return component.kind.category == .compute
                    && component.calls.contains { $0.to == context.component(store).name && $0.operation != .read }
            }
            var owners: [String: [Int]] = [:]
            for caller in callers {
                let owner = context.component(caller)
                // One-shot jobs (schema setup) and roles of one application do not make a second owner.
                if owner.job || AdminConsolePublished.console(owner) != nil { continue }
                let application = context.isImported ? ApplicationRoles.application(owner, among: context.components) : owner.name
                owners[owner.team ?? owner.context ?? application, default: []].append(caller)
            }
            guard owners.count > 1 else { continue }
            let ownerNames = owners.keys.sorted()
            let users = Figure(Double(callers.count), .count, "components that write \(component.name)")
            let ownerCount = Figure(Double(owners.count), .count, "distinct owners (team, context or application) among them")
            let imported = context.isImported && teams <= 1 && declaredTeams.count <= 1
            let text = imported
                ? "\(component.name) is used by \(Figures.text(users)) services (\(ownerNames.joined(separator: ", "))): they are coupled through its schema and load"
                : "\(component.name) is written by \(Figures.text(users)) components of \(Figures.text(ownerCount)) owners (\(ownerNames.joined(separator: ", ")))"
            findings.append(finding(text, components: [component.name] + context.names(callers), at: component.location,
                                    figures: imported ? [users] : [users, ownerCount]))
        }
        return findings
    }
}

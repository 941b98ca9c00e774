import LintelCapacity
import LintelModel

/// An imported model cannot state timeouts, retries or latencies.
public struct UnknownResilienceSettings: Rule {
    public static let description = RuleDescription(
        id: "unknown-resilience-settings", title: "Resilience settings unknown (imported model)", category: .resilience, severity: .info,
        rationale: "Deployment files (docker-compose, Kubernetes manifests) do not say which timeouts, retries, circuit breakers or latencies the code uses, nor how the data is backed up or who may call the public entry points. The rules that judge those settings stay silent on imported models rather than report every call as misconfigured; this finding lists what could not be checked.",
        remedy: "Write the import out as a Lintel model (`lintel import --write`), add the timeouts, retries and latencies the code really uses, and review that file.",
        triggering: [RuleExample("""
            # written by `lintel import docker-compose.yml`
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: shop/web:1.4, health_check: true, calls: [ db ] }
              db: { kind: postgres, image: postgres:16, volumes: [ /var/lib/postgresql/data ] }
            """, importedFrom: .compose)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, health_check: /healthz }
            """)])

    public init() {}

    public func check(_ context: ReviewContext) -> [Finding] {
        guard context.isImported else { return [] }
        let unknowns = context.model.origin.unknowns.isEmpty
            ? ["timeouts", "retries", "circuit breakers", "latencies"]
            : context.model.origin.unknowns.map { String($0.prefix { $0 != ":" }) }
        let calls = context.components.reduce(0) { $0 + $1.syncCalls.count }
        let figure = Figure(Double(calls), .count, "synchronous calls of all components")
        let text = "imported from \(context.model.origin.format.rawValue): \(unknowns.joined(separator: ", ")) are unknown, "
            + "so timeout, retry and latency rules were not applied to \(Figures.text(figure)) synchronous call\(calls == 1 ? "" : "s")"
        return [finding(text, components: [], at: context.model.location, figures: [figure])]
    }
}

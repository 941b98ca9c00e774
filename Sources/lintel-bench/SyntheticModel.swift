import Foundation

/// A generated model of `components` components with `callsPerComponent` calls each, layered so
/// calls go from one layer to the next (no cycles): the shape of a large microservice estate.
/// Every tenth component is a PostgreSQL store, every fiftieth a topic.
func syntheticModelYAML(components: Int, callsPerComponent: Int = 3) -> String {
    var text = "lintel: 1\nsystem: synthetic-\(components)\n"
    text += "requirements: { traffic: { average: 1000/s, peak: 5000/s, growth: 2x/year }, slo: { availability: 99.9%, latency_p99: 500ms } }\n"
    text += "components:\n"
    let layerSize = max(10, components / 20)
    func kind(_ index: Int) -> String {
        if index == 0 { return "gateway" }
        if index % 50 == 0 { return "topic" }
        if index % 10 == 0 { return "postgres" }
        return "service"
    }
    text.reserveCapacity(components * 200)
    for index in 0..<components {
        let name = "c\(index)"
        let componentKind = kind(index)
        text += "  \(name):\n    kind: \(componentKind)\n    instances: \(1 + index % 3)\n"
        if componentKind == "gateway" { text += "    public: true\n    auth: jwt\n    rate_limit: 5000/s\n" }
        guard componentKind == "service" || componentKind == "gateway" else { continue }
        text += "    latency: { p50: \(2 + index % 7)ms, p99: \(20 + index % 40)ms }\n    calls:\n"
        let nextLayer = (index / layerSize + 1) * layerSize
        for call in 0..<callsPerComponent {
            let target = nextLayer + (index * 7 + call * 13) % layerSize
            guard target < components else { break }
            text += "      - { to: c\(target), timeout: \(100 + call * 50)ms, retries: \(call % 3), backoff: full-jitter, idempotent: true }\n"
        }
    }
    text += "flows:\n  main: { entry: c0, rate: 1000/s }\n"
    return text
}

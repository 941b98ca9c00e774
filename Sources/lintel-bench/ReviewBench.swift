import Foundation
import LintelModel
import LintelReview

/// A generated estate for the review benchmark: `components` components in five layers, the gateway
/// routing twenty flows (half best-effort) into the first layer; each service makes five parallel calls
/// into the next layer with timeouts that shrink down the layers, the first with one jittered retry.
/// Every tenth component is a PostgreSQL store, every fiftieth a topic, some Redis caches; every 1000th
/// service also calls back a layer, closing synchronous cycles.
func reviewBenchmarkModel(components: Int) -> Model {
    let here = SourceLocation(file: "review-bench.yaml", line: 1, column: 1)
    let layer = max(10, components / 5)
    let timeouts = [5.3, 1.7, 0.5, 0.1, 0.1]
    var model = Model(system: "review-bench-\(components)", location: here)
    model.requirements.team = Team(engineers: max(1, components / 5), teams: max(1, components / 50))
    model.requirements.traffic = Traffic(average: Rate(perSecond: 100), peak: Rate(perSecond: 500), growth: Growth(factorPerYear: 2))
    model.requirements.slo = ServiceLevel(availability: 0.999, latencyP99: .milliseconds(500))
    model.requirements.compliance = [.gdpr]
    model.components.reserveCapacity(components)
    for index in 0..<components {
        let kind: ComponentKind = index == 0 ? .gateway
            : index % 50 == 0 ? .topic : index % 10 == 0 ? .postgres : index % 25 == 5 ? .redis : .service
        var component = Component(name: "c\(index)", kind: kind, location: SourceLocation(file: "review-bench.yaml", line: index + 1, column: 3))
        component.instances = 2 + index % 3
        component.healthCheck = HealthCheck(path: "/healthz")
        component.replicas = 1
        component.backups = .daily
        component.encrypted = true
        component.auditLog = true
        component.deadLetter = true
        component.idempotentConsumer = true
        if kind == .gateway {
            component.isPublic = true
            component.auth = .jwt
            component.tls = true
            component.rateLimit = Rate(perSecond: 5000)
        }
        if kind == .postgres { component.holds = index % 20 == 0 ? ["pii"] : [] }
        if kind == .service {
            component.latency = Latency(p50: .milliseconds(Double(2 + index % 7)), p99: .milliseconds(Double(20 + index % 40)))
            let depth = index / layer
            let next = (depth + 1) * layer
            for call in 0..<5 {
                let target = next + (index * 7 + call * 13) % layer
                guard target < components else { break }
                var spec = Call(to: "c\(target)", location: component.location)
                spec.timeout = TimeSpan(seconds: timeouts[min(depth, 4)])
                spec.retries = call == 0 ? 1 : 0
                spec.backoff = .fullJitter
                spec.idempotent = true
                spec.parallel = "fan-out"
                spec.perRequest = 0.2
                spec.circuitBreaker = CircuitBreaker()
                component.calls.append(spec)
            }
            if index % 1000 == 999, index >= layer {
                var back = Call(to: "c\(index - layer + 1)", location: component.location)
                back.timeout = .milliseconds(50)
                back.circuitBreaker = CircuitBreaker()
                back.perRequest = 0.01
                component.calls.append(back)
            }
        }
        model.components.append(component)
    }
    var entries: [String] = []
    for entry in 1..<min(layer, 41) where model.components[entry].kind == .service && entries.count < 20 { entries.append("c\(entry)") }
    for (position, entry) in entries.enumerated() {
        var flow = Flow(name: "f\(position)", entry: "c0", route: [entry], rate: Rate(perSecond: 5), peak: Rate(perSecond: 25), location: here)
        flow.critical = position % 2 == 0
        model.flows.append(flow)
        var call = Call(to: entry, location: here)
        call.timeout = TimeSpan(seconds: 20)
        call.circuitBreaker = CircuitBreaker()
        call.bulkhead = flow.critical ? nil : 100
        model.components[0].calls.append(call)
    }
    return model
}

/// `Reviewer.review` (context with capacity report, then every rule) on generated models of growing size.
func reviewBenchmark() {
    print("## review: Reviewer.review on a generated layered model (CPU time, median of 5 runs)")
    print("| components | calls | flows | findings | context (graph + capacity) | all rules | total |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in [1_000, 10_000, 100_000] {
        let model = reviewBenchmarkModel(components: size)
        let calls = model.components.reduce(0) { $0 + $1.calls.count }
        var contextTimes: [Double] = []
        var ruleTimes: [Double] = []
        var totals: [Double] = []
        var findings = 0
        for _ in 0..<5 {
            let start = processCPUSeconds()
            let context = ReviewContext(model: model)
            let built = processCPUSeconds()
            var count = 0
            for rule in RuleRegistry.all { count += rule.init().check(context).count }
            let checked = processCPUSeconds()
            let report = Reviewer.review(model)
            let reviewed = processCPUSeconds()
            contextTimes.append(built - start)
            ruleTimes.append(checked - built)
            totals.append(reviewed - checked)
            findings = max(count, report.findings.count)
        }
        func median(_ values: [Double]) -> String { UnitFormat.number(values.sorted()[values.count / 2] * 1000, decimals: 0) + " ms" }
        print("| \(size) | \(calls) | \(model.flows.count) | \(findings) | \(median(contextTimes)) | \(median(ruleTimes)) | \(median(totals)) |")
    }
}

import Foundation
import LintelModel
import LintelSimulation

/// `lintel-bench simulation`: M/M/4 throughput and memory, and a 50-component model at 10,000 req/s.
func simulationBenchmark() {
    print("== simulation ==")
    let mm4 = simulationMM4Model()
    for customers in [1_000_000.0, 10_000_000.0] {
        let scenario = Scenario(name: "mm4", duration: TimeSpan(seconds: customers / 3.6), location: simulationBenchHere)
        let (report, wall, cpu) = simulationTimed { try Simulation.run(mm4, scenario: scenario, options: SimulationOptions(seed: 1)) }
        guard let report, let server = report.components.first else { continue }
        let served = Double(report.flows[0].offered)
        print(String(format: "M/M/4 λ=3.6 μ=1: %.0f customers in %.3f s wall / %.3f s CPU = %.2f M customers/s (CPU: %.2f M/s); "
                     + "Wq %.4f s (Erlang C 1.969383), ρ %.4f; %llu events; max RSS %.1f MB",
                     served, wall, cpu, served / wall / 1e6, served / cpu / 1e6, server.meanWait, server.utilisation,
                     report.events, simulationMaxRSSMegabytes()))
    }
    let large = simulationFiftyComponentModel()
    let (report, wall, cpu) = simulationTimed { try Simulation.run(large, scenario: large.scenarios[0], options: SimulationOptions(seed: 1)) }
    if let report {
        let offered = report.flows.reduce(0) { $0 + $1.offered }
        let good = report.flows.reduce(0) { $0 + $1.succeeded }
        let openings = report.components.reduce(0) { $0 + $1.breakerOpenings }
        print(String(format: "50 components, 10,000 req/s, 600 s simulated: %.3f s wall / %.3f s CPU; %d requests, %d succeeded, "
                     + "%d attempts (%d retries), %d breaker openings, %llu events (%.1f M events/s CPU); verdict: %@; max RSS %.1f MB",
                     wall, cpu, offered, good, report.calls.attempts, report.calls.retries, openings, report.events,
                     Double(report.events) / cpu / 1e6, report.verdict.summary, simulationMaxRSSMegabytes()))
    }
    simulationExampleBenchmark()
}

/// The shipped analytics example (run from the package root): steady average load and its
/// `broker-slowdown` scenario, 1M requests/s for 6 minutes (a scaled run, see docs/simulation.md).
private func simulationExampleBenchmark() {
    guard let loaded = try? ModelLoader.load(path: "examples/analytics-platform.yaml") else {
        print("examples/analytics-platform.yaml not found (run from the package root)")
        return
    }
    for scenario in [nil, "broker-slowdown"] {
        let (report, wall, cpu) = simulationTimed {
            try Simulation.run(loaded.model, scenario: scenario, options: SimulationOptions(seed: 1))
        }
        guard let report else { continue }
        let busiest = report.components.max { $0.utilisation < $1.utilisation }
        print(String(format: "analytics-platform %@: %.0f s simulated at scale 1/%d, %llu events in %.3f s wall / %.3f s CPU; "
                     + "busiest %@ %.1f%%; verdict: %@; max RSS %.1f MB",
                     scenario ?? "steady", report.duration, report.scale, report.events, wall, cpu, busiest?.name ?? "-",
                     (busiest?.utilisation ?? 0) * 100, String(report.verdict.summary.prefix(80)), simulationMaxRSSMegabytes()))
    }
}

private let simulationBenchHere = SourceLocation(file: "bench", line: 1, column: 1)

private func simulationTimed(_ body: () throws -> SimulationReport) -> (SimulationReport?, Double, Double) {
    let cpuStart = clock()
    let start = Date()
    let report = try? body()
    return (report, Date().timeIntervalSince(start), Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC))
}

private func simulationMaxRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

private func simulationComponent(_ name: String, _ kind: ComponentKind, instances: Int, workers: Int,
                                 p50: Double, p99: Double, distribution: Latency.Distribution = .lognormal) -> Component {
    var component = Component(name: name, kind: kind, location: simulationBenchHere)
    component.instances = instances
    component.workers = workers
    component.latency = Latency(p50: .milliseconds(p50), p99: .milliseconds(p99), distribution: distribution)
    return component
}

/// One server with 4 workers, exponential service with mean 1 s, Poisson arrivals at 3.6/s.
func simulationMM4Model() -> Model {
    let server = simulationComponent("server", .service, instances: 1, workers: 4, p50: 1000 * 0.6931471805599453, p99: 0,
                                     distribution: .exponential)
    return Model(system: "mm4", components: [server],
                 flows: [Flow(name: "customers", entry: "server", rate: Rate(perSecond: 3.6), location: simulationBenchHere)],
                 location: simulationBenchHere)
}

/// 50 components: a gateway, 4 edge services, 20 mid-tier services, 10 databases, 5 caches,
/// 5 topics and 5 workers; every sync call has a timeout, 2 retries with full jitter and a
/// circuit breaker. Four flows of 2,500 req/s; one database slows down 500× for a minute (past its callers' timeouts).
func simulationFiftyComponentModel() -> Model {
    func call(_ to: String, timeout: Double, parallel: String? = nil, perRequest: Double = 1) -> Call {
        var call = Call(to: to, location: simulationBenchHere)
        call.timeout = .milliseconds(timeout)
        call.retries = 2
        call.backoff = .fullJitter
        call.backoffBase = .milliseconds(50)
        call.backoffCap = TimeSpan(seconds: 1)
        call.circuitBreaker = CircuitBreaker()
        call.parallel = parallel
        call.perRequest = perRequest
        call.idempotent = true
        return call
    }
    var components: [Component] = []
    var gateway = simulationComponent("gateway", .gateway, instances: 4, workers: 1000, p50: 0.5, p99: 3)
    for e in 0..<4 { gateway.calls.append(call("edge\(e)", timeout: 2000)) }
    components.append(gateway)
    for e in 0..<4 {
        var edge = simulationComponent("edge\(e)", .service, instances: 8, workers: 64, p50: 2, p99: 10)
        var lookup = call("cache\(e)", timeout: 50)
        lookup.hitRatio = 0.8
        edge.calls.append(lookup)
        var miss = call("db\(2 * e)", timeout: 300)
        miss.onMiss = "cache\(e)"
        edge.calls.append(miss)
        for k in 0..<5 { edge.calls.append(call("mid\(e * 5 + k)", timeout: 500, parallel: "fan-out", perRequest: 0.4)) }
        edge.calls.append(Call(to: "topic\(e)", mode: .async, location: simulationBenchHere))
        components.append(edge)
    }
    for m in 0..<20 {
        var mid = simulationComponent("mid\(m)", .service, instances: 6, workers: 32, p50: 3, p99: 15)
        mid.calls.append(call("db\(m % 10)", timeout: 300, perRequest: 0.5))
        components.append(mid)
    }
    for d in 0..<10 { components.append(simulationComponent("db\(d)", .postgres, instances: 2, workers: 32, p50: 1, p99: 8)) }
    for c in 0..<5 { components.append(simulationComponent("cache\(c)", .redis, instances: 1, workers: 4, p50: 0.1, p99: 1)) }
    for t in 0..<5 {
        var topic = simulationComponent("topic\(t)", .topic, instances: 1, workers: 1000, p50: 1, p99: 5)
        topic.consumers = ["worker\(t)"]
        topic.deadLetter = true
        components.append(topic)
    }
    for w in 0..<5 {
        var worker = simulationComponent("worker\(w)", .worker, instances: 4, workers: 16, p50: 5, p99: 20)
        worker.consumes = ["topic\(w)"]
        worker.calls.append(call("db\((2 * w + 1) % 10)", timeout: 300))
        components.append(worker)
    }
    let flows = (0..<4).map { e in
        Flow(name: "flow\(e)", entry: "gateway", route: ["edge\(e)"], rate: Rate(perSecond: 2500), location: simulationBenchHere)
    }
    let scenario = Scenario(name: "ten-minutes", duration: TimeSpan(seconds: 600),
                            faults: [Fault(at: TimeSpan(seconds: 300), duration: TimeSpan(seconds: 60), component: "db0",
                                           latencyFactor: 500, location: simulationBenchHere)],
                            location: simulationBenchHere)
    return Model(system: "fifty", components: components, flows: flows, scenarios: [scenario], location: simulationBenchHere)
}

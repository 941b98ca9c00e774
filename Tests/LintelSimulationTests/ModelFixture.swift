import LintelModel

/// Builds small models in code for the simulator's tests.
enum Fixture {
    static let here = SourceLocation(file: "test.yaml", line: 1, column: 1)

    /// A component whose service time has the given mean (exponential by default).
    static func component(_ name: String, kind: ComponentKind = .service, instances: Int = 1, workers: Int,
                          mean: Double, distribution: Latency.Distribution = .exponential, queueLimit: Int? = nil,
                          calls: [Call] = []) -> Component {
        var component = Component(name: name, kind: kind, location: here)
        component.instances = instances
        component.workers = workers
        component.queueLimit = queueLimit
        // Latency is given by its median: for an exponential the median is mean·ln 2.
        let p50 = distribution == .exponential ? mean * 0.6931471805599453 : mean
        component.latency = Latency(p50: TimeSpan(seconds: p50), p99: TimeSpan(seconds: p50), distribution: distribution)
        component.calls = calls
        return component
    }

    /// A client that forwards instantly and has workers to spare, so only its calls' settings matter.
    static func client(_ name: String = "client", calls: [Call]) -> Component {
        component(name, kind: .gateway, workers: 1_000_000, mean: 0, distribution: .constant, calls: calls)
    }

    static func call(_ to: String, mode: CallMode = .sync, timeout: Double? = nil, retries: Int = 0,
                     backoff: Backoff = .none, base: Double = 0.1, cap: Double = 10,
                     breaker: CircuitBreaker? = nil, hitRatio: Double? = nil) -> Call {
        var call = Call(to: to, mode: mode, location: here)
        call.timeout = timeout.map { TimeSpan(seconds: $0) }
        call.retries = retries
        call.backoff = backoff
        call.backoffBase = TimeSpan(seconds: base)
        call.backoffCap = TimeSpan(seconds: cap)
        call.circuitBreaker = breaker
        call.hitRatio = hitRatio
        return call
    }

    static func flow(_ name: String = "requests", entry: String, route: [String] = [], rate: Double) -> Flow {
        Flow(name: name, entry: entry, route: route, rate: Rate(perSecond: rate), location: here)
    }

    static func step(at: Double, rate: Double) -> LoadStep {
        LoadStep(at: TimeSpan(seconds: at), rate: Rate(perSecond: rate), location: here)
    }

    static func scenario(_ name: String = "test", duration: Double, load: [LoadStep] = [], faults: [Fault] = []) -> Scenario {
        Scenario(name: name, duration: TimeSpan(seconds: duration), load: load, faults: faults, location: here)
    }

    static func fault(_ component: String, at: Double, for duration: Double, down: Bool = false,
                      latencyFactor: Double? = nil, errorRate: Double? = nil) -> Fault {
        Fault(at: TimeSpan(seconds: at), duration: TimeSpan(seconds: duration), component: component, down: down,
              latencyFactor: latencyFactor, errorRate: errorRate, location: here)
    }

    static func model(_ components: [Component], flows: [Flow], scenarios: [Scenario] = []) -> Model {
        Model(system: "test", components: components, flows: flows, scenarios: scenarios, location: here)
    }
}

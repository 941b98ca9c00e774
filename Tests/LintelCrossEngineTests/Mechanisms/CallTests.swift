import Foundation
import Testing

/// How calls hold, fan out and repeat: sync holding, parallel groups, copies, caches, retries,
/// rate limits, cycles and tandem queues.
@Suite("Cross-engine: calls")
struct CallTests {
    @Test("A 1-worker caller holding its worker during a sync call is M/G/1 with S = S_own + S_callee; the callee never queues")
    func syncHold() throws {
        // Own exponential 0.2 s + callee exponential 0.3 s: E[S] = 0.5, E[S²] = 0.2² + 0.3² + 0.5² = 0.38.
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: hold
            components:
              caller: { kind: service, workers: 1, latency: 200ms, calls: [ { to: callee } ] }
              callee: { kind: service, workers: 1, latency: 300ms }
            flows:
              requests: { entry: caller, rate: 1.4/s }
            """, duration: 400_000 / 1.4, seed: 21)
        let caller = try run.capacityComponent("caller"), simCaller = try run.simulatedComponent("caller")
        let callee = try run.capacityComponent("callee"), simCallee = try run.simulatedComponent("callee")
        let wait = ClosedForm.pollaczekKhinchine(arrival: 1.4, mean: 0.5, secondMoment: 0.38)
        expectAgreement("sync hold: caller utilisation", capacity: caller.utilisation.value, simulation: simCaller.utilisation,
                        closedForm: 0.7, .points(0.02))
        expectAgreement("sync hold: callee utilisation", capacity: callee.utilisation.value, simulation: simCallee.utilisation,
                        closedForm: 0.42, .points(0.02))
        expectAgreement("sync hold: caller mean wait", capacity: caller.meanWait.value, simulation: simCaller.meanWait,
                        closedForm: wait, .relative(0.10))
        expectAgreement("sync hold: callee mean wait", capacity: callee.meanWait.value, simulation: simCallee.meanWait,
                        closedForm: 0, .seconds(0.005))
        expectAgreement("sync hold: flow mean latency", capacity: try run.capacityFlowMean("requests"),
                        simulation: try run.simulatedFlow("requests").meanLatency, closedForm: wait + 0.5, .relative(0.10))
    }

    @Test("A parallel group of two equal exponentials (100 ms) holds the caller for E[max] = 1.5 m")
    func parallelEqual() throws {
        try Self.parallel(b: "100ms", expected: 1.5 * 0.1, label: "parallel equal")
    }

    @Test("A parallel group of exponentials with means 100 ms and 150 ms holds the caller for a + b − ab/(a + b) = 190 ms")
    func parallelDifferent() throws {
        // Means close enough that E[max] (190 ms) and the larger mean (150 ms) differ by more than the tolerance.
        try Self.parallel(b: "150ms", expected: ClosedForm.maxOfTwoExponentials(0.1, 0.15), label: "parallel different")
    }

    static func parallel(b: String, expected: Double, label: String) throws {
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: parallel
            components:
              \(instantClient("{ to: a, parallel: g }, { to: b, parallel: g }"))
              a: { kind: service, workers: 100000, latency: 100ms }
              b: { kind: service, workers: 100000, latency: \(b) }
            flows:
              requests: { entry: gw, rate: 50/s }
            """, duration: 4_000, seed: 22)
        expectAgreement("\(label): caller holding time", capacity: try run.capacityComponent("gw").holdingTime.value,
                        simulation: try run.simulatedFlow("requests").meanLatency, closedForm: expected, .relative(0.10))
        expectAgreement("\(label): flow mean latency", capacity: try run.capacityFlowMean("requests"),
                        simulation: try run.simulatedFlow("requests").meanLatency, closedForm: expected, .relative(0.10))
    }

    @Test("per_request 5 inside a parallel group runs 5 copies at once: E[max] = H₅ m, and 5λ reach the callee")
    func copiesInParallel() throws {
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: copies
            components:
              \(instantClient("{ to: a, per_request: 5, parallel: g }"))
              a: { kind: service, workers: 100000, latency: 100ms }
            flows:
              requests: { entry: gw, rate: 50/s }
            """, duration: 4_000, seed: 23)
        expectAgreement("per_request 5 parallel: flow mean latency", capacity: try run.capacityFlowMean("requests"),
                        simulation: try run.simulatedFlow("requests").meanLatency, closedForm: ClosedForm.harmonic(5) * 0.1, .relative(0.10))
        expectAgreement("per_request 5 parallel: callee arrival /s", capacity: try run.capacityComponent("a").arrival.value,
                        simulation: try run.simulatedArrival("a"), closedForm: 250, .relative(0.10))
    }

    @Test("per_request 3 outside a group runs 3 copies one after another: 3 m, and 3λ reach the callee")
    func copiesInSequence() throws {
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: copies
            components:
              \(instantClient("{ to: a, per_request: 3 }"))
              a: { kind: service, workers: 100000, latency: 100ms }
            flows:
              requests: { entry: gw, rate: 50/s }
            """, duration: 4_000, seed: 24)
        expectAgreement("per_request 3 sequential: flow mean latency", capacity: try run.capacityFlowMean("requests"),
                        simulation: try run.simulatedFlow("requests").meanLatency, closedForm: 0.3, .relative(0.10))
        expectAgreement("per_request 3 sequential: callee arrival /s", capacity: try run.capacityComponent("a").arrival.value,
                        simulation: try run.simulatedArrival("a"), closedForm: 150, .relative(0.10))
    }

    @Test("Fractional per_request 0.3: 30% of requests make the call, adding 0.3 × m to the mean")
    func fractionalCopies() throws {
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: fraction
            components:
              \(instantClient("{ to: a, per_request: 0.3 }"))
              a: { kind: service, workers: 100000, latency: 100ms }
            flows:
              requests: { entry: gw, rate: 50/s }
            """, duration: 4_000, seed: 25)
        expectAgreement("per_request 0.3: callee arrival /s", capacity: try run.capacityComponent("a").arrival.value,
                        simulation: try run.simulatedArrival("a"), closedForm: 15, .relative(0.10))
        expectAgreement("per_request 0.3: flow mean latency", capacity: try run.capacityFlowMean("requests"),
                        simulation: try run.simulatedFlow("requests").meanLatency, closedForm: 0.03, .relative(0.10))
    }

    @Test("A cache lookup with hit ratio 0.8 is always made; the on_miss call only for the 20% that miss")
    func cacheAside() throws {
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: cache
            components:
              api: { kind: service, workers: 100000, latency: 10ms, calls: [ { to: cache, hit_ratio: 0.8 }, { to: db, on_miss: cache } ] }
              cache: { kind: redis, workers: 100000, latency: 1ms }
              db: { kind: postgres, workers: 100000, latency: 20ms }
            flows:
              requests: { entry: api, rate: 100/s }
            """, duration: 2_000, seed: 26)
        expectAgreement("cache: lookups /s", capacity: try run.capacityComponent("cache").arrival.value,
                        simulation: try run.simulatedArrival("cache"), closedForm: 100, .relative(0.10))
        expectAgreement("cache: on_miss calls /s", capacity: try run.capacityComponent("db").arrival.value,
                        simulation: try run.simulatedArrival("db"), closedForm: 20, .relative(0.10))
        expectAgreement("cache: flow mean latency", capacity: try run.capacityFlowMean("requests"),
                        simulation: try run.simulatedFlow("requests").meanLatency, closedForm: 0.010 + 0.001 + 0.2 * 0.020, .relative(0.10))
    }

    @Test("Timeout 150 ms, 2 retries on an exponential 100 ms callee: 1.27292 attempts per request, 1.111% fail")
    func retriesUnderTimeout() throws {
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: retries
            components:
              \(instantClient("{ to: callee, timeout: 150ms, retries: 2 }"))
              callee: { kind: service, workers: 100000, latency: 100ms }
            flows:
              requests: { entry: gw, rate: 20/s }
            """, duration: 50_000, seed: 27)
        let exact = ClosedForm.retries(timeout: 0.150, mean: 0.100, retries: 2)
        let flow = try run.simulatedFlow("requests")
        let offered = Double(max(flow.offered, 1))
        expectAgreement("retries: callee attempts per request", capacity: try run.capacityComponent("callee").arrival.value.map { $0 / 20 },
                        simulation: Double(try run.simulatedComponent("callee").attempts) / offered,
                        closedForm: exact.attempts, .relative(0.10))
        // Capacity has no per-flow failure fraction in its report; the simulator's is checked against theory.
        expectClosedForm("retries: failed requests", engine: "simulation",
                         value: Double(flow.errors + flow.timeouts) / offered, closedForm: exact.failure, .relative(0.10))
    }

    @Test("A rate limit of 50/s under 80/s offered passes 50/s on and rejects the rest")
    func rateLimit() throws {
        // The backend (1 worker, exponential 15 ms) is then 75% busy.
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: limit
            components:
              \(instantClient("{ to: backend }", extra: ", rate_limit: 50/s"))
              backend: { kind: service, workers: 1, latency: 15ms }
            flows:
              requests: { entry: gw, rate: 80/s }
            """, duration: 10_000, seed: 28)
        let gateway = try run.simulatedComponent("gw")
        expectAgreement("rate limit: fraction rejected", capacity: run.capacityRejected("gw"),
                        simulation: Double(gateway.rejections) / Double(max(gateway.attempts, 1)), closedForm: 1 - 50.0 / 80, .relative(0.10))
        let backend = try run.capacityComponent("backend"), simBackend = try run.simulatedComponent("backend")
        expectAgreement("rate limit: calls passed on /s", capacity: backend.arrival.value, simulation: try run.simulatedArrival("backend"),
                        closedForm: 50, .relative(0.10))
        expectAgreement("rate limit: backend utilisation", capacity: backend.utilisation.value, simulation: simBackend.utilisation,
                        closedForm: 0.75, .points(0.02))
        // The stream a token bucket lets through is smoother than Poisson: no closed form, engines compared.
        withKnownIssue("capacity treats the rate limiter's output as Poisson and overstates the backend's wait (45 vs 25 ms); docs/capacity.md") {
            expectAgreement("rate limit: backend mean wait", capacity: backend.meanWait.value, simulation: simBackend.meanWait, .relative(0.10))
        }
    }

    @Test("A terminating cycle (a → b always, b → a per_request 0.5, λ₀ 5/s): traffic equations give 10/s at each")
    func terminatingCycle() throws {
        // T_a = s_a + T_b, T_b = s_b + 0.5 T_a → T_a = 2(s_a + s_b) = 40 ms.
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: cycle
            components:
              a: { kind: service, workers: 100000, latency: 10ms, calls: [ { to: b } ] }
              b: { kind: service, workers: 100000, latency: 10ms, calls: [ { to: a, per_request: 0.5 } ] }
            flows:
              requests: { entry: a, rate: 5/s }
            """, duration: 20_000, seed: 29)
        expectAgreement("cycle: arrivals at a /s", capacity: try run.capacityComponent("a").arrival.value,
                        simulation: try run.simulatedArrival("a"), closedForm: 10, .relative(0.10))
        expectAgreement("cycle: arrivals at b /s", capacity: try run.capacityComponent("b").arrival.value,
                        simulation: try run.simulatedArrival("b"), closedForm: 10, .relative(0.10))
        expectAgreement("cycle: flow mean latency", capacity: try run.capacityFlowMean("requests"),
                        simulation: try run.simulatedFlow("requests").meanLatency, closedForm: 0.040, .relative(0.10))
    }

    @Test("Jackson tandem through an async hand-off: station waits ρ/(μ − λ), sojourn Σ 1/(μᵢ − λ) = 5.333 s")
    func jacksonTandem() throws {
        // λ 0.5, μ₁ 1, μ₂ 0.8. The first station hands on without waiting, so the stations are independent M/M/1s.
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: tandem
            components:
              first: { kind: service, workers: 1, latency: 1s, calls: [ { to: second, mode: async } ] }
              second: { kind: service, workers: 1, latency: 1250ms }
            flows:
              requests: { entry: first, rate: 0.5/s }
            """, duration: 1_000_000, seed: 30)
        let first = try run.capacityComponent("first"), second = try run.capacityComponent("second")
        let simFirst = try run.simulatedComponent("first"), simSecond = try run.simulatedComponent("second")
        expectAgreement("tandem: first station mean wait", capacity: first.meanWait.value, simulation: simFirst.meanWait,
                        closedForm: ClosedForm.mm1Wait(arrival: 0.5, serviceMean: 1), .relative(0.10))
        expectAgreement("tandem: second station mean wait", capacity: second.meanWait.value, simulation: simSecond.meanWait,
                        closedForm: ClosedForm.mm1Wait(arrival: 0.5, serviceMean: 1.25), .relative(0.10))
        expectAgreement("tandem: second station utilisation", capacity: second.utilisation.value, simulation: simSecond.utilisation,
                        closedForm: 0.625, .points(0.02))
        let capSojourn = [first, second].reduce(0.0) { $0 + ($1.meanWait.value ?? .nan) + ($1.holdingTime.value ?? .nan) }
        let simSojourn = simFirst.meanWait + simFirst.meanService + simSecond.meanWait + simSecond.meanService
        expectAgreement("tandem: Jackson sojourn", capacity: capSojourn, simulation: simSojourn,
                        closedForm: 1 / (1 - 0.5) + 1 / (0.8 - 0.5), .relative(0.10))
    }

    @Test("Two sequential sync calls (exponential 100 ms, 200 ms, no queueing): the flow p99 is the quantile of their sum, not the sum of p99s")
    func flowPercentileByConvolution() throws {
        // Sum of p99s: (0.1 + 0.2) · ln 100 = 1.382 s; the hypoexponential's p99 is 1.059 s (the sum overstates it by 30%).
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: percentiles
            components:
              \(instantClient("{ to: a }, { to: b }"))
              a: { kind: service, workers: 100000, latency: 100ms }
              b: { kind: service, workers: 100000, latency: 200ms }
            flows:
              requests: { entry: gw, rate: 50/s }
            """, duration: 8_000, seed: 31)
        // 400,000 requests: the empirical p99 has a binomial sd of ~0.5% (plus HdrHistogram's 0.1%).
        expectAgreement("sequential calls: flow p99", capacity: try run.capacityFlow("requests").latencyP99.value,
                        simulation: try run.simulatedFlow("requests").p99,
                        closedForm: ClosedForm.hypoexponentialQuantile(0.99, means: 0.1, 0.2), .relative(0.10))
        expectAgreement("sequential calls: flow mean latency", capacity: try run.capacityFlowMean("requests"),
                        simulation: try run.simulatedFlow("requests").meanLatency, closedForm: 0.3, .relative(0.10))
    }

    @Test("Two sequential copies with a 150 ms timeout on an exponential 100 ms callee (optional): each copy lasts min(S, τ), and no request outlives 2τ")
    func timeoutsFireOnTime() throws {
        // E[min(S, τ)] = m(1 − e^(−τ/m)) = 77.7 ms per copy; a timed-out copy starts the next, whose timeout
        // must be armed from its own start: the longest request is 2τ = 300 ms.
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: copy-timeouts
            components:
              \(instantClient("{ to: callee, per_request: 2, timeout: 150ms, optional: true }"))
              callee: { kind: service, workers: 100000, latency: 100ms }
            flows:
              requests: { entry: gw, rate: 50/s }
            """, duration: 4_000, seed: 32)
        let flow = try run.simulatedFlow("requests")
        expectAgreement("copy timeouts: flow mean latency", capacity: try run.capacityFlowMean("requests"), simulation: flow.meanLatency,
                        closedForm: 2 * ClosedForm.truncatedExponentialMean(mean: 0.1, timeout: 0.15), .relative(0.10))
        // 5% of requests time out twice, so the longest request is 2τ exactly when timeouts fire on time
        // (HdrHistogram keeps 3 significant digits: 0.1%).
        expectClosedForm("copy timeouts: longest request (2τ)", engine: "simulation", value: flow.max, closedForm: 0.3, .relative(0.001))
    }
}

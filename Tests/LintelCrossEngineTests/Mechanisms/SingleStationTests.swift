import Foundation
import Testing

/// One station at a time: pooled workers, separate instances, service-time shapes, a bounded queue.
/// Durations give ~10⁶ customers at ρ 0.9 (mean-wait sd ≈ 1.7%, REFERENCE.md) and fewer at lower ρ.
@Suite("Cross-engine: single stations")
struct SingleStationTests {
    @Test("M/M/4 pooled in one instance at λ 3.6, μ 1: Erlang C Wq 1.969383 s, ρ 0.9")
    func pooledErlangC() throws {
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: mmc
            components:
              server: { kind: service, instances: 1, workers: 4, latency: 1s }
            flows:
              requests: { entry: server, rate: 3.6/s }
            """, duration: 1_000_000 / 3.6, seed: 11)
        let cap = try run.capacityComponent("server"), sim = try run.simulatedComponent("server")
        expectAgreement("M/M/4 utilisation", capacity: cap.utilisation.value, simulation: sim.utilisation, closedForm: 0.9, .points(0.02))
        let wait = ClosedForm.mmcWait(servers: 4, arrival: 3.6, serviceMean: 1)
        expectAgreement("M/M/4 mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait, closedForm: wait, .relative(0.10))
        expectAgreement("M/M/4 flow mean latency", capacity: try run.capacityFlowMean("requests"),
                        simulation: try run.simulatedFlow("requests").meanLatency, closedForm: wait + 1, .relative(0.10))
    }

    @Test("4 instances × 1 worker, round-robin, λ 3.6, μ 1: each instance is E₄/M/1, Wq 5.383 s")
    func roundRobinInstances() throws {
        let run = try CrossEngine(yaml: Self.instances("round-robin"), duration: 1_000_000 / 3.6, seed: 12)
        let cap = try run.capacityComponent("server"), sim = try run.simulatedComponent("server")
        expectAgreement("round-robin utilisation", capacity: cap.utilisation.value, simulation: sim.utilisation, closedForm: 0.9, .points(0.02))
        let wait = ClosedForm.erlangArrivalWait(instances: 4, arrival: 3.6, serviceMean: 1)
        expectAgreement("round-robin mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait, closedForm: wait, .relative(0.10))
        expectAgreement("round-robin flow mean latency", capacity: try run.capacityFlowMean("requests"),
                        simulation: try run.simulatedFlow("requests").meanLatency, closedForm: wait + 1, .relative(0.10))
    }

    @Test("4 instances × 1 worker, random, λ 3.6, μ 1: each instance is M/M/1 at λ/4, Wq 9.0 s")
    func randomInstances() throws {
        // M/M/1 at ρ 0.9 is noisier than the pooled queue (sd of the mean grows as 1/(1 − ρ)²):
        // 2·10⁶ customers keep it near 2%.
        let run = try CrossEngine(yaml: Self.instances("random"), duration: 2_000_000 / 3.6, seed: 13)
        let cap = try run.capacityComponent("server"), sim = try run.simulatedComponent("server")
        expectAgreement("random utilisation", capacity: cap.utilisation.value, simulation: sim.utilisation, closedForm: 0.9, .points(0.02))
        let wait = ClosedForm.mm1Wait(arrival: 0.9, serviceMean: 1)
        expectAgreement("random mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait, closedForm: wait, .relative(0.10))
    }

    static func instances(_ balancing: String) -> String {
        """
        lintel: 1
        system: instances
        components:
          server: { kind: service, instances: 4, workers: 1, load_balancing: \(balancing), latency: 1s }
        flows:
          requests: { entry: server, rate: 3.6/s }
        """
    }

    @Test("M/D/1 at λ 0.8, s 1 s: Pollaczek–Khinchine Wq = ρs/(2(1 − ρ)) = 2 s")
    func deterministic() throws {
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: md1
            components:
              server: { kind: service, workers: 1, latency: { p50: 1s, p99: 1s, distribution: constant } }
            flows:
              requests: { entry: server, rate: 0.8/s }
            """, duration: 500_000, seed: 14)
        let cap = try run.capacityComponent("server"), sim = try run.simulatedComponent("server")
        expectAgreement("M/D/1 utilisation", capacity: cap.utilisation.value, simulation: sim.utilisation, closedForm: 0.8, .points(0.02))
        let wait = ClosedForm.pollaczekKhinchine(arrival: 0.8, mean: 1, secondMoment: 1)
        expectAgreement("M/D/1 mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait, closedForm: wait, .relative(0.10))
    }

    @Test("M/G/1 with a log-normal fitted to p50 10 ms, p99 50 ms at ρ 0.7: Pollaczek–Khinchine")
    func lognormal() throws {
        let moments = ClosedForm.lognormal(p50: 0.010, p99: 0.050)
        let lambda = 0.7 / moments.mean
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: mg1
            components:
              server: { kind: service, workers: 1, latency: { p50: 10ms, p99: 50ms, distribution: lognormal } }
            flows:
              requests: { entry: server, rate: \(lambda)/s }
            """, duration: 600_000 / lambda, seed: 15)
        let cap = try run.capacityComponent("server"), sim = try run.simulatedComponent("server")
        expectAgreement("log-normal M/G/1 utilisation", capacity: cap.utilisation.value, simulation: sim.utilisation, closedForm: 0.7, .points(0.02))
        let wait = ClosedForm.pollaczekKhinchine(arrival: lambda, mean: moments.mean, secondMoment: moments.secondMoment)
        expectAgreement("log-normal M/G/1 mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait, closedForm: wait, .relative(0.10))
    }

    @Test("M/M/1/6 (queue 5) at λ 0.8, μ 1: blocking 6.63%, admitted Wq 1.868 s, ρ = λ(1 − P_K)/μ")
    func boundedQueue() throws {
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: mm1k
            components:
              server: { kind: service, workers: 1, queue: 5, latency: 1s }
            flows:
              requests: { entry: server, rate: 0.8/s }
            """, duration: 500_000, seed: 16)
        let cap = try run.capacityComponent("server"), sim = try run.simulatedComponent("server")
        let exact = ClosedForm.mmck(servers: 1, queue: 5, arrival: 0.8, serviceMean: 1)
        expectAgreement("M/M/1/6 utilisation", capacity: cap.utilisation.value, simulation: sim.utilisation,
                        closedForm: exact.utilisation, .points(0.02))
        expectAgreement("M/M/1/6 mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait, closedForm: exact.wait, .relative(0.10))
        // Blocking: the simulator counts rejections; capacity's `rejected` figure (M/G/c/K blocking).
        let blocked = Double(sim.rejections) / Double(max(sim.attempts, 1))
        expectAgreement("M/M/1/6 blocking probability", capacity: run.capacityRejected("server"), simulation: blocked,
                        closedForm: exact.blocking, .relative(0.10))
    }
}

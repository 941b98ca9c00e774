import Foundation
import Testing

/// The harder cases against an independent simulator (SimPy, scripts in `Python/`): Lintel's
/// simulator and capacity must both land within the tolerance of SimPy's figures.
/// Loads are ρ ≤ 0.8 so that each side's noise (≈ 2% at these sizes) stays well inside 10%.
@Suite("Cross-engine: independent SimPy simulators")
struct IndependentSimulatorTests {
    static func instancesModel(_ balancing: String) -> String {
        """
        lintel: 1
        system: instances
        components:
          server: { kind: service, instances: 4, workers: 1, load_balancing: \(balancing), latency: 1s }
        flows:
          requests: { entry: server, rate: 3.2/s }
        """
    }

    @Test("4 single-worker instances at ρ 0.8, round-robin and random: Lintel agrees with SimPy (and SimPy with theory)",
          arguments: ["round-robin", "random"])
    func instances(_ balancing: String) throws {
        let customers = 400_000
        let simpy = try IndependentSimulator.run("instances.py", [balancing, "4", "3.2", "1", "\(customers)", "101"])
        let run = try CrossEngine(yaml: Self.instancesModel(balancing), duration: Double(customers) / 3.2, seed: 101)
        let cap = try run.capacityComponent("server"), sim = try run.simulatedComponent("server")
        let reference = try IndependentSimulator.number(simpy, "mean_wait")
        let theory = balancing == "random" ? ClosedForm.mm1Wait(arrival: 0.8, serviceMean: 1)
            : ClosedForm.erlangArrivalWait(instances: 4, arrival: 3.2, serviceMean: 1)
        // SimPy itself against the closed form: the script models what the test says it does.
        expectClosedForm("SimPy \(balancing) instances: mean wait", engine: "SimPy", value: reference, closedForm: theory, .relative(0.10))
        expectAgreement("\(balancing) instances vs SimPy: mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait,
                        closedForm: reference, .relative(0.10), reference: "SimPy")
        expectAgreement("\(balancing) instances vs SimPy: utilisation", capacity: cap.utilisation.value, simulation: sim.utilisation,
                        closedForm: try IndependentSimulator.number(simpy, "utilisation"), .points(0.02), reference: "SimPy")
        expectAgreement("\(balancing) instances vs SimPy: flow mean latency", capacity: try run.capacityFlowMean("requests"),
                        simulation: try run.simulatedFlow("requests").meanLatency,
                        closedForm: try IndependentSimulator.number(simpy, "mean_latency"), .relative(0.10), reference: "SimPy")
    }

    @Test("A 3-worker caller holding its workers on a sync call to a 1-worker callee: the callee's queue is bounded by 3")
    func boundedCaller() throws {
        // λ 2.8/s, caller own work exponential 100 ms, callee exponential 250 ms (ρ 0.7 at the callee).
        // The caller's mean wait is the noisiest figure: SimPy's sd over seeds is ~3% at 300,000 customers,
        // so 600,000 keep both sides' noise (~2% each) well inside 10%.
        let customers = 600_000
        let simpy = try IndependentSimulator.run("bounded_caller.py", ["2.8", "3", "0.1", "1", "0.25", "\(customers)", "102"])
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: bounded-caller
            components:
              caller: { kind: service, workers: 3, latency: 100ms, calls: [ { to: callee } ] }
              callee: { kind: service, workers: 1, latency: 250ms }
            flows:
              requests: { entry: caller, rate: 2.8/s }
            """, duration: Double(customers) / 2.8, seed: 102)
        for name in ["caller", "callee"] {
            let cap = try run.capacityComponent(name), sim = try run.simulatedComponent(name)
            expectAgreement("bounded caller vs SimPy: \(name) utilisation", capacity: cap.utilisation.value, simulation: sim.utilisation,
                            closedForm: try IndependentSimulator.number(simpy, "\(name).utilisation"), .points(0.02), reference: "SimPy")
            let simpyWait = try IndependentSimulator.number(simpy, "\(name).mean_wait")
            let compare = {
                expectAgreement("bounded caller vs SimPy: \(name) mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait,
                                closedForm: simpyWait, .relative(0.10), reference: "SimPy")
            }
            if name == "caller" {
                // The caller's own queue is a flow-equivalent server over the MVA throughputs: −16% here (docs/capacity.md).
                withKnownIssue("flow-equivalent server for a bounded caller's own queue understates its wait", isIntermittent: true) { compare() }
            } else {
                compare()
            }
        }
        expectAgreement("bounded caller vs SimPy: flow mean latency", capacity: try run.capacityFlowMean("requests"),
                        simulation: try run.simulatedFlow("requests").meanLatency,
                        closedForm: try IndependentSimulator.number(simpy, "mean_latency"), .relative(0.10), reference: "SimPy")
    }

    @Test("A parallel group over two queueing services (2 workers each, 100 ms and 150 ms): the flow waits for the slower answer")
    func parallelGroup() throws {
        // λ 10/s: a is 50% busy, b 75%; the two responses are correlated (same arrivals), so E[max] has no closed form.
        let customers = 200_000
        let simpy = try IndependentSimulator.run("parallel_group.py", ["10", "2", "0.1", "2", "0.15", "\(customers)", "103"])
        let run = try CrossEngine(yaml: """
            lintel: 1
            system: parallel-queues
            components:
              \(instantClient("{ to: a, parallel: g }, { to: b, parallel: g }"))
              a: { kind: service, workers: 2, latency: 100ms }
              b: { kind: service, workers: 2, latency: 150ms }
            flows:
              requests: { entry: gw, rate: 10/s }
            """, duration: Double(customers) / 10, seed: 103)
        for name in ["a", "b"] {
            let cap = try run.capacityComponent(name), sim = try run.simulatedComponent(name)
            expectAgreement("parallel group vs SimPy: \(name) utilisation", capacity: cap.utilisation.value, simulation: sim.utilisation,
                            closedForm: try IndependentSimulator.number(simpy, "\(name).utilisation"), .points(0.02), reference: "SimPy")
            expectAgreement("parallel group vs SimPy: \(name) mean wait", capacity: cap.meanWait.value, simulation: sim.meanWait,
                            closedForm: try IndependentSimulator.number(simpy, "\(name).mean_wait"), .relative(0.10), reference: "SimPy")
        }
        expectAgreement("parallel group vs SimPy: flow mean latency", capacity: try run.capacityFlowMean("requests"),
                        simulation: try run.simulatedFlow("requests").meanLatency,
                        closedForm: try IndependentSimulator.number(simpy, "mean_latency"), .relative(0.10), reference: "SimPy")
    }
}

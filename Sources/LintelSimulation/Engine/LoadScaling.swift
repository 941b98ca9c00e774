import Foundation
import LintelModel

/// When a full run would process more events than the budget, 1/k of the load runs on 1/k of the
/// servers: every flow's rate, every component's servers (instances × workers, a channel's
/// partitions, a consumer group's partition limit) and every rate limit are divided by k. Each
/// server then sees the same arrival rate, so utilisations are unchanged; service times are never
/// touched, so latencies change only through queueing with fewer servers per queue.
///
/// Where k divides a component's instance count, its instances keep their workers (each
/// instance's queue is exactly as before); otherwise its servers are rounded to whole numbers,
/// which changes its capacity by the rounding error. k is chosen in [k_min, k_min + min(k_min, 256)] to minimise
/// the largest change of estimated utilisation (arrivals × mean service / servers) relative to
/// the component's headroom 1 − ρ (ties to the smaller k). docs/simulation.md gives the measured error.
enum LoadScaling {
    /// Events a run is expected to process: per second, each flow request's arrival plus one
    /// event per component visit (two at a partitioned channel), integrated over the scenario.
    static func expectedEvents(_ semantics: SemanticModel, _ compiled: CompiledModel, timeline: LoadTimeline,
                               duration: Double) -> (events: Double, peakArrivals: [Double]) {
        var total = 0.0
        var peak = [Double](repeating: 0, count: compiled.components.count)
        var stretches: [(from: Double, rates: [Double])] = [(0, timeline.averages)]
        for change in timeline.changes { stretches.append((change.at, change.rates)) }
        for (s, stretch) in stretches.enumerated() where stretch.from < duration {
            let until = s + 1 < stretches.count ? min(duration, stretches[s + 1].from) : duration
            let seconds = max(0, until - stretch.from)
            let arrivals = semantics.arrivals(flowRates: stretch.rates)
            var perSecond = stretch.rates.reduce(0, +)
            for (c, rate) in arrivals.enumerated() where c < peak.count {
                perSecond += rate * (compiled.components[c].partitioned ? 2 : 1)
                peak[c] = max(peak[c], rate)
            }
            total += perSecond * seconds
        }
        return (total, peak)
    }

    /// The scale for a run expected to process `events` events against a budget of `budget`.
    static func choose(events: Double, budget: Double, components: [SimComponent], peakArrivals: [Double],
                       meanService: [Double]) -> Int {
        guard budget > 0, events.isFinite, events > budget else { return 1 }
        let minimum = Int(min(1e6, (events / budget).rounded(.up)))
        var best = minimum, bestScore = Double.infinity
        // At most 256 candidates, so that a huge run cannot make the choice itself slow.
        for k in minimum...(minimum + min(minimum, 256)) {
            var score = 0.0
            for (c, component) in components.enumerated() {
                let servers = Double(component.instances) * Double(component.workers)
                let busy = component.partitioned ? component.sampler.a : meanService[c]
                let utilisation = min(1, peakArrivals[c] * busy / max(1, servers))
                let scaled = scaledServers(component, k: k)
                // The utilisation the scaled component shows, against its headroom: a 1 pp change
                // matters little at 10% busy and much at 95%.
                let shown = utilisation * servers / (Double(scaled.instances) * Double(scaled.workers) * Double(k))
                score = max(score, abs(shown - utilisation) / max(0.01, 1 - max(shown, utilisation)))
            }
            if score < bestScore - 1e-12 {
                best = k
                bestScore = score
            }
        }
        return best
    }

    /// Instances and workers of a component scaled by 1/k.
    static func scaledServers(_ component: SimComponent, k: Int) -> (instances: Int32, workers: Int32) {
        let n = Int(component.instances), w = Int(component.workers)
        if n % k == 0 { return (Int32(n / k), Int32(w)) }
        let target = Double(n) * Double(w) / Double(k)
        let instances = max(1, Int((Double(n) / Double(k)).rounded()))
        let workers = max(1, Int((target / Double(instances)).rounded()))
        return (Int32(clamping: instances), Int32(clamping: workers))
    }

    /// Applies scale k to the compiled model and the scenario's faults.
    static func apply(_ k: Int, to compiled: inout CompiledModel, scenario: inout ResolvedScenario) {
        guard k > 1 else { return }
        var first: Int32 = 0
        var shrink: [(from: Int32, to: Int32, workersFrom: Int32, workersTo: Int32)] = []
        for c in compiled.components.indices {
            var component = compiled.components[c]
            let scaled = scaledServers(component, k: k)
            shrink.append((component.instances, scaled.instances, component.workers, scaled.workers))
            if component.queueLimit != Int32.max, scaled.workers != component.workers {
                let limit = Double(component.queueLimit) * Double(scaled.workers) / Double(max(1, component.workers))
                component.queueLimit = Int32(clamping: Int(limit.rounded()))
            }
            component.instances = scaled.instances
            component.workers = scaled.workers
            component.firstInstance = first
            first += scaled.instances
            component.rateLimit /= Double(k)
            if component.deliveryLimit != Int32.max {
                component.deliveryLimit = max(1, Int32(clamping: Int((Double(component.deliveryLimit) / Double(k)).rounded())))
            }
            compiled.components[c] = component
        }
        compiled.totalInstances = Int(first)
        for f in scenario.faults.indices {
            var fault = scenario.faults[f]
            let s = shrink[Int(fault.component)]
            if let workers = fault.workers, s.workersTo != s.workersFrom {
                fault.workers = Int32(clamping: Int((Double(workers) * Double(s.workersTo) / Double(max(1, s.workersFrom))).rounded()))
            }
            if fault.instancesDown > 0 {
                let lost = Double(fault.instancesDown) / Double(max(1, s.from))
                let down = Int32((lost * Double(s.to)).rounded())
                if down == 0, lost < 1 {
                    // Fewer instances than the fault takes down: take the same fraction of every instance's workers.
                    let kept = Int32(clamping: Int((Double(fault.workers ?? s.workersTo) * (1 - lost)).rounded()))
                    fault.workers = min(fault.workers ?? s.workersTo, kept)
                }
                fault.instancesDown = lost >= 1 ? s.to : down
            }
            scenario.faults[f] = fault
        }
    }

    /// What a scale of k distorts, in words: round-robin components near saturation that lose
    /// instances see less regular arrivals (Erlang-n' instead of Erlang-n) and wait longer, by
    /// about (1/n' + c_s²)/(1/n + c_s²) − 1 (Kingman's (c_a² + c_s²)/2 with c_a² = 1/n; measured
    /// +39% where this predicts +33%, docs/simulation.md).
    static func notes(_ k: Int, components: [SimComponent], names: [String], peakArrivals: [Double],
                      service: [ServiceTime]) -> [String] {
        guard k > 1 else { return [] }
        var notes: [String] = []
        for (c, component) in components.enumerated() where component.balancing == .roundRobin && !component.partitioned {
            let scaled = scaledServers(component, k: k)
            guard scaled.instances < component.instances else { continue }
            let servers = Double(component.instances) * Double(component.workers)
            let utilisation = peakArrivals[c] * service[c].mean / max(1, servers)
            let scv = service[c].scv
            let ratio = (1 / Double(scaled.instances) + scv) / (1 / Double(component.instances) + scv)
            guard utilisation >= 0.5, ratio > 1.05 else { continue }
            notes.append("\(names[c]): round-robin over \(scaled.instances) instead of \(component.instances) instances at about "
                         // Formatted, not converted to Int: at the model's limits a deep chain's utilisation passes 2⁶³ %.
                         + "\(UnitFormat.number((utilisation * 100).rounded(), decimals: 0))% busy; its waits are overstated by about "
                         + "\(UnitFormat.number(((ratio - 1) * 100).rounded(), decimals: 0))% (Kingman)")
        }
        return notes
    }
}

import LintelModel

/// Resilience defaults: timeouts from the latency budget, decreasing down the chain; retries
/// with full jitter only on idempotent calls; breakers on calls between services; failure
/// scenarios for every critical dependency.
enum Resilience {
    /// Share of a component's remaining allowance its own calls may spend; the rest absorbs queueing.
    static let callShare = 0.8
    /// The shortest timeout design sets: below it network jitter alone would fire it.
    static let minimumTimeout = 0.002
    /// Background consumers have no caller waiting: their calls get this allowance.
    static let backgroundAllowance = 5.0

    /// Sets every synchronous call's timeout. The entry's calls get the whole p99 budget; a component
    /// allowed A seconds gives each call ⌊0.8 × (A − own p99) / Σ attempts − worst backoff⌋ (1 ms steps),
    /// so a caller always outlasts its callees' worst response and timeouts decrease down the chain.
    static func assignTimeouts(_ blueprint: inout Blueprint, budget: Double) {
        var allowance: [String: Double] = [:]
        let reached = Set(blueprint.components.flatMap { $0.calls.filter { !$0.async }.map(\.to) })
        for component in blueprint.components where !reached.contains(component.name) {
            allowance[component.name] = component.kind == .gateway ? budget : backgroundAllowance
        }
        // Relax in passes: the call graph is acyclic by construction, so one pass per level suffices.
        for _ in 0..<(blueprint.components.count + 1) {
            var changed = false
            for index in blueprint.components.indices {
                let component = blueprint.components[index]
                guard let available = allowance[component.name] else { continue }
                let sync = component.calls.indices.filter { !component.calls[$0].async }
                // Copies outside a parallel group run one after another: ⌈per_request⌉ of them at worst.
                let attempts = sync.reduce(0) { total, index in
                    let call = component.calls[index]
                    return total + (1 + call.retries) * Int(min(100, max(1, call.perRequest.rounded(.up))))
                }
                guard attempts > 0 else { continue }
                for callIndex in sync {
                    var call = blueprint.components[index].calls[callIndex]
                    let timeout: Double
                    if component.kind == .gateway {
                        // Each flow makes only its own call at the entry: the whole budget is that call's.
                        timeout = available
                    } else {
                        let own = component.latencyP99 ?? 0
                        let backoff = call.retries > 0 ? TopologyBuilder.backoffBase : 0
                        timeout = max(minimumTimeout, floorMillis(callShare * (available - own) / Double(attempts) - backoff))
                    }
                    if call.timeout != timeout {
                        call.timeout = timeout
                        blueprint.components[index].calls[callIndex] = call
                    }
                    if allowance[call.to].map({ timeout < $0 }) ?? true {
                        allowance[call.to] = timeout
                        changed = true
                    }
                }
            }
            if !changed { break }
        }
    }

    /// Bottom-up repair: a caller's timeout must outlast the callee's worst response (own p99 plus
    /// copies × (attempts × timeout + backoff) of its synchronous calls). Where the budget is too tight
    /// for that, the timeout grows to the callee's worst + 1 ms: never an inversion, at the price of a
    /// worst case above the budget (the latency table shows it).
    static func repairInversions(_ blueprint: inout Blueprint) {
        for _ in 0..<(blueprint.components.count + 1) {
            var worst: [String: Double] = [:]
            for component in blueprint.components {
                let own = component.latencyP99 ?? KindDefaults.for(component.kind).latency.p99.seconds
                worst[component.name] = own + component.calls.filter { !$0.async }.reduce(0.0) { total, call in
                    let copies = Double(min(100, max(1, call.perRequest.rounded(.up))))
                    let backoff = call.retries > 0 ? TopologyBuilder.backoffBase * Double(call.retries) : 0
                    return total + copies * (Double(1 + call.retries) * (call.timeout ?? 0) + backoff)
                }
            }
            var changed = false
            for index in blueprint.components.indices {
                for callIndex in blueprint.components[index].calls.indices {
                    let call = blueprint.components[index].calls[callIndex]
                    guard !call.async, let timeout = call.timeout, let callee = worst[call.to],
                          blueprint.components.contains(where: { $0.name == call.to && !$0.calls.isEmpty }),
                          timeout <= callee else { continue }
                    blueprint.components[index].calls[callIndex].timeout = ceilMillis(callee + 0.001)
                    changed = true
                }
            }
            if !changed { return }
        }
    }

    static func ceilMillis(_ seconds: Double) -> Double { (seconds * 1000).rounded(.up) / 1000 }

    static func floorMillis(_ seconds: Double) -> Double { (seconds * 1000).rounded(.down) / 1000 }

    /// One scenario per critical dependency (a hard dependency of a critical flow, the entry
    /// excluded when it is replicated): at average load, one instance (or the component, when it
    /// has one) fails 20 s in, for 20 s; the run lasts 150 s so recovery is judged over the 110 s after the fault.
    static func scenarios(_ blueprint: Blueprint, hardDependencies: [String]) -> [PlannedScenario] {
        hardDependencies.compactMap { name in
            guard let component = blueprint.components.first(where: { $0.name == name }) else { return nil }
            let store = component.kind.category == .database || component.kind.category == .cache
            let redundant = store ? component.replicas > 0 : component.instances > 1
            let instancesDown: Int? = redundant && !store ? 1 : nil
            let what = instancesDown != nil ? "one instance of \(name) fails" : "\(name) is down"
            return PlannedScenario(name: "\(name)-failure", description: "At average load \(what) for 20 s.",
                                   component: name, instancesDown: instancesDown, at: 20, duration: 20, length: 150)
        }
    }
}

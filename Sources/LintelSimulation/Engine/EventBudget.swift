import Foundation

/// What a run would cost, estimated before it starts: the events of a full run
/// (`LoadScaling.expectedEvents`: each flow request's arrival plus one event per component visit,
/// integrated over the load timeline), the scale it runs at and the replications.
public struct EventEstimate: Sendable, Equatable {
    /// Events a full run (scale 1) would process.
    public var fullEvents: Double
    /// The run simulates 1/scale of the load (`SimulationReport.scale`).
    public var scale: Int
    public var replications: Int
    /// Simulated seconds.
    public var duration: Double
    /// `SimulationOptions.maxSimulatedEvents` at the time of the estimate.
    public var budget: Double

    /// What one replication costs beyond its events, in events of CPU time (`EventBudget.fixedCost`).
    public var fixedPerReplication: Double = 0

    public init(fullEvents: Double, scale: Int, replications: Int, fixedPerReplication: Double = 0, duration: Double, budget: Double) {
        self.fullEvents = fullEvents
        self.scale = scale
        self.replications = replications
        self.fixedPerReplication = fixedPerReplication
        self.duration = duration
        self.budget = budget
    }

    /// The events the replications' load makes: fullEvents / scale × replications.
    var loadEvents: Double { fullEvents / Double(max(1, scale)) * Double(max(1, replications)) }

    /// The work of all replications together, in events: their load's events and each one's fixed cost.
    public var simulatedEvents: Double { loadEvents + fixedPerReplication * Double(max(1, replications)) }

    /// The longest simulated duration that fits the budget at the same load, scale and replications
    /// (the load's events grow linearly with the duration under a steady load; with load steps it is an
    /// approximation, which is why the message says "about"); 0 when the fixed costs alone exceed it.
    public var fittingDuration: Double {
        let room = budget - fixedPerReplication * Double(max(1, replications))
        guard loadEvents.isFinite, loadEvents > 0, duration > 0, room > 0 else { return 0 }
        return duration * room / loadEvents
    }
}

/// The hard limit on the work of one simulation. Scaling (`SimulationOptions.maxEvents`) keeps an
/// ordinary run near 25 M events, all replications together; what scaling cannot shrink — `--full`, many replications, a load
/// beyond the million-fold scale, a load that is not finite — is refused before the run starts
/// rather than left to run for hours. During the run the engine checks the events it actually
/// processed against the same budget at every time-series tick, because retries, timeouts and
/// redeliveries multiply work beyond the estimate (which counts one event per component visit).
enum EventBudget {
    /// Throws `.tooMuchWork` when the estimate is not finite or exceeds `estimate.budget`.
    static func check(_ estimate: EventEstimate) throws(SimulationError) {
        guard estimate.budget > 0 else { return }
        guard estimate.fullEvents.isFinite, estimate.simulatedEvents <= estimate.budget else {
            throw .tooMuchWork(estimate)
        }
    }

    /// What a replication costs beyond its events, in events of CPU time: setting up and reporting a run
    /// (about 5,000 events) and its time series (about 5 per point). Measured with the release build on the
    /// examples: 2,000 replications of django-monolith's 60 s (8,032 events each) took 3.56 s, 1.8 ms each
    /// of which the events are 1.1 ms; 1,000 of order-system's 70-minute black-friday at scale 1/399 (30,696
    /// events and 4,200 points each) took 6.4 s, 6.4 ms each of which the events are 4.4 ms.
    static func fixedCost(seriesPoints: Double) -> Double { 5_000 + 5 * max(0, seriesPoints) }

    /// Engine events per estimated event that a run may process before the engine stops it. On the
    /// examples the engine processes 0.99–1.02 events per estimated event (`EventBudgetTests`), so
    /// half again leaves room for retries and timeouts while keeping the CPU bounded.
    static let engineFactor = 1.5

    /// Events one run may actually process before the engine stops it: `engineFactor` times its
    /// share of the budget.
    static func engineLimit(_ estimate: EventEstimate) -> UInt64 {
        guard estimate.budget > 0 else { return .max }
        let share = engineFactor * estimate.budget / Double(max(1, estimate.replications))
        return share >= 1.8e19 ? .max : UInt64(max(1, share))
    }

    /// The message of `SimulationError.tooMuchWork`.
    static func describe(_ estimate: EventEstimate) -> String {
        let budget = "the budget of \(scientific(estimate.budget)) events (SimulationOptions.maxSimulatedEvents)"
        guard estimate.fullEvents.isFinite else {
            return "the load is not finite (a rate or scale multiplies to infinity), so the run cannot be estimated "
                + "or finished; check the flows' rates and the scenario's `rate` and `scale` steps"
        }
        var text = "the run would process about \(scientific(estimate.simulatedEvents)) events"
        var parts = ["\(scientific(estimate.fullEvents / max(estimate.duration, 1e-9))) per simulated second over \(format(estimate.duration)) s"]
        if estimate.scale > 1 { parts.append("at scale 1/\(estimate.scale)") }
        if estimate.replications > 1 { parts.append("× \(estimate.replications) replications") }
        if estimate.fixedPerReplication > 0 {
            parts.append("plus \(scientific(estimate.fixedPerReplication)) per run to set it up and report its time series")
        }
        text += " (" + parts.joined(separator: ", ") + "), more than " + budget + "; "
        var remedies: [String] = []
        let fitting = estimate.fittingDuration
        if fitting >= 0.001 { remedies.append("shorten the simulated time to at most about \(format(fitting)) s (--duration)") }
        if estimate.replications > 1 { remedies.append("run fewer replications") }
        if estimate.scale == 1 {
            remedies.append("let the run scale (without --full a run above 2.5e7 events simulates 1/k of the load on 1/k of the servers)")
        }
        if remedies.isEmpty { remedies.append("lower the flows' rates: the load is beyond what a scaled run can shrink") }
        if estimate.simulatedEvents <= SimulationOptions.maximumEventBudget {
            remedies.append("raise the budget to at least \(scientific(estimate.simulatedEvents)) events (--event-budget; "
                + "about 7 M events per second of CPU)")
        }
        return text + remedies.joined(separator: ", or ")
    }

    /// The message of `SimulationError.workExceeded`.
    static func describeExceeded(processed: UInt64, limit: UInt64) -> String {
        "the run processed \(scientific(Double(processed))) events, more than its limit of \(scientific(Double(limit))) "
            + "(retries, timeouts and redeliveries multiplied the work beyond the estimate); shorten the simulated "
            + "time (--duration), bound the retries, or raise the budget (--event-budget; about 7 M events per second of CPU)"
    }

    static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return "infinitely many" }
        if value < 1e6 { return String(Int(value.rounded())) }
        return String(format: "%.2g", value).replacingOccurrences(of: "e+0", with: "e").replacingOccurrences(of: "e+", with: "e")
    }

    static func format(_ seconds: Double) -> String {
        seconds >= 100 ? String(Int(seconds.rounded())) : String(format: "%.3g", seconds)
    }
}

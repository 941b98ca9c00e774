import Foundation

/// Decides what the run shows: overloaded before any fault, recovered after the last fault, or not
/// recovered (a metastable failure), with SLO breaches and message losses.
///
/// *Overloaded before any fault*: the in-flight cap was reached before the first fault (or in a run
/// without faults), or over the second half of the fault-free stretch the backlog grew by more than
/// 5% of the requests offered in it (and by more than 50), or goodput fell below `goodputRatio` of
/// the offered load. A stable system's backlog fluctuates around λ·Wq; an overloaded one grows
/// linearly, so the test separates the two after a few intervals.
///
/// After faults, a window of `recoveryWindow` seconds is *healthy* when its goodput is at least
/// `goodputRatio` × its offered load and its mean latency (successful requests) is at most
/// `latencyRatio` × the mean before the first fault (that part is skipped when there was no
/// fault-free time to measure). The system *recovered in N s* when every window that starts
/// N s or more after the last fault ends, up to the end of the run, is healthy; it *did not
/// recover* when the final window is unhealthy — a metastable failure, since the load before the
/// fault was carried (the summary says so when the final load is higher than that); the verdict is
/// *inconclusive* when less than one window of time follows the last fault. At low rates the
/// window is stretched until it holds about 100 offered requests, so that Poisson noise (±10% at
/// 100) cannot decide alone.
struct VerdictJudge {
    var options: SimulationOptions
    var faults: [(start: Double, end: Double)]
    var duration: Double
    var interval: Double
    /// Per series point, the component with the most queued requests at its end (nil when none queued).
    var mostQueuedAt: [String?] = []
    var overload: Overload?
    var flows: [FlowResult] = []
    var messaging: MessagingResult?

    func judge(series: [SeriesPoint], components: [ComponentResult]) -> Verdict {
        var verdict = judgeFaults(series: series, components: components)
        verdict.sloBreaches = flows.flatMap { flow in (flow.slo?.breaches ?? []).map { "\(flow.name): \($0)" } }
        var notes: [String] = []
        if let overload, verdict.outcome != .overloaded {
            notes.append("The in-flight cap (\(overload.cap)) was reached at \(format(overload.time)) s with \(overload.queued) "
                         + "requests queued at \(overload.component)" + saturation(overload)
                         + "; \(overload.refused) requests and messages refused")
        }
        if !verdict.sloBreaches.isEmpty { notes.append("SLO breached: " + verdict.sloBreaches.joined(separator: "; ")) }
        if let m = messaging, m.deadLettered > 0 || m.lost > 0 {
            notes.append("\(m.deadLettered) messages dead-lettered, \(m.lost) lost"
                         + (m.lostToOverload > 0 ? " (\(m.lostToOverload) at the in-flight cap)" : ""))
        }
        if !notes.isEmpty { verdict.summary += ". " + notes.joined(separator: ". ") }
        return verdict
    }

    /// The fault-free stretch shows overload: the cap, a growing backlog, or goodput short of the offered load.
    private func overloadBeforeFaults(series: [SeriesPoint], horizon: Double) -> String? {
        let lead = faults.isEmpty ? "overloaded (no faults injected)" : "overloaded before any fault"
        if let overload, overload.time < horizon {
            return lead + ": the in-flight cap (\(overload.cap)) was reached at \(format(overload.time)) s "
                + "with \(overload.queued) requests queued at \(overload.component)" + saturation(overload)
                + "; \(overload.refused) requests and messages refused"
        }
        let before = series.indices.filter { series[$0].time <= horizon + 1e-9 }
        guard before.count >= 4, let last = before.last else { return nil }
        let middle = before[before.count / 2 - 1]
        let secondHalf = before[(before.count / 2)...]
        let offered = secondHalf.reduce(0) { $0 + series[$1].offered }
        let goodput = secondHalf.reduce(0) { $0 + series[$1].goodput }
        let growth = series[last].queued - series[middle].queued
        let component = last < mostQueuedAt.count ? mostQueuedAt[last] : nil
        let seconds = series[last].time - series[middle].time
        if growth > 50, Double(growth) > 0.05 * Double(offered) {
            return lead + ": the offered load exceeds capacity, the backlog grew by \(growth) requests "
                + "in \(format(seconds)) s" + (component.map { ", most of it at \($0)" } ?? "")
        }
        if offered > 0, Double(goodput) < options.goodputRatio * Double(offered) {
            return lead + ": goodput is \(format(Double(goodput) / Double(offered) * 100))% of the offered load "
                + "over the \(format(seconds)) s before " + (faults.isEmpty ? "the end" : "the first fault")
                + (component.map { " (most queued at \($0))" } ?? "")
        }
        return nil
    }

    private func judgeFaults(series: [SeriesPoint], components: [ComponentResult]) -> Verdict {
        let firstFault = faults.map(\.start).min()
        if let reason = overloadBeforeFaults(series: series, horizon: firstFault ?? duration) {
            return Verdict(outcome: .overloaded, lastFaultEnd: faults.map(\.end).max(),
                           criterion: "overloaded = the in-flight cap reached, or the backlog growing by more than 5% of the "
                               + "offered requests, or goodput below \(format(options.goodputRatio * 100))% of offered, before any fault",
                           mostQueued: overload?.component, summary: reason)
        }
        guard let firstStart = firstFault, let lastEnd = faults.map(\.end).max() else {
            return Verdict(outcome: .noFaults, criterion: "no faults injected", summary: "no faults injected; the load was carried")
        }
        let after = series.filter { $0.time - $0.seconds >= lastEnd - 1e-9 }
        let afterSeconds = after.reduce(0) { $0 + $1.seconds }
        let afterOffered = after.reduce(0) { $0 + $1.offered }
        var windowSeconds = max(options.recoveryWindow.seconds, interval)
        if afterOffered > 0 {
            windowSeconds = max(windowSeconds, min(afterSeconds, 100 * afterSeconds / Double(afterOffered)))
        }
        let criterion = "healthy = over \(format(windowSeconds)) s, goodput ≥ \(format(options.goodputRatio * 100))% of offered"
            + " and mean latency ≤ \(format(options.latencyRatio))× the pre-fault mean, sustained to the end"
        // Baseline: intervals entirely before the first fault.
        var baseSum = 0.0, baseCount = 0
        for point in series where point.time <= firstStart + 1e-9 {
            baseSum += point.meanLatency * Double(point.goodput)
            baseCount += point.goodput
        }
        let baseline = baseCount > 0 ? baseSum / Double(baseCount) : nil
        let width = max(1, Int((windowSeconds / interval).rounded()))
        guard after.count >= width else {
            return Verdict(outcome: .inconclusive, lastFaultEnd: lastEnd, criterion: criterion, baselineLatency: baseline,
                           summary: "inconclusive: less than \(format(windowSeconds)) s simulated after the last fault ends at \(format(lastEnd)) s")
        }
        func healthy(_ start: Int) -> Bool {
            var offered = 0, goodput = 0
            var latency = 0.0
            for point in after[start..<(start + width)] {
                offered += point.offered
                goodput += point.goodput
                latency += point.meanLatency * Double(point.goodput)
            }
            if Double(goodput) < options.goodputRatio * Double(offered) { return false }
            if let baseline, goodput > 0, latency / Double(goodput) > options.latencyRatio * baseline { return false }
            return true
        }
        var firstHealthy = after.count - width + 1
        while firstHealthy > 0, healthy(firstHealthy - 1) { firstHealthy -= 1 }
        if firstHealthy <= after.count - width {
            let recovery = after[firstHealthy].time - after[firstHealthy].seconds - lastEnd
            return Verdict(outcome: .recovered, lastFaultEnd: lastEnd, recoverySeconds: max(0, recovery), criterion: criterion,
                           baselineLatency: baseline,
                           summary: "recovered \(format(max(0, recovery))) s after the last fault ended at \(format(lastEnd)) s")
        }
        // Not recovered: what does the final window show?
        let tail = after[(after.count - width)...]
        let offered = tail.reduce(0) { $0 + $1.offered }
        let goodput = tail.reduce(0) { $0 + $1.goodput }
        let attempts = tail.reduce(0) { $0 + $1.attempts }
        let retries = tail.reduce(0) { $0 + $1.retries }
        let timeouts = tail.reduce(0) { $0 + $1.callTimeouts }
        let queued = tail.last?.queued ?? 0
        let mostQueued = components.filter { $0.queuedAtEnd > 0 }.max { $0.queuedAtEnd < $1.queuedAtEnd }
        let goodputRatio = offered > 0 ? Double(goodput) / Double(offered) : 0
        let retryFraction = attempts > 0 ? Double(retries) / Double(attempts) : 0
        let timeoutFraction = attempts > 0 ? Double(timeouts) / Double(attempts) : 0
        var causes: [String] = []
        if retryFraction > 0 { causes.append("retries are \(format(retryFraction * 100))% of attempts") }
        if timeoutFraction > 0 { causes.append("\(format(timeoutFraction * 100))% of attempts time out") }
        if let mostQueued {
            causes.append("\(mostQueued.queuedAtEnd) requests queued at \(mostQueued.name) (\(mostQueued.abandoned) abandoned requests served so far)")
        }
        var summary = "did not recover (metastable: the load before the fault was carried): \(format(duration - lastEnd)) s after the last fault, goodput is "
            + "\(format(goodputRatio * 100))% of offered" + (causes.isEmpty ? "" : "; " + causes.joined(separator: "; "))
        let before = series.filter { $0.time <= firstStart + 1e-9 }
        let beforeSeconds = before.reduce(0) { $0 + $1.seconds }, tailSeconds = tail.reduce(0) { $0 + $1.seconds }
        if beforeSeconds > 0, tailSeconds > 0 {
            let ratio = (Double(offered) / tailSeconds) / (Double(before.reduce(0) { $0 + $1.offered }) / beforeSeconds)
            if ratio > 1.1 {
                summary += "; the load at the end is \(format(ratio))× the pre-fault load, so this may be overload rather than metastability"
            }
        }
        return Verdict(outcome: .notRecovered, lastFaultEnd: lastEnd, criterion: criterion, baselineLatency: baseline,
                       goodputRatio: goodputRatio, retryFraction: retryFraction, timeoutFraction: timeoutFraction,
                       queued: queued, mostQueued: mostQueued?.name, summary: summary)
    }

    /// ", every server busy at a, b" when any component was saturated at the moment of overload.
    private func saturation(_ overload: Overload) -> String {
        overload.saturated.isEmpty ? "" : " (every server busy at " + overload.saturated.joined(separator: ", ") + ")"
    }

    private func format(_ value: Double) -> String { NumberText.format(value) }
}

/// Numbers as reports print them: up to 3 significant decimals, no trailing zeros, no locale.
enum NumberText {
    static func format(_ value: Double, decimals: Int = 3) -> String {
        guard value.isFinite else { return value > 0 ? "inf" : value < 0 ? "-inf" : "nan" }
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}

/// Turns the engine's counters into a `SimulationReport`.
extension Engine {
    func report(system: String, seed: UInt64, options: SimulationOptions) -> SimulationReport {
        let duration = end
        var offeredTotal = 0
        var flowResults: [FlowResult] = []
        for f in 0..<compiled.flowNames.count {
            let counter = flows[f]
            offeredTotal += counter.offered
            let h = counter.latencies.histogram()
            func percentile(_ p: Double) -> Double {
                counter.succeeded > 0 ? Double(h.valueAtPercentile(p)) / 1e6 : 0
            }
            flowResults.append(FlowResult(
                name: compiled.flowNames[f], offered: counter.offered, succeeded: counter.succeeded,
                errors: counter.errors, timeouts: counter.timeouts, rejections: counter.rejected,
                offeredRate: Double(counter.offered) / duration, goodput: Double(counter.succeeded) / duration,
                meanLatency: counter.succeeded > 0 ? counter.latencySum / Double(counter.succeeded) : 0,
                p50: percentile(50), p90: percentile(90), p99: percentile(99), p999: percentile(99.9),
                max: counter.latencies.maximum))
        }
        var componentResults: [ComponentResult] = []
        for c in 0..<compiled.components.count {
            let counter = counters[c]
            let servers = Double(compiled.components[c].instances) * Double(compiled.components[c].workers)
            componentResults.append(ComponentResult(
                name: compiled.names[c], attempts: counter.attempts,
                amplification: offeredTotal > 0 ? Double(counter.attempts) / Double(offeredTotal) : 0,
                utilisation: counter.busyArea / (duration * servers),
                meanWait: counter.started > 0 ? counter.waitSum / Double(counter.started) : 0,
                meanService: counter.started > 0 ? counter.serviceSum / Double(counter.started) : 0,
                meanQueue: counter.queueArea / duration, maxQueue: counter.maxQueued, queuedAtEnd: counter.queued,
                rejections: counter.rejected, failures: counter.failed, timeouts: counter.timeouts,
                shortCircuited: counter.shortCircuited, breakerOpenings: counter.breakerOpenings,
                abandoned: counter.abandoned, wastedWork: counter.wastedSeconds))
        }
        let verdict = VerdictJudge(options: options, faults: scenario.faults.map { ($0.at, $0.end) }, duration: duration,
                                   interval: interval).judge(series: series, components: componentResults)
        return SimulationReport(
            system: system, scenario: scenario.name, seed: seed, duration: duration, seriesInterval: interval,
            events: processed, flows: flowResults, components: componentResults,
            calls: CallTotals(attempts: totalAttempts, retries: totalRetries, timeouts: totalCallTimeouts),
            messaging: MessagingResult(published: messages.published, delivered: messages.delivered,
                                       redelivered: messages.redelivered, deadLettered: messages.deadLettered,
                                       lost: messages.lost),
            verdict: verdict, series: series)
    }
}

import LintelModel

/// Turns the engine's counters into a `SimulationReport`.
extension Engine {
    func report(system: String, seed: UInt64, options: SimulationOptions) -> SimulationReport {
        let duration = end
        // Counts of a scaled run are the sample's × k (estimates of the full system's counts).
        let k = scale
        var offeredTotal = 0
        var flowResults: [FlowResult] = []
        for f in 0..<compiled.flowNames.count {
            let counter = flows[f]
            offeredTotal += counter.offered
            let h = counter.latencies.histogram()
            func percentile(_ p: Double) -> Double {
                counter.succeeded > 0 ? Double(h.valueAtPercentile(p)) / 1e6 : 0
            }
            var result = FlowResult(
                name: compiled.flowNames[f], offered: counter.offered * k, succeeded: counter.succeeded * k,
                errors: counter.errors * k, timeouts: counter.timeouts * k, rejections: counter.rejected * k,
                offeredRate: Double(counter.offered * k) / duration, goodput: Double(counter.succeeded * k) / duration,
                overloadRejections: counter.overloadRejected * k,
                meanLatency: counter.succeeded > 0 ? counter.latencySum / Double(counter.succeeded) : 0,
                p50: percentile(50), p90: percentile(90), p99: percentile(99), p999: percentile(99.9),
                max: counter.latencies.maximum)
            result.slo = compiled.flowSLO[f].map { slo(result, $0) }
            flowResults.append(result)
        }
        var componentResults: [ComponentResult] = []
        for c in 0..<compiled.components.count {
            let counter = counters[c]
            let servers = Double(compiled.components[c].instances) * Double(compiled.components[c].workers)
            componentResults.append(ComponentResult(
                name: compiled.names[c], attempts: counter.attempts * k,
                amplification: offeredTotal > 0 ? Double(counter.attempts) / Double(offeredTotal) : 0,
                utilisation: counter.busyArea / (duration * servers),
                meanWait: counter.started > 0 ? counter.waitSum / Double(counter.started) : 0,
                meanService: counter.started > 0 ? counter.serviceSum / Double(counter.started) : 0,
                meanQueue: counter.queueArea * Double(k) / duration, maxQueue: counter.maxQueued * k, queuedAtEnd: counter.queued * k,
                rejections: counter.rejected * k, failures: counter.failed * k, timeouts: counter.timeouts * k,
                shortCircuited: counter.shortCircuited * k, breakerOpenings: counter.breakerOpenings,
                abandoned: counter.abandoned * k, wastedWork: counter.wastedSeconds * Double(k)))
        }
        let overloadResult = overload.at.map { time in
            Overload(time: time, component: compiled.names[overload.component], queued: overload.queued * k,
                     saturated: overload.saturated.map { compiled.names[$0] }, cap: cap * k,
                     refused: overload.refused * k)
        }
        let messaging = MessagingResult(published: messages.published * k, delivered: messages.delivered * k,
                                        redelivered: messages.redelivered * k, deadLettered: messages.deadLettered * k,
                                        lost: messages.lost * k, lostToOverload: messages.lostToOverload * k)
        let judge = VerdictJudge(options: options, faults: scenario.faults.map { ($0.at, $0.end) }, duration: duration,
                                 interval: interval, mostQueuedAt: mostQueuedAt.map { $0 >= 0 ? compiled.names[Int($0)] : nil },
                                 overload: overloadResult, flows: flowResults, messaging: messaging)
        let series = k == 1 ? self.series : self.series.map { p in
            var p = p
            p.offered *= k
            p.goodput *= k
            p.errors *= k
            p.timeouts *= k
            p.rejections *= k
            p.attempts *= k
            p.retries *= k
            p.callTimeouts *= k
            p.queued *= k
            p.busyWorkers *= k
            p.inFlight *= k
            return p
        }
        let verdict = judge.judge(series: series, components: componentResults)
        return SimulationReport(
            system: system, scenario: scenario.name, seed: seed, duration: duration, seriesInterval: interval,
            events: processed, scale: k, overload: overloadResult, flows: flowResults, components: componentResults,
            calls: CallTotals(attempts: totalAttempts * k, retries: totalRetries * k, timeouts: totalCallTimeouts * k),
            messaging: messaging, verdict: verdict, series: series, breakers: breakerSeries())
    }

    /// The sampled breaker states (`sampleBreakers`) per breaker; nil when the model has none.
    private func breakerSeries() -> [BreakerSeries]? {
        guard !breakerCalls.isEmpty else { return nil }
        let count = breakerCalls.count, ticks = breakerOpens.count / count
        return breakerCalls.enumerated().map { position, call in
            BreakerSeries(caller: compiled.names[Int(compiled.calls[call].caller)], callee: compiled.names[Int(compiled.calls[call].callee)],
                          openShare: (0..<ticks).map { breakerOpenShare[$0 * count + position] },
                          opens: (0..<ticks).map { breakerOpens[$0 * count + position] })
        }
    }

    /// The flow's SLO against the run: availability counts every request offered; the latency
    /// targets are compared with successful requests' percentiles (the only ones with a latency).
    private func slo(_ flow: FlowResult, _ target: ServiceLevel) -> FlowSLO {
        let availability = flow.offered > 0 ? Double(flow.succeeded) / Double(flow.offered) : 1
        var breaches: [String] = []
        func text(_ value: Double) -> String { NumberText.duration(value) }
        if let wanted = target.availability, availability < wanted {
            breaches.append("availability \(NumberText.format(availability * 100, decimals: 3))% < \(NumberText.format(wanted * 100, decimals: 3))%")
        }
        if let p50 = target.latencyP50?.seconds, flow.succeeded > 0, flow.p50 > p50 {
            breaches.append("p50 \(text(flow.p50)) > \(text(p50))")
        }
        if let p99 = target.latencyP99?.seconds, flow.succeeded > 0, flow.p99 > p99 {
            breaches.append("p99 \(text(flow.p99)) > \(text(p99))")
        }
        return FlowSLO(availability: target.availability, latencyP50: target.latencyP50?.seconds,
                       latencyP99: target.latencyP99?.seconds, measuredAvailability: availability, breaches: breaches)
    }
}

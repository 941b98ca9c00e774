/// Calls: plans of sequential steps and parallel batches, attempts, timeouts and retries.
extension Engine {
    /// Continues the request's plan from its current step until it waits on a call or is done.
    @inline(__always)
    func runPlan(_ r: Int32) {
        let planEnd = planStart[Int(requests[Int(r)].plan) + 1]
        while true {
            let s = requests[Int(r)].step
            if s >= planEnd || requests[Int(r)].failure != .none {
                finish(r)
                return
            }
            let step = steps[Int(s)]
            if step.batchEnd == s + 1 && !step.isAsync && !step.parallel {
                // A sequential call outside a parallel group: one copy at a time.
                if requests[Int(r)].copiesLeft == 0 {
                    let copies = self.copies(of: s, for: r)
                    if copies == 0 {
                        requests[Int(r)].step = s + 1
                        continue
                    }
                    requests[Int(r)].copiesLeft = copies
                }
                requests[Int(r)].copiesLeft &-= 1
                requests[Int(r)].pending = 1
                firstAttempt(parent: r, step: s)
                return
            }
            // A parallel group, even of one call (or async publishes): every copy at once. No answer can arrive
            // before this returns (fast failures go through the event queue), so `pending` is set last.
            var pending: Int32 = 0
            var k = s
            while k < step.batchEnd {
                let copies = self.copies(of: k, for: r)
                let isAsync = steps[Int(k)].isAsync
                for _ in 0..<copies {
                    if isAsync { publish(from: r, step: k) } else { firstAttempt(parent: r, step: k) }
                }
                if !isAsync { pending += copies }
                k &+= 1
            }
            if pending == 0 {
                requests[Int(r)].step = step.batchEnd
                continue
            }
            requests[Int(r)].pending = pending
            return
        }
    }

    /// How many copies of step `s` request `r` makes: `per_request` (fractional part by chance),
    /// none when a caller-side cache answers or the cache it depends on hit.
    @inline(__always)
    func copies(of s: Int32, for r: Int32) -> Int32 {
        let step = steps[Int(s)]
        var n = step.whole
        if step.fraction > 0, rng.chance(step.fraction) { n += 1 }
        if n == 0 { return 0 }
        if step.skip > 0, rng.chance(step.skip) { return 0 }
        if step.onMissStep >= 0 {
            let bit = UInt64(1) << UInt64(step.onMissStep & 63)
            if requests[Int(r)].missMask & bit == 0 { return 0 }
        } else if step.onMissProbability >= 0, !rng.chance(step.onMissProbability) {
            return 0
        }
        return n
    }

    /// A fire-and-forget message from `r`: to a topic or queue, or a one-way request.
    func publish(from r: Int32, step s: Int32) {
        guard let m = allocateMessage() else { return }
        requests[Int(m)].role = .oneWay
        requests[Int(m)].flow = requests[Int(r)].flow
        requests[Int(m)].component = steps[Int(s)].callee
        let plan = steps[Int(s)].childPlan
        requests[Int(m)].plan = plan
        requests[Int(m)].step = planStart[Int(plan)]
        if components[Int(steps[Int(s)].callee)].isChannel { messages.published += 1 }
        totalAttempts &+= 1
        current.attempts &+= 1
        arrive(m)
    }

    @inline(__always)
    func firstAttempt(parent r: Int32, step s: Int32) {
        let call = steps[Int(s)].call
        if calls[Int(call)].budget >= 0 {
            budgets[Int(call)] = min(budgets[Int(call)] + calls[Int(call)].budget, 10 + 100 * calls[Int(call)].budget)
        }
        let child = makeAttempt(parent: r, step: s, attempt: 0, previousSleep: 0)
        send(child)
    }

    @inline(__always)
    func makeAttempt(parent r: Int32, step s: Int32, attempt: Int32, previousSleep: Double) -> Int32 {
        let child = allocate()
        requests[Int(child)].role = .child
        requests[Int(child)].parent = r
        requests[Int(child)].callStep = s
        requests[Int(child)].attempt = attempt
        requests[Int(child)].previousSleep = previousSleep
        requests[Int(child)].flow = requests[Int(r)].flow
        requests[Int(child)].component = steps[Int(s)].callee
        let plan = steps[Int(s)].childPlan
        requests[Int(child)].plan = plan
        requests[Int(child)].step = planStart[Int(plan)]
        return child
    }

    /// Sends an attempt: through the caller's circuit breaker, with the caller's timeout.
    @inline(__always)
    func send(_ child: Int32) {
        let s = requests[Int(child)].callStep
        let call = steps[Int(s)].call
        totalAttempts &+= 1
        current.attempts &+= 1
        if requests[Int(child)].attempt > 0 {
            totalRetries &+= 1
            current.retries &+= 1
        }
        if calls[Int(call)].hasBreaker, !breakerAdmits(call) {
            counters[Int(calls[Int(call)].callee)].shortCircuited &+= 1
            requests[Int(child)].noRetry = true
            failSoon(child, .rejected)
            return
        }
        let timeout = calls[Int(call)].timeout
        arrive(child)
        if timeout < .infinity, !answersInTime(child, timeout) { armTimeout(call: call, child: child, after: timeout) }
    }

    /// Whether the answer to an attempt that just arrived is already known to come before its
    /// timeout: it failed fast (answered now), or a component without calls started serving it
    /// at once and will finish in time (its service time is fixed when it starts). Such attempts
    /// need no timeout entry; most calls to databases and caches are like this, which keeps the
    /// timeout rings to the attempts that can time out.
    @inline(__always)
    func answersInTime(_ child: Int32, _ timeout: Double) -> Bool {
        // Evaluated without short-circuits: which case holds varies from attempt to attempt.
        let plan = Int(requests[Int(child)].plan)
        let failed = bit(requests[Int(child)].failure != .none)
        let served = bit(requests[Int(child)].holdsWorker) & bit(planStart[plan] == planStart[plan + 1])
            & bit(lastServiceEnd - now < timeout)
        return failed | served != 0
    }

    @inline(__always)
    private func bit(_ condition: Bool) -> UInt8 { condition ? 1 : 0 }

    /// The caller's timeout fired before the answer: the caller moves on, the callee keeps working.
    func timedOut(_ child: Int32) {
        let r = requests[Int(child)].parent
        guard requests[Int(child)].role == .child, r >= 0 else { return }
        requests[Int(child)].parent = -1
        requests[Int(child)].abandoned = true
        counters[Int(requests[Int(child)].component)].timeouts &+= 1
        totalCallTimeouts &+= 1
        current.callTimeouts &+= 1
        callEnded(parent: r, step: requests[Int(child)].callStep, attempt: requests[Int(child)].attempt,
                  previousSleep: requests[Int(child)].previousSleep, failure: .timeout, noRetry: false)
    }

    /// One attempt of the call at step `s` of `r`'s plan ended: retry it, or settle the call.
    func callEnded(parent r: Int32, step s: Int32, attempt: Int32, previousSleep: Double, failure: Failure, noRetry: Bool) {
        let call = steps[Int(s)].call
        if calls[Int(call)].hasBreaker, !noRetry { breakerRecord(call, failed: failure != .none) }
        if failure != .none, !noRetry, attempt < calls[Int(call)].retries, retryAllowed(call) {
            let sleep = backoff(call, attempt: attempt, previous: previousSleep)
            let retry = makeAttempt(parent: r, step: s, attempt: attempt + 1, previousSleep: sleep)
            events.schedule(.dispatch, at: now + sleep, target: retry, gen: requests[Int(retry)].gen)
            return
        }
        let step = steps[Int(s)]
        if step.hit >= 0, failure != .none || !rng.chance(step.hit) {
            let position = s - planStart[Int(requests[Int(r)].plan)]
            requests[Int(r)].missMask |= UInt64(1) << UInt64(position & 63)
        }
        if failure != .none, !step.optional, requests[Int(r)].failure == .none {
            requests[Int(r)].failure = failure
        }
        requests[Int(r)].pending &-= 1
        if requests[Int(r)].pending == 0 {
            if requests[Int(r)].copiesLeft == 0 || requests[Int(r)].failure != .none {
                requests[Int(r)].copiesLeft = 0
                requests[Int(r)].step = step.batchEnd
            }
            runPlan(r)
        }
    }

    @inline(__always)
    func retryAllowed(_ call: Int32) -> Bool {
        if calls[Int(call)].budget < 0 { return true }
        if budgets[Int(call)] < 1 { return false }
        budgets[Int(call)] -= 1
        return true
    }

    /// The wait before retry number `attempt + 1` (Brooker, "Exponential Backoff And Jitter", 2015),
    /// drawn under the core's bound `Call.backoffBound(beforeRetry:)`.
    func backoff(_ call: Int32, attempt: Int32, previous: Double) -> Double {
        let spec = calls[Int(call)]
        guard spec.boundCount > 0 else { return 0 }
        let bound = backoffBounds[Int(spec.boundStart + min(attempt, spec.boundCount - 1))]
        switch spec.backoff {
        case .none: return 0
        case .constant, .exponential: return bound
        case .fullJitter: return rng.unit() * bound
        case .equalJitter: return bound / 2 + rng.unit() * bound / 2
        case .decorrelatedJitter:
            let last = max(spec.base, previous)
            return min(spec.cap, spec.base + rng.unit() * (3 * last - spec.base))
        }
    }
}

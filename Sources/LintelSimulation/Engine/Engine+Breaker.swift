/// Circuit breakers, one per declared call: closed → open when the failure fraction in the
/// sliding window reaches the threshold (with enough calls), open → half-open after `open_for`,
/// half-open → closed after the trial calls succeed, or back to open on a failure.
extension Engine {
    static let breakerBuckets = 10

    @inline(__always)
    func breakerAdmits(_ call: Int32) -> Bool {
        breakers[Int(call)].phase == .closed || breakerAdmitsWhenOpen(call)
    }

    private func breakerAdmitsWhenOpen(_ call: Int32) -> Bool {
        switch breakers[Int(call)].phase {
        case .closed:
            return true
        case .open:
            if now < breakers[Int(call)].openUntil { return false }
            breakers[Int(call)].phase = .halfOpen
            breakers[Int(call)].trialsInFlight = 0
            breakers[Int(call)].trialSuccesses = 0
            fallthrough
        case .halfOpen:
            if breakers[Int(call)].trialsInFlight >= calls[Int(call)].trials { return false }
            breakers[Int(call)].trialsInFlight &+= 1
            return true
        }
    }

    func breakerRecord(_ call: Int32, failed: Bool) {
        switch breakers[Int(call)].phase {
        case .open:
            return
        case .halfOpen:
            if failed {
                open(call)
            } else {
                breakers[Int(call)].trialSuccesses &+= 1
                if breakers[Int(call)].trialSuccesses >= calls[Int(call)].trials {
                    breakers[Int(call)].phase = .closed
                    breakerTrace[Int(call)].openSeconds += now - max(breakerTrace[Int(call)].openedAt, intervalStart)
                    clearWindow(call)
                }
            }
        case .closed:
            if !(now < breakers[Int(call)].slotEnd) { roll(call) }
            let bucket = Int(call) * Self.breakerBuckets + Int(breakers[Int(call)].position)
            breakers[Int(call)].calls &+= 1
            breakerWindow[2 * bucket] &+= 1
            if failed {
                breakers[Int(call)].failures &+= 1
                breakerWindow[2 * bucket + 1] &+= 1
            }
            let calls = breakers[Int(call)].calls
            if calls >= self.calls[Int(call)].minimumCalls,
               Double(breakers[Int(call)].failures) >= self.calls[Int(call)].threshold * Double(calls) {
                open(call)
            }
        }
    }

    private func open(_ call: Int32) {
        if breakers[Int(call)].phase == .closed { breakerTrace[Int(call)].openedAt = now }
        breakerTrace[Int(call)].opens &+= 1
        breakers[Int(call)].phase = .open
        breakers[Int(call)].openUntil = now + calls[Int(call)].openFor
        counters[Int(calls[Int(call)].callee)].breakerOpenings &+= 1
        clearWindow(call)
    }

    /// Moves the window to `now`, dropping buckets that fell out of it.
    private func roll(_ call: Int32) {
        let width = calls[Int(call)].window / Double(Self.breakerBuckets)
        let slot = Int64(now / width)
        var old = breakers[Int(call)].slot
        if slot != old {
            let steps = min(slot - old, Int64(Self.breakerBuckets))
            for _ in 0..<steps {
                old &+= 1
                let bucket = Int(call) * Self.breakerBuckets + Int(old % Int64(Self.breakerBuckets))
                breakers[Int(call)].calls -= breakerWindow[2 * bucket]
                breakers[Int(call)].failures -= breakerWindow[2 * bucket + 1]
                breakerWindow[2 * bucket] = 0
                breakerWindow[2 * bucket + 1] = 0
            }
        }
        setSlot(call, slot, width: width)
    }

    private func setSlot(_ call: Int32, _ slot: Int64, width: Double) {
        breakers[Int(call)].slot = slot
        breakers[Int(call)].position = Int32(slot % Int64(Self.breakerBuckets))
        breakers[Int(call)].slotEnd = Double(slot + 1) * width * (1 - 1e-9)
    }

    private func clearWindow(_ call: Int32) {
        breakers[Int(call)].calls = 0
        breakers[Int(call)].failures = 0
        let width = calls[Int(call)].window / Double(Self.breakerBuckets)
        setSlot(call, Int64(now / width), width: width)
        for k in 0..<(2 * Self.breakerBuckets) { breakerWindow[2 * Int(call) * Self.breakerBuckets + k] = 0 }
    }

    /// Closes the interval ending now for every breaker: the share of it spent open or half-open, and its openings.
    /// Runs once per time-series tick over the calls with a breaker, never per request.
    func sampleBreakers() {
        let length = now - intervalStart
        for index in breakerCalls {
            var seconds = breakerTrace[index].openSeconds
            if breakers[index].phase != .closed { seconds += now - max(breakerTrace[index].openedAt, intervalStart) }
            breakerOpenShare.append(length > 0 ? min(max(seconds / length, 0), 1) : (breakers[index].phase == .closed ? 0 : 1))
            breakerOpens.append(Int(breakerTrace[index].opens))
            breakerTrace[index].openSeconds = 0
            breakerTrace[index].opens = 0
        }
    }
}

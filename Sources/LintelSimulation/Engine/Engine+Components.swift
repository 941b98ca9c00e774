/// Components: admission (down, rate limit, queue limit), load balancing, workers and queues.
extension Engine {
    /// Closes the busy-worker and queue-length integrals at the end of the run. While running,
    /// each request adds its own share when it leaves (busy: start to finish; queue: arrival to
    /// start or failure), which sums to the same time integrals without work on every change;
    /// here the requests still holding a worker or still queued add theirs up to `now`.
    func closeIntegrals() {
        for r in 0..<requests.count where requests[r].holdsWorker {
            let c = Int(requests[r].component)
            counters[c].busyArea += now - requests[r].since
        }
        for c in 0..<components.count {
            counters[c].queueArea += counters[c].waitSum
            let component = components[c]
            for k in 0..<component.instances {
                var r = instances[Int(component.firstInstance + k)].head
                while r >= 0 {
                    counters[c].queueArea += now - requests[Int(r)].since
                    r = requests[Int(r)].next
                }
            }
        }
    }

    /// A request reaches its component: it is served, queued, or failed fast.
    @inline(__always)
    func arrive(_ r: Int32) {
        let c = requests[Int(r)].component
        counters[Int(c)].attempts &+= 1
        requests[Int(r)].since = now
        if state[Int(c)].down {
            failSoon(r, .error)
            return
        }
        let limit = components[Int(c)].rateLimit
        if limit > 0 {
            let refill = state[Int(c)].tokens + (now - state[Int(c)].lastRefill) * limit
            state[Int(c)].lastRefill = now
            // The bucket holds one second of the limit: bursts up to that size pass.
            state[Int(c)].tokens = min(limit, refill)
            if state[Int(c)].tokens < 1 {
                counters[Int(c)].rejected &+= 1
                failSoon(r, .rejected)
                return
            }
            state[Int(c)].tokens -= 1
        }
        let i = pickInstance(c)
        if i < 0 {
            failSoon(r, .error)
            return
        }
        requests[Int(r)].instance = i
        if instances[Int(i)].busy < state[Int(c)].workers {
            start(r)
        } else if instances[Int(i)].queued < components[Int(c)].queueLimit || requests[Int(r)].role == .delivery {
            // Deliveries wait in the broker, not in a bounded request queue.
            instances[Int(i)].queued &+= 1
            counters[Int(c)].queued &+= 1
            if counters[Int(c)].queued > counters[Int(c)].maxQueued { counters[Int(c)].maxQueued = counters[Int(c)].queued }
            requests[Int(r)].next = -1
            let tail = instances[Int(i)].tail
            if tail >= 0 { requests[Int(tail)].next = r } else { instances[Int(i)].head = r }
            instances[Int(i)].tail = r
        } else {
            counters[Int(c)].rejected &+= 1
            failSoon(r, .rejected)
        }
    }

    /// Fails the request through the event queue (so that chains of fast failures never recurse).
    @inline(__always)
    func failSoon(_ r: Int32, _ failure: Failure) {
        requests[Int(r)].failure = failure
        events.schedule(.failFast, at: now, target: r, gen: requests[Int(r)].gen)
    }

    /// Chooses an instance that is up, or -1 when none is. The first `instancesDown` are down.
    @inline(__always)
    func pickInstance(_ c: Int32) -> Int32 {
        let component = components[Int(c)]
        let n = component.instances
        if n == 1 { return state[Int(c)].instancesDown > 0 ? -1 : component.firstInstance }
        let down = state[Int(c)].instancesDown
        if down >= n { return -1 }
        if component.balancing == .roundRobin {
            var next = state[Int(c)].cursor + 1
            if next >= n || next < down { next = down }
            state[Int(c)].cursor = next
            return component.firstInstance + next
        }
        switch component.balancing {
        case .roundRobin:
            var next = state[Int(c)].cursor + 1
            if next >= n || next < down { next = down }
            state[Int(c)].cursor = next
            return component.firstInstance + next
        case .random:
            return component.firstInstance + down + Int32(rng.below(Int(n - down)))
        case .leastOutstanding:
            // Scan from a rotating start so that ties spread instead of piling on the first.
            var next = state[Int(c)].cursor + 1
            if next >= n || next < down { next = down }
            state[Int(c)].cursor = next
            var best = component.firstInstance + next
            var bestLoad = instances[Int(best)].busy + instances[Int(best)].queued
            var k = down
            while k < n {
                let i = component.firstInstance + k
                let load = instances[Int(i)].busy + instances[Int(i)].queued
                if load < bestLoad {
                    best = i
                    bestLoad = load
                }
                k &+= 1
            }
            return best
        }
    }

    /// Takes a worker and starts the request's own service time.
    @inline(__always)
    func start(_ r: Int32) {
        let c = requests[Int(r)].component
        let i = requests[Int(r)].instance
        instances[Int(i)].busy &+= 1
        counters[Int(c)].busy &+= 1
        counters[Int(c)].started &+= 1
        counters[Int(c)].waitSum += now - requests[Int(r)].since
        requests[Int(r)].holdsWorker = true
        requests[Int(r)].since = now
        var service: Double
        if _slowPath(operationTimes), case let own = planSampler[Int(requests[Int(r)].plan)], own >= 0 {
            // A request invoking an operation with a service time of its own.
            service = operationSamplers[Int(own)].sample(&rng, normals: normals)
        } else {
            service = components[Int(c)].sampler.sample(&rng, normals: normals)
        }
        if _slowPath(components[Int(c)].partitioned) {
            // A partition: busy 1 / throughput, then the channel's own latency (see `partitionDone`;
            // a latency fault slows that delay, not the partition). The answer is not known yet,
            // so `answersInTime` must not skip the caller's timeout.
            counters[Int(c)].serviceSum += service
            lastServiceEnd = .infinity
            events.schedule(.partitionDone, at: now + service, target: r, gen: requests[Int(r)].gen)
            return
        }
        let factor = state[Int(c)].latencyFactor
        if factor != 1 { service *= factor }
        counters[Int(c)].serviceSum += service
        lastServiceEnd = now + service
        events.schedule(.serviceDone, at: lastServiceEnd, target: r, gen: requests[Int(r)].gen)
    }

    /// A partitioned channel's partition is done with a message: the partition is released and the
    /// acknowledgement follows after the channel's own latency, a delay that occupies nothing.
    func partitionDone(_ r: Int32) {
        let c = requests[Int(r)].component
        let i = requests[Int(r)].instance
        counters[Int(c)].busyArea += now - requests[Int(r)].since
        instances[Int(i)].busy &-= 1
        counters[Int(c)].busy &-= 1
        requests[Int(r)].holdsWorker = false
        var delay = components[Int(c)].delay.sample(&rng, normals: normals)
        let factor = state[Int(c)].latencyFactor
        if factor != 1 { delay *= factor }
        events.schedule(.serviceDone, at: now + delay, target: r, gen: requests[Int(r)].gen)
        startWaiting(instance: i, component: c)
    }

    @inline(__always)
    func serviceDone(_ r: Int32) {
        let c = requests[Int(r)].component
        let errorRate = state[Int(c)].errorRate
        if errorRate > 0, rng.chance(errorRate) {
            requests[Int(r)].failure = .error
            finish(r)
            return
        }
        runPlan(r)
    }

    /// Starts waiting requests on the instance while it has free workers.
    @inline(__always)
    func startWaiting(instance i: Int32, component c: Int32) {
        while instances[Int(i)].busy < state[Int(c)].workers {
            let r = instances[Int(i)].head
            if r < 0 { return }
            instances[Int(i)].head = requests[Int(r)].next
            if instances[Int(i)].head < 0 { instances[Int(i)].tail = -1 }
            instances[Int(i)].queued &-= 1
            counters[Int(c)].queued &-= 1
            start(r)
        }
    }

    /// Fails every request waiting on the instance (it went down).
    func failWaiting(instance i: Int32, component c: Int32) {
        var r = instances[Int(i)].head
        while r >= 0 {
            let next = requests[Int(r)].next
            counters[Int(c)].queueArea += now - requests[Int(r)].since
            instances[Int(i)].queued &-= 1
            counters[Int(c)].queued &-= 1
            failSoon(r, .error)
            r = next
        }
        instances[Int(i)].head = -1
        instances[Int(i)].tail = -1
    }

    /// Recomputes a component's condition from the faults active on it, failing requests
    /// queued on instances that went down and starting waiting ones on workers that came back.
    func applyFaults(component c: Int32) {
        let component = components[Int(c)]
        var down = false
        var instancesDown: Int32 = 0
        var factor = 1.0
        var healthy = 1.0
        var workers = component.workers
        for (k, fault) in scenario.faults.enumerated() where fault.component == c && faultActive[k] {
            down = down || fault.down
            instancesDown = max(instancesDown, fault.instancesDown)
            factor *= fault.latencyFactor
            healthy *= 1 - fault.errorRate
            if let w = fault.workers { workers = min(workers, w) }
        }
        if down { instancesDown = component.instances }
        state[Int(c)].down = down
        state[Int(c)].instancesDown = min(instancesDown, component.instances)
        state[Int(c)].latencyFactor = factor
        state[Int(c)].errorRate = 1 - healthy
        state[Int(c)].workers = max(0, workers)
        for k in 0..<component.instances {
            let i = component.firstInstance + k
            if k < state[Int(c)].instancesDown {
                failWaiting(instance: i, component: c)
            } else {
                startWaiting(instance: i, component: c)
            }
        }
    }
}

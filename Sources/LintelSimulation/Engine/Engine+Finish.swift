/// The end of a request at its component: the worker is freed and the outcome goes to whoever waits.
extension Engine {
    @inline(__always)
    func finish(_ r: Int32) {
        let c = requests[Int(r)].component
        let failure = requests[Int(r)].failure
        let holds = requests[Int(r)].holdsWorker
        let i = requests[Int(r)].instance
        if holds {
            counters[Int(c)].busyArea += now - requests[Int(r)].since
            instances[Int(i)].busy &-= 1
            counters[Int(c)].busy &-= 1
            if requests[Int(r)].abandoned {
                counters[Int(c)].abandoned &+= 1
                counters[Int(c)].wastedSeconds += now - requests[Int(r)].since
            }
            if failure == .none { counters[Int(c)].succeeded += 1 } else { counters[Int(c)].failed += 1 }
        } else if failure == .error {
            counters[Int(c)].failed &+= 1
        }
        let role = requests[Int(r)].role
        // Children first with a plain branch: most requests are call attempts.
        if _fastPath(role == .child) {
            // A sync publish the broker accepted delivers whether or not the publisher still waits.
            if _slowPath(components[Int(c)].isChannel), failure == .none {
                deliver(topic: c, flow: requests[Int(r)].flow)
            }
            let parent = requests[Int(r)].parent
            if parent >= 0 {
                requests[Int(r)].parent = -1
                callEnded(parent: parent, step: requests[Int(r)].callStep, attempt: requests[Int(r)].attempt,
                          previousSleep: requests[Int(r)].previousSleep, failure: failure, noRetry: requests[Int(r)].noRetry)
            }
            release(r)
            if holds { startWaiting(instance: i, component: c) }
            return
        }
        switch role {
        case .root:
            flowOutcome(r, failure)
        case .child:
            let parent = requests[Int(r)].parent
            if parent >= 0 {
                requests[Int(r)].parent = -1
                callEnded(parent: parent, step: requests[Int(r)].callStep, attempt: requests[Int(r)].attempt,
                          previousSleep: requests[Int(r)].previousSleep, failure: failure, noRetry: requests[Int(r)].noRetry)
            }
        case .oneWay:
            if components[Int(c)].isChannel {
                if failure == .none { deliver(topic: c, flow: requests[Int(r)].flow) } else { messages.lost += 1 }
            }
        case .delivery:
            delivered(r, failure)
            if components[Int(c)].deliveryLimit != Int32.max { deliveryEnded(consumer: c) }
        }
        release(r)
        if holds { startWaiting(instance: i, component: c) }
    }

    @inline(__always)
    func flowOutcome(_ r: Int32, _ failure: Failure) {
        let f = Int(requests[Int(r)].flow)
        switch failure {
        case .none:
            let latency = now - requests[Int(r)].origin
            flows[f].succeeded &+= 1
            flows[f].latencySum += latency
            flows[f].latencies.record(latency)
            current.succeeded &+= 1
            current.latencySum += latency
            intervalLatencies.record(latency)
        case .error:
            flows[f].errors &+= 1
            current.errors &+= 1
        case .timeout:
            flows[f].timeouts &+= 1
            current.timeouts &+= 1
        case .rejected:
            flows[f].rejected &+= 1
            current.rejected &+= 1
        }
    }

    /// A topic or queue accepted a message: a topic delivers it to every consumer, a queue to one
    /// chosen at random (share 1/n each, a Poisson split, as capacity assumes).
    func deliver(topic: Int32, flow: Int32) {
        var k = consumerStart[Int(topic)]
        var last = consumerStart[Int(topic) + 1]
        if k == last { return }
        if components[Int(topic)].isQueue {
            k += Int32(rng.below(Int(last - k)))
            last = k + 1
        }
        while k < last {
            let consumer = consumerList[Int(k)]
            k &+= 1
            guard let d = allocateMessage() else { continue }
            requests[Int(d)].role = .delivery
            requests[Int(d)].flow = flow
            requests[Int(d)].callStep = topic
            requests[Int(d)].component = consumer
            requests[Int(d)].plan = consumer
            requests[Int(d)].step = planStart[Int(consumer)]
            admit(delivery: d)
        }
    }

    /// Hands a delivery to its consumer, or keeps it in the broker while the consumer group already
    /// processes as many messages as it has partitions (the core's `consumerLimit`).
    @inline(__always)
    func admit(delivery d: Int32) {
        let c = requests[Int(d)].component
        if components[Int(c)].deliveryLimit == Int32.max {
            arrive(d)
            return
        }
        if state[Int(c)].deliveries < components[Int(c)].deliveryLimit {
            state[Int(c)].deliveries &+= 1
            arrive(d)
            return
        }
        // Waiting in the broker counts as the consumer's queue (its wait before a worker), and the
        // delivery as an attempt that reached it (offered load, as capacity's arrival rate).
        counters[Int(c)].attempts &+= 1
        requests[Int(d)].since = now
        counters[Int(c)].queued &+= 1
        if counters[Int(c)].queued > counters[Int(c)].maxQueued { counters[Int(c)].maxQueued = counters[Int(c)].queued }
        requests[Int(d)].next = -1
        let tail = state[Int(c)].backlogTail
        if tail >= 0 { requests[Int(tail)].next = d } else { state[Int(c)].backlogHead = d }
        state[Int(c)].backlogTail = d
    }

    /// A delivery at a partition-limited consumer ended: the next message waiting in the broker goes.
    func deliveryEnded(consumer c: Int32) {
        state[Int(c)].deliveries &-= 1
        let d = state[Int(c)].backlogHead
        guard d >= 0 else { return }
        state[Int(c)].backlogHead = requests[Int(d)].next
        if state[Int(c)].backlogHead < 0 { state[Int(c)].backlogTail = -1 }
        state[Int(c)].deliveries &+= 1
        counters[Int(c)].queued &-= 1
        let waited = now - requests[Int(d)].since
        counters[Int(c)].queueArea += waited
        // Counted as an attempt when it reached the broker's backlog; `arrive` counts it again.
        counters[Int(c)].attempts &-= 1
        arrive(d)
        // `arrive` restarted the clock: add the time in the broker to the wait it will record.
        counters[Int(c)].waitSum += waited
    }

    /// A consumer finished a delivery: acknowledged, redelivered, or dead-lettered.
    func delivered(_ r: Int32, _ failure: Failure) {
        guard failure != .none else {
            messages.delivered &+= 1
            return
        }
        let topic = requests[Int(r)].callStep
        let deliveries = requests[Int(r)].attempt + 1
        if deliveries < components[Int(topic)].maxDeliveries {
            messages.redelivered &+= 1
            guard let d = allocateMessage() else { return }
            requests[Int(d)].role = .delivery
            requests[Int(d)].flow = requests[Int(r)].flow
            requests[Int(d)].callStep = topic
            requests[Int(d)].attempt = deliveries
            let consumer = requests[Int(r)].component
            requests[Int(d)].component = consumer
            requests[Int(d)].plan = consumer
            requests[Int(d)].step = planStart[Int(consumer)]
            admit(delivery: d)
        } else if components[Int(topic)].deadLetter {
            messages.deadLettered &+= 1
        } else {
            messages.lost &+= 1
        }
    }
}

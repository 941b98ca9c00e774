import Foundation
import LintelModel

/// The discrete-event loop. One instance runs one simulation and is then discarded.
///
/// All hot state lives in `FlatBuffer`s of plain structs indexed by `Int32`: requests in a pool
/// with a free list, instances with intrusive FIFO queues, events in a 4-ary heap (ticks, load
/// steps and faults in a FIFO `ControlQueue`). The loop switches on the event kind; there are
/// no closures, existentials or per-request objects.
final class Engine {
    let compiled: CompiledModel
    let scenario: ResolvedScenario
    let end: Double
    let interval: Double

    var rng: Xoshiro256
    let normals = Ziggurat()
    var now: Double = 0
    /// When the service started last finishes (read by `answersInTime` right after `arrive`).
    var lastServiceEnd: Double = 0
    var events: EventQueue
    var control = ControlQueue()
    var processed: UInt64 = 0
    /// Events this run may process (`EventBudget.engineLimit`), checked at every tick.
    var eventLimit: UInt64 = .max

    // Static tables, copied into flat buffers for unchecked access.
    let components: FlatBuffer<SimComponent>
    let calls: FlatBuffer<SimCall>
    let backoffBounds: FlatBuffer<Double>
    let steps: FlatBuffer<Step>
    let planStart: FlatBuffer<Int32>
    /// Per plan, an operation's own service time (`CompiledModel.planSampler`); read only when
    /// `operationTimes` is true, so models without such operations pay one predictable branch.
    let planSampler: FlatBuffer<Int32>
    let operationSamplers: FlatBuffer<ServiceSampler>
    let operationTimes: Bool
    /// Consumers of topic t are `consumerList[consumerStart[t] ..< consumerStart[t + 1]]`.
    let consumerStart: FlatBuffer<Int32>
    let consumerList: FlatBuffer<Int32>

    // Dynamic state.
    var requests: FlatBuffer<Request>
    var freeList: Int32 = -1
    var live = 0
    /// Most requests, attempts and messages alive at once before new flow requests and messages
    /// are refused (`SimulationOptions.maxInFlight`): memory stays bounded whatever the load.
    let cap: Int
    var overload = OverloadCounters()
    let state: FlatBuffer<ComponentState>
    let instances: FlatBuffer<InstanceState>
    let breakers: FlatBuffer<BreakerState>
    /// Per call, `breakerBuckets` pairs of (calls, failures).
    let breakerWindow: FlatBuffer<Int32>
    let budgets: FlatBuffer<Double>
    var timeouts: FlatBuffer<TimeoutRing>
    let flowRate: FlatBuffer<Double>
    let flowGen: FlatBuffer<UInt32>
    let faultActive: FlatBuffer<Bool>

    // Measurements.
    let counters: FlatBuffer<ComponentCounters>
    var flows: FlatBuffer<FlowCounters>
    var messages = MessageCounters()
    var totalAttempts = 0
    var totalRetries = 0
    var totalCallTimeouts = 0
    var current = IntervalCounters()
    /// Latencies of the current interval at 3% resolution, enough for a plotted p99.
    var intervalLatencies = LatencyRecorder(subBits: 5)
    var series: [SeriesPoint] = []
    /// Per series point, the component with the most queued requests (-1 when none queued).
    var mostQueuedAt: [Int32] = []
    /// 1, or k when 1/k of the load runs on 1/k of the servers (see `LoadScaling`).
    var scale = 1
    var intervalStart: Double = 0
    /// Indices of the calls with a circuit breaker, and per tick and such call (tick-major) the share of the
    /// interval it was open or half-open and its openings (`sampleBreakers`).
    let breakerCalls: [Int]
    let breakerTrace: FlatBuffer<BreakerTrace>
    var breakerOpenShare: [Double] = []
    var breakerOpens: [Int] = []

    init(compiled: CompiledModel, scenario: ResolvedScenario, seed: UInt64, interval: Double, cap: Int) {
        self.compiled = compiled
        self.cap = max(1, cap)
        self.scenario = scenario
        self.end = scenario.duration
        self.interval = interval
        rng = Xoshiro256(seed: seed)
        events = EventQueue(capacity: 1024)
        components = Self.buffer(compiled.components)
        calls = Self.buffer(compiled.calls)
        backoffBounds = Self.buffer(compiled.backoffBounds)
        steps = Self.buffer(compiled.steps)
        planStart = Self.buffer(compiled.planStart)
        planSampler = Self.buffer(compiled.planSampler)
        operationSamplers = Self.buffer(compiled.operationSamplers)
        operationTimes = !compiled.operationSamplers.isEmpty
        var starts: [Int32] = [0]
        for list in compiled.consumers { starts.append(starts[starts.count - 1] + Int32(list.count)) }
        consumerStart = Self.buffer(starts)
        consumerList = Self.buffer(compiled.consumers.flatMap { $0 })
        requests = FlatBuffer(capacity: 1024)
        state = Self.buffer(compiled.components.map { component in
            ComponentState(workers: component.workers, tokens: component.rateLimit)
        })
        instances = FlatBuffer(repeating: InstanceState(), count: compiled.totalInstances)
        breakers = FlatBuffer(repeating: BreakerState(), count: compiled.calls.count)
        breakerWindow = FlatBuffer(repeating: 0, count: compiled.calls.count * 2 * Engine.breakerBuckets)
        breakerCalls = compiled.calls.indices.filter { compiled.calls[$0].hasBreaker }
        breakerTrace = FlatBuffer(repeating: BreakerTrace(), count: compiled.calls.count)
        // A retry budget starts with ten retries in hand (Finagle's minimum reserve).
        budgets = FlatBuffer(repeating: 10, count: compiled.calls.count)
        timeouts = FlatBuffer(capacity: compiled.calls.count)
        for _ in compiled.calls { timeouts.append(TimeoutRing()) }
        flowRate = FlatBuffer(repeating: 0, count: compiled.flowNames.count)
        flowGen = FlatBuffer(repeating: 0, count: compiled.flowNames.count)
        faultActive = FlatBuffer(repeating: false, count: scenario.faults.count)
        counters = FlatBuffer(repeating: ComponentCounters(), count: compiled.components.count)
        flows = FlatBuffer(capacity: compiled.flowNames.count)
        for _ in compiled.flowNames { flows.append(FlowCounters()) }
    }

    deinit {
        events.release()
        normals.release()
        components.release()
        calls.release()
        backoffBounds.release()
        steps.release()
        planStart.release()
        planSampler.release()
        operationSamplers.release()
        consumerStart.release()
        consumerList.release()
        requests.release()
        state.release()
        instances.release()
        breakers.release()
        breakerWindow.release()
        breakerTrace.release()
        budgets.release()
        for k in 0..<timeouts.count { timeouts[k].release() }
        timeouts.release()
        flowRate.release()
        flowGen.release()
        faultActive.release()
        counters.release()
        for f in 0..<flows.count { flows[f].latencies.release() }
        flows.release()
        intervalLatencies.release()
    }

    private static func buffer<T>(_ array: [T]) -> FlatBuffer<T> {
        var buffer = FlatBuffer<T>(capacity: array.count)
        for element in array { buffer.append(element) }
        return buffer
    }

    /// Runs to the end of the scenario. `progress` is called once per time-series interval
    /// with the fraction of simulated time done.
    /// - Parameter shouldStop: asked once per time-series interval; `true` ends the run there (returns `false`).
    @discardableResult
    func run(progress: ((Double) -> Void)?, shouldStop: (() -> Bool)? = nil) -> Bool {
        for f in 0..<compiled.flowNames.count {
            flowRate[f] = compiled.flowRate[f] / Double(scale)
            scheduleArrival(flow: Int32(f))
        }
        for (i, change) in scenario.timeline.changes.enumerated() {
            control.schedule(.loadStep, at: change.at, target: Int32(i))
        }
        for (i, fault) in scenario.faults.enumerated() {
            control.schedule(.faultStart, at: fault.at, target: Int32(i))
            control.schedule(.faultEnd, at: fault.end, target: Int32(i))
        }
        control.schedule(.tick, at: min(interval, end), target: 0)

        while true {
            let next = events.nextTime
            if control.nextTime <= next {
                // Control events go first at equal times; both queues empty ends the run.
                if next == .infinity, control.nextTime == .infinity { break }
                let entry = control.pop()
                if entry.time > end { break }
                now = entry.time
                processed &+= 1
                let r = entry.target
                switch entry.kind {
                case .tick:
                    tick(progress: progress)
                    if processed > eventLimit { return false }
                    if let shouldStop, shouldStop() { return false }
                case .loadStep:
                    applyLoadStep(Int(r))
                case .faultStart:
                    faultActive[Int(r)] = true
                    applyFaults(component: scenario.faults[Int(r)].component)
                case .faultEnd:
                    faultActive[Int(r)] = false
                    applyFaults(component: scenario.faults[Int(r)].component)
                default:
                    break
                }
                continue
            }
            if next > end { break }
            let event = events.pop()
            now = event.time
            processed &+= 1
            let r = event.target
            let kind = event.kind
            // Nine in ten events are service completions: a predictable branch for them, and
            // the jump table (an indirect branch that mispredicts) only for the rest.
            if _fastPath(kind == .serviceDone) {
                serviceDone(r)
                continue
            }
            switch kind {
            case .arrival:
                if event.gen == flowGen[Int(r)] & Event.genMask { arrival(flow: r) }
            case .serviceDone:
                serviceDone(r)
            case .timeout:
                expireTimeouts(call: r)
            case .dispatch:
                send(r)
            case .failFast:
                finish(r)
            case .partitionDone:
                partitionDone(r)
            case .tick, .loadStep, .faultStart, .faultEnd:
                break
            }
        }
        now = end
        closeIntegrals()
        return true
    }

    // MARK: Request pool

    @inline(__always)
    func allocate() -> Int32 {
        live &+= 1
        if freeList >= 0 {
            let r = freeList
            freeList = requests[Int(r)].next
            let gen = requests[Int(r)].gen
            requests[Int(r)] = Request()
            requests[Int(r)].gen = gen
            return r
        }
        requests.append(Request())
        return Int32(requests.count - 1)
    }

    @inline(__always)
    func release(_ r: Int32) {
        live &-= 1
        requests[Int(r)].holdsWorker = false
        requests[Int(r)].gen &+= 1
        requests[Int(r)].next = freeList
        freeList = r
    }

    /// A slot for a message (a publish or a delivery), or nil when the in-flight cap is reached:
    /// the message is lost to overload.
    @inline(__always)
    func allocateMessage() -> Int32? {
        if _slowPath(live >= cap) {
            noteOverload()
            messages.lost &+= 1
            messages.lostToOverload &+= 1
            return nil
        }
        return allocate()
    }

    /// Records the first moment the cap was reached, and the component holding the most queued
    /// requests then (the one that cannot keep up).
    func noteOverload() {
        overload.refused &+= 1
        if overload.at != nil { return }
        overload.at = now
        // The most queued requests; without queues, the largest fraction of busy servers.
        var worst = 0
        var most = (queued: -1, busy: -1.0)
        for c in 0..<components.count {
            let servers = Double(components[c].instances) * Double(max(1, components[c].workers))
            let held = (queued: counters[c].queued, busy: Double(counters[c].busy) / servers)
            if held.queued > most.queued || (held.queued == most.queued && held.busy > most.busy) {
                most = held
                worst = c
            }
        }
        for c in 0..<components.count {
            let servers = Int(components[c].instances) * Int(state[c].workers)
            if servers > 0, counters[c].busy >= servers { overload.saturated.append(c) }
        }
        overload.component = worst
        overload.queued = counters[worst].queued
        overload.busy = counters[worst].busy
    }

    // MARK: Load

    @inline(__always)
    func scheduleArrival(flow f: Int32) {
        let rate = flowRate[Int(f)]
        guard rate > 0 else { return }
        events.schedule(.arrival, at: now + rng.exponential(mean: 1 / rate), target: f, gen: flowGen[Int(f)])
    }

    @inline(__always)
    func arrival(flow f: Int32) {
        scheduleArrival(flow: f)
        flows[Int(f)].offered &+= 1
        current.offered &+= 1
        if _slowPath(live >= cap) {
            // Over the in-flight cap: the request is refused without taking memory.
            noteOverload()
            flows[Int(f)].rejected &+= 1
            flows[Int(f)].overloadRejected &+= 1
            current.rejected &+= 1
            return
        }
        let r = allocate()
        requests[Int(r)].role = .root
        requests[Int(r)].flow = f
        requests[Int(r)].origin = now
        requests[Int(r)].component = compiled.flowEntry[Int(f)]
        let plan = compiled.flowPlan[Int(f)]
        requests[Int(r)].plan = plan
        requests[Int(r)].step = planStart[Int(plan)]
        arrive(r)
    }

    func applyLoadStep(_ index: Int) {
        let rates = scenario.timeline.changes[index].rates
        for f in 0..<compiled.flowNames.count where f < rates.count {
            let rate = rates[f] / Double(scale)
            if rate != flowRate[f] {
                flowRate[f] = rate
                flowGen[f] &+= 1
                scheduleArrival(flow: Int32(f))
            }
        }
    }

    // MARK: Time series

    func tick(progress: ((Double) -> Void)?) {
        var queued = 0, busy = 0
        var most: Int32 = -1, mostQueued = 0
        for c in 0..<components.count {
            queued += counters[c].queued
            busy += counters[c].busy
            if counters[c].queued > mostQueued {
                mostQueued = counters[c].queued
                most = Int32(c)
            }
        }
        mostQueuedAt.append(most)
        if !breakerCalls.isEmpty { sampleBreakers() }
        let p99 = intervalLatencies.value(atPercentile: 99)
        series.append(SeriesPoint(
            time: now, offered: current.offered, goodput: current.succeeded, errors: current.errors,
            timeouts: current.timeouts, rejections: current.rejected,
            meanLatency: current.succeeded > 0 ? current.latencySum / Double(current.succeeded) : 0,
            p99Latency: p99, attempts: current.attempts, retries: current.retries,
            callTimeouts: current.callTimeouts, queued: queued, busyWorkers: busy, inFlight: live,
            seconds: now - intervalStart))
        current = IntervalCounters()
        intervalLatencies.reset()
        intervalStart = now
        progress?(end > 0 ? now / end : 1)
        if now < end { control.schedule(.tick, at: min(now + interval, end), target: 0) }
    }
}

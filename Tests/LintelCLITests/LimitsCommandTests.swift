import Foundation
import Testing

/// A model with every value at the top of its documented range runs every command without a trap,
/// and no output of any example holds NaN, infinity or a negative size (issues 11 and 17).
@Suite("Values at their limits")
struct LimitsCommandTests {
    /// Every count, rate, size, duration and multiplier at the maximum `ModelSpec` allows.
    static let maximal = """
lintel: 1
system: limits
requirements:
  team: { engineers: 100000, teams: 10000 }
  traffic: { average: 1000000000/s, peak: 1000000000/s, growth: 100x/year }
  slo: { availability: 100%, latency_p50: 365d, latency_p99: 365d }
  data: { size: 1EB, growth: 1EB/month, retention: 100y }
  budget: 1000000000000 USD/month
components:
  gateway:
    kind: gateway
    instances: 10000
    workers: 100000
    queue: 10000000
    public: true
    auth: jwt
    rate_limit: 1000000000/s
    latency: { p50: 60m, p99: 60m }
    autoscale: { min: 10000, max: 10000, target: 100% }
    calls:
      - { to: api, timeout: 24h, retries: 20, backoff: exponential, backoff_base: 24h, backoff_cap: 24h, per_request: 1000,
          circuit_breaker: { failures: 100%, window: 24h, open_for: 24h, min_requests: 1000000, half_open_requests: 10000 },
          bulkhead: 100000, pool: 100000, retry_budget: 100% }
  api:
    kind: service
    instances: 10000
    workers: 100000
    latency: 60m
    resources: { cpu: 1024, memory: 1PB, cpu_limit: 1024, memory_limit: 1PB }
    ports: [65535]
    calls:
      - { to: db, timeout: 24h, retries: 20, per_request: 1000, pool: 100000 }
      - { to: cache, hit_ratio: 1, per_request: 1000 }
    publishes: [events]
  db:
    kind: postgres
    instances: 10000
    workers: 100000
    replicas: 100
    read_from_replicas: true
    max_connections: 1000000
    pool: 100000
    storage: 1EB
    data_growth: 1EB/month
    retention: 100y
  cache: { kind: redis, instances: 10000, workers: 100000 }
  events:
    kind: topic
    broker: kafka
    partitions: 100000
    partition_throughput: 1000000000/s
    consumers: [worker]
    max_deliveries: 100
    retention: 100y
  worker: { kind: worker, instances: 10000, workers: 100000, consumes: [events] }
flows:
  browse: { entry: gateway, rate: 1000000000/s, peak: 1000000000/s }
scenarios:
  spike:
    duration: 30d
    load: [ { at: 0s, rate: 1000000000/s }, { at: 30d, scale: 10000x } ]
    faults: [ { at: 0s, for: 30d, component: api, latency: 10000x, instances_down: 10000, error_rate: 1, workers: 100000 } ]
"""

    static func write(_ text: String, name: String) throws -> URL {
        let url = try CLI.temporaryDirectory().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// NaN or infinity as a number prints, and negative sizes.
    static func nonFinite(_ text: String) -> [String] {
        // A negative size stands after a space, a parenthesis, a colon or a quote (never inside a temporary path's UUID).
        let pattern = /(?i)\bnan\b|\binf(inity)?\b|(?:^|[\s(:"])-[0-9.]+ ?[KMGTPE]?i?B\b/
        return text.split(separator: "\n").map(String.init).filter { $0.contains(pattern) }
    }

    @Test("check, review, capacity, render and a short simulate run on a model at every maximum without trapping", arguments: [
        ["check"], ["review"], ["review", "--format", "json"], ["capacity"], ["capacity", "--format", "json"],
        ["capacity", "--at", "10000x", "--months", "120"], ["render"], ["render", "--format", "dot"],
        ["simulate", "--duration", "1s"], ["simulate", "--scenario", "spike", "--duration", "1s", "--format", "json"],
    ])
    func maximal(_ command: [String]) throws {
        let file = try Self.write(Self.maximal, name: "max.yaml")
        let result = try CLI.run(command + [file.path])
        // A simulation beyond the event budget is refused with the estimate and how to shorten it (exit 2).
        let refused = command[0] == "simulate" && result.status == 2 && result.stderr.contains("more than the budget")
        #expect(result.status == 0 || (command[0] == "review" && result.status == 1) || refused, "\(command): \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(Self.nonFinite(result.stdout).isEmpty, "\(command): \(Self.nonFinite(result.stdout))")
        if command.contains("json") && result.status != 2 {
            #expect(!result.stdout.contains("∞"))
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) }
        }
    }

    /// A saturated queue (λ·H ≥ c, in django-monolith and flash-sale) has no finite wait: it reads `unbounded`, never ∞.
    @Test("no output of any example holds NaN, infinity or a negative size", arguments: [
        ["check"], ["review"], ["review", "--format", "json"], ["capacity"], ["capacity", "--format", "json"],
        ["capacity", "--format", "markdown"], ["render"], ["render", "--format", "dot"],
    ])
    func examples(_ command: [String]) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count >= 4)
        for name in names {
            let result = try CLI.run(command + ["examples/" + name])
            #expect(result.status == 0 || result.status == 1, "\(command) \(name): \(result.stderr)")
            #expect(Self.nonFinite(result.stdout).isEmpty, "\(command) \(name): \(Self.nonFinite(result.stdout))")
            #expect(!result.stdout.contains("∞"), "\(command) \(name)")
        }
    }

    @Test("numeric options out of range, negative ones included, are refused with the range and the value", arguments: [
        (["capacity", "examples/order-system.yaml", "--at", "-2x"], "--at must be above 0x and at most 10000x, got '-2x'"),
        (["capacity", "examples/order-system.yaml", "--at", "1e308x"], "--at must be above 0x and at most 10000x, got '1e308x'"),
        (["capacity", "examples/order-system.yaml", "--at", "nanx"], "--at must be a multiple like 2x, got 'nanx'"),
        (["capacity", "examples/order-system.yaml", "--months", "1e308"], "--months must be between 0 and 120, got '1e308'"),
        (["capacity", "examples/order-system.yaml", "--months", "-1"], "--months must be between 0 and 120, got '-1'"),
        (["capacity", "examples/order-system.yaml", "--target-utilisation", "0%"], "--target-utilisation must be above 0% and at most 100%, got '0%'"),
        (["simulate", "examples/order-system.yaml", "--seed", "-1"], "--seed must be a whole number from 0 to 18446744073709551615, got '-1'"),
        (["simulate", "examples/order-system.yaml", "--duration", "-5s"], "--duration must be above 0s and at most 30d, got '-5s'"),
        (["simulate", "examples/order-system.yaml", "--duration", "1y"], "--duration must be above 0s and at most 30d, got '1y'"),
        (["simulate", "examples/order-system.yaml", "--replications", "-3"], "--replications must be a whole number between 1 and 10000, got '-3'"),
        (["simulate", "examples/order-system.yaml", "--event-budget", "1e13"], "--event-budget must be a number of events from 1e3 to 1e12, got '1e13'"),
        (["simulate", "examples/order-system.yaml", "--event-budget", "-1"], "--event-budget must be a number of events from 1e3 to 1e12, got '-1'"),
        (["simulate", "examples/order-system.yaml", "--event-budget", "nan"], "--event-budget must be a number of events from 1e3 to 1e12, got 'nan'"),
    ])
    func options(_ example: ([String], String)) throws {
        let result = try CLI.run(example.0)
        #expect(result.status == 64)
        #expect(result.stderr.contains(example.1), "\(result.stderr)")
        #expect(!result.stderr.contains("Missing value"))
    }

    @Test("--event-budget refuses a run above it with the estimate, and the same run passes under a budget raised to that estimate")
    func eventBudget() throws {
        // django-monolith's steady run: 8,100 estimated events (its flows' arrivals and visits over 60 s) and
        // 5,300 for setting up the run and its 60 points of time series.
        let refused = try CLI.run(["simulate", "examples/django-monolith.yaml", "--event-budget", "1e3"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("the run would process about 13400 events"), "\(refused.stderr)")
        #expect(refused.stderr.contains("raise the budget to at least 13400 events (--event-budget"), "\(refused.stderr)")
        let passed = try CLI.run(["simulate", "examples/django-monolith.yaml", "--event-budget", "13400"])
        #expect(passed.status == 0, "\(passed.stderr)")
    }

    @Test("capacity fit refuses rows with missing or extra columns, values that are not finite, at their line")
    func fitRows() throws {
        let file = try Self.write("concurrency,throughput\n1,10\n2\n4,30,5\n8,nan\n", name: "fit.csv")
        let result = try CLI.run(["capacity", "fit", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file.path):3:1: error: expected 2 columns as in the header, found 1"))
        #expect(result.stderr.contains("\(file.path):4:1: error: expected 2 columns as in the header, found 3"))
        #expect(result.stderr.contains("\(file.path):5:3: error: 'nan' is not a positive number"))
    }

    @Test("capacity fit refuses a file over 10 MB before reading it")
    func fitSize() throws {
        let file = try Self.write(String(repeating: "1", count: 10_000_001), name: "big.csv")
        let result = try CLI.run(["capacity", "fit", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file.path):1:1: error: the file is larger than 10 MB (10000001 bytes)"))
    }
}

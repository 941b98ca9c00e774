import LintelCapacity
import LintelDesign
import LintelModel

/// The design document's sections about running the system: resilience, capacity, budgets, observability,
/// scalability, security, risks and recommendations.
enum DesignOperations {
    typealias F = DesignFormat

    static func resilience(_ result: DesignResult) -> [Block] {
        var rows: [[String]] = []
        for component in result.model.components {
            for call in component.calls where call.mode == .sync {
                rows.append(["\(component.name) → \(call.to)", call.timeout.map { F.duration($0.seconds) } ?? "–", String(call.retries),
                             call.idempotent.map { $0 ? "yes" : "no" } ?? "–", call.circuitBreaker == nil ? "no" : "yes",
                             call.bulkhead.map(String.init) ?? "–"])
            }
        }
        let scenarios = result.model.scenarios.map { [$0.name, $0.description ?? ""] }
        return [
            .paragraph(Inline("Timeouts come from the p99 budget (\(F.duration(result.inputs.latencyP99))) and decrease down the chain: the entry's "
                              + "call gets the whole budget, and a component allowed A gives each call ⌊80% × (A − own p99) / attempts − backoff⌋. "
                              + "Only idempotent calls retry, once, with full jitter; calls between services have circuit breakers; "
                              + "best-effort traffic is bulkheaded at the gateway.")),
            .table(Table(headers: ["call", "timeout", "retries", "idempotent", "breaker", "bulkhead"], plainRows: rows, numeric: [1, 2, 5])),
            .section(Section("Failure scenarios", blocks: [
                .paragraph(Inline.withCode("One per critical dependency; `lintel simulate model.yaml --scenario NAME` runs it.")),
                .table(Table(headers: ["scenario", "what fails"], plainRows: scenarios)),
            ])),
        ]
    }

    static func capacity(_ result: DesignResult) -> [Block] {
        let rows = result.capacity.components.map { component -> [String] in
            let partitioned = component.scalesBy == "partitions"
            return [component.name, partitioned ? "\(component.servers) partitions" : String(component.instances),
                    partitioned ? "–" : String(component.workers), F.figure(component.arrival),
                    component.utilisation.value.map(F.share) ?? "–", F.figure(component.responseP99),
                    "\(component.instancesNeeded) \(component.scalesBy)", component.runwayToTarget.value.map { F.number($0) + " months" } ?? "–"]
        }
        return [
            .paragraph(Inline("At peak × 12 months of growth (\(result.capacity.loadDescription)), target utilisation \(F.percent(result.targetUtilisation)).")),
            .table(Table(headers: ["component", "instances", "workers", "arrival", "utilisation", "p99 response", "needed", "runway past this load"],
                         plainRows: rows, numeric: [1, 2, 3, 4, 5, 6, 7])),
        ]
    }

    static func budgets(_ result: DesignResult) -> [Block] {
        let rows = result.capacity.flows.map { flow -> [String] in
            ["\(flow.name)", "\(F.figure(flow.availability)) \(mark(flow.meetsAvailability))", flow.availabilityObjective.map { F.percent($0) } ?? "–",
             "\(F.figure(flow.latencyP99)) \(mark(flow.meetsLatency))", flow.latencyObjective.map { F.duration($0) } ?? "–",
             F.figure(flow.latencyWorstCase), flow.errorBudget.value.map { F.number($0) + " min" } ?? "–"]
        }
        return [
            .table(Table(headers: ["flow", "availability", "objective", "p99 latency", "objective", "worst case (timeouts)", "error budget / 30 days"],
                         plainRows: rows, numeric: [1, 2, 3, 4, 5, 6])),
            .paragraph("Availability is the serial product of each flow's hard synchronous dependencies (replicas in parallel); "
                       + "p99 latency sums the component p99s along the critical path at the sizing load."),
        ]
    }

    static func mark(_ meets: Bool?) -> String {
        switch meets {
        case true: "✓"
        case false: "✗"
        default: ""
        }
    }

    static func observability(_ result: DesignResult) -> [Block] {
        let inputs = result.inputs
        let budget = (1 - inputs.availability) * 30 * 24 * 60
        return [.list(List(items: [
            "SLIs per flow: availability = good requests / all requests at the gateway; latency = share of requests under "
                + "p99 \(F.duration(inputs.latencyP99)).",
            "SLO: \(F.percent(inputs.availability)) over 30 days, an error budget of \(F.number(budget)) minutes.",
            "Alerts: error-budget burn rate 14.4× over 1 h (page) and 6× over 6 h (page), 1× over 3 days (ticket).",
            "RED metrics (rate, errors, duration) per service and call; USE metrics (utilisation, saturation, errors) per store, cache and topic; consumer lag per topic.",
            "Structured logs and distributed traces with the trace id propagated through calls and events.",
        ].map { List.Item(Inline($0)) }))]
    }

    static func scalability(_ result: DesignResult) -> [Block] {
        let triggers = result.capacity.components.filter { ["service", "worker", "gateway"].contains($0.kind) }.map { component in
            List.Item(Inline("\(component.name): scale out above \(F.percent(result.targetUtilisation)) utilisation; "
                             + "minimum \(component.instances) instances (the sized count)"
                             + (component.kind == "worker" ? ", and on consumer lag growing for 5 minutes." : ".")))
        }
        var blocks: [Block] = [.paragraph("Services are stateless and scale horizontally behind the gateway. Autoscaling triggers:")]
        if !triggers.isEmpty { blocks.append(.list(List(items: triggers))) }
        blocks.append(.paragraph("Stores grow by read replicas first, then by partitioning on the owning key; topics by partitions (consumer parallelism)."))
        return blocks
    }

    static func security(_ result: DesignResult) -> [Block] {
        let compliance = result.inputs.compliance.map(\.rawValue)
        let limit = result.model.component(named: "gateway")?.rateLimit.map { F.rate($0.perSecond) } ?? "–"
        return [.list(List(items: [
            "Authentication: JWT validated at the gateway; service-to-service calls over TLS.",
            "Authorization: role-based at the gateway, ownership checks in the owning service.",
            "Data protection: every store encrypted at rest; sensitive fields marked in the domain are stored only by their owning context"
                + (compliance.isEmpty ? "." : "; audit logs for \(compliance.joined(separator: ", ")) data."),
            "API security: rate limit at the gateway (\(limit)), request size limits, secrets from a secret manager, never in configuration.",
        ].map { List.Item(Inline($0)) }))]
    }

    static func risk(_ risk: String, _ mitigation: Inline) -> List.Item {
        List.Item(Inline([.strong("Risk:"), .text(" " + risk + " "), .strong("Mitigation:"), .text(" ")]) + mitigation)
    }

    static func risks(_ result: DesignResult) -> [Block] {
        var items: [List.Item] = []
        if result.choices.distributed {
            items.append(risk("eventual consistency between services surprises users.", Inline("read-your-writes within "
                + "the owning service; \(result.choices.transactions) with compensations for cross-context changes.")))
        } else {
            items.append(risk("the single deployable becomes a bottleneck for teams.", Inline("module boundaries per context, "
                + "enforced by dependency rules, so a module can be extracted (see the ADR's flip conditions).")))
        }
        if result.choices.broker != nil {
            items.append(risk("a poison message blocks a partition.", Inline("at most 5 deliveries, then the dead-letter queue, with an alert.")))
        }
        let tight = result.capacity.components.filter { ($0.utilisation.value ?? 0) > 0.6 }.map(\.name)
        if !tight.isEmpty {
            items.append(risk("\(tight.joined(separator: ", ")) run above 60% at the sizing load.", Inline("autoscaling on utilisation; load-test before the peak.")))
        }
        items.append(risk("service times differ from the assumed \(F.duration(result.assumedServiceP50)) median / \(F.duration(result.assumedServiceP99)) p99.",
                          Inline.withCode("measure them and rerun `lintel capacity` with the real figures.")))
        return [.list(List(items: items))]
    }

    static func recommendations(_ result: DesignResult) -> [Block] {
        let last = result.decisions.first?.flips.first.map { "Long term: revisit the architecture style when the inputs move: \($0.sentence)" }
            ?? "Long term: revisit the architecture style as the team and traffic grow."
        return [.list(List(ordered: true, items: [
            List.Item(Inline("High: build the outbox, idempotent consumers and timeouts in from the first release; they are cheap now and costly later.")),
            List.Item(Inline.withCode("Medium: measure real service times and cache hit ratios, put them in `model.yaml` and rerun `lintel capacity` and `lintel simulate`.")),
            List.Item(Inline(last)),
        ]))]
    }
}

import LintelCapacity
import LintelModel

/// The design document's sections about running the system: resilience, capacity, budgets,
/// observability, scalability, security, risks and recommendations.
extension Sections {
    static func resilience(_ context: DocumentContext) -> [String] {
        var lines = ["## Resilience patterns", "",
                     "Timeouts come from the p99 budget (\(Format.duration(context.inputs.latencyP99))) and decrease down the chain: the entry's "
                     + "call gets the whole budget, and a component allowed A gives each call ⌊80% × (A − own p99) / attempts − backoff⌋. "
                     + "Only idempotent calls retry, once, with full jitter; calls between services have circuit breakers; "
                     + "best-effort traffic is bulkheaded at the gateway.", "",
                     "| call | timeout | retries | idempotent | breaker | bulkhead |", "|---|---:|---:|---|---|---:|"]
        for component in context.model.components {
            for call in component.calls where call.mode == .sync {
                lines.append("| \(component.name) → \(call.to) | \(call.timeout.map { Format.duration($0.seconds) } ?? "–") | \(call.retries) | "
                             + "\(call.idempotent.map { $0 ? "yes" : "no" } ?? "–") | \(call.circuitBreaker == nil ? "no" : "yes") | "
                             + "\(call.bulkhead.map(String.init) ?? "–") |")
            }
        }
        lines += ["", "### Failure scenarios", "", "One per critical dependency; `lintel simulate model.yaml --scenario NAME` runs it.", "",
                  "| scenario | what fails |", "|---|---|"]
        for scenario in context.model.scenarios {
            lines.append("| \(scenario.name) | \(Markdown.cell(scenario.description ?? "")) |")
        }
        lines.append("")
        return lines
    }

    static func capacity(_ context: DocumentContext) -> [String] {
        var lines = ["## Capacity", "",
                     "At peak × 12 months of growth (\(context.capacity.loadDescription)), target utilisation \(Format.percent(Sizing.targetUtilisation)).", "",
                     "| component | instances | workers | arrival | utilisation | p99 response | needed | runway past this load |",
                     "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for component in context.capacity.components {
            let partitioned = component.scalesBy == "partitions"
            lines.append("| \(component.name) | \(partitioned ? "\(component.servers) partitions" : String(component.instances)) | "
                         + "\(partitioned ? "–" : String(component.workers)) | \(figure(component.arrival)) | "
                         + "\(component.utilisation.value.map(Format.share) ?? "–") | \(figure(component.responseP99)) | \(component.instancesNeeded) \(component.scalesBy) | "
                         + "\(component.runwayToTarget.value.map { Format.number($0) + " months" } ?? "–") |")
        }
        lines.append("")
        return lines
    }

    static func budgets(_ context: DocumentContext) -> [String] {
        var lines = ["## Availability and latency budgets", "",
                     "| flow | availability | objective | p99 latency | objective | worst case (timeouts) | error budget / 30 days |",
                     "|---|---:|---:|---:|---:|---:|---:|"]
        for flow in context.capacity.flows {
            lines.append("| \(flow.name) | \(figure(flow.availability)) \(mark(flow.meetsAvailability)) | "
                         + "\(flow.availabilityObjective.map { Format.percent($0) } ?? "–") | \(figure(flow.latencyP99)) \(mark(flow.meetsLatency)) | "
                         + "\(flow.latencyObjective.map { Format.duration($0) } ?? "–") | \(figure(flow.latencyWorstCase)) | "
                         + "\(flow.errorBudget.value.map { Format.number($0) + " min" } ?? "–") |")
        }
        lines += ["", "Availability is the serial product of each flow's hard synchronous dependencies (replicas in parallel); "
                  + "p99 latency sums the component p99s along the critical path at the sizing load.", ""]
        return lines
    }

    static func mark(_ meets: Bool?) -> String {
        switch meets {
        case true: "✓"
        case false: "✗"
        default: ""
        }
    }

    static func observability(_ context: DocumentContext) -> [String] {
        let budget = (1 - context.inputs.availability) * 30 * 24 * 60
        return ["## Observability", "",
                "* SLIs per flow: availability = good requests / all requests at the gateway; latency = share of requests under "
                + "p99 \(Format.duration(context.inputs.latencyP99)).",
                "* SLO: \(Format.percent(context.inputs.availability)) over 30 days, an error budget of \(Format.number(budget)) minutes.",
                "* Alerts: error-budget burn rate 14.4× over 1 h (page) and 6× over 6 h (page), 1× over 3 days (ticket).",
                "* RED metrics (rate, errors, duration) per service and call; USE metrics (utilisation, saturation, errors) per store, cache and topic; consumer lag per topic.",
                "* Structured logs and distributed traces with the trace id propagated through calls and events.", ""]
    }

    static func scalability(_ context: DocumentContext) -> [String] {
        var lines = ["## Scalability", "", "Services are stateless and scale horizontally behind the gateway. Autoscaling triggers:", ""]
        for component in context.capacity.components where component.kind == "service" || component.kind == "worker" || component.kind == "gateway" {
            lines.append("* \(component.name): scale out above \(Format.percent(Sizing.targetUtilisation)) utilisation; "
                         + "minimum \(component.instances) instances (the sized count)"
                         + (component.kind == "worker" ? ", and on consumer lag growing for 5 minutes." : "."))
        }
        lines += ["", "Stores grow by read replicas first, then by partitioning on the owning key; topics by partitions (consumer parallelism).", ""]
        return lines
    }

    static func security(_ context: DocumentContext) -> [String] {
        let compliance = context.inputs.compliance.map(\.rawValue)
        return ["## Security", "",
                "* Authentication: JWT validated at the gateway; service-to-service calls over TLS.",
                "* Authorization: role-based at the gateway, ownership checks in the owning service.",
                "* Data protection: every store encrypted at rest; sensitive fields marked in the domain are stored only by their owning context"
                + (compliance.isEmpty ? "." : "; audit logs for \(compliance.joined(separator: ", ")) data."),
                "* API security: rate limit at the gateway (\(context.model.component(named: "gateway")?.rateLimit.map { Format.rate($0.perSecond) } ?? "–")), "
                + "request size limits, secrets from a secret manager, never in configuration.", ""]
    }

    static func risks(_ context: DocumentContext) -> [String] {
        var lines = ["## Risks and mitigations", ""]
        if context.choices.distributed {
            lines += ["* **Risk:** eventual consistency between services surprises users. **Mitigation:** read-your-writes within "
                      + "the owning service; \(context.choices.transactions.rawValue) with compensations for cross-context changes."]
        } else {
            lines += ["* **Risk:** the single deployable becomes a bottleneck for teams. **Mitigation:** module boundaries per context, "
                      + "enforced by dependency rules, so a module can be extracted (see the ADR's flip conditions)."]
        }
        if context.choices.broker != nil {
            lines.append("* **Risk:** a poison message blocks a partition. **Mitigation:** at most 5 deliveries, then the dead-letter queue, with an alert.")
        }
        let tight = context.capacity.components.filter { ($0.utilisation.value ?? 0) > 0.6 }.map(\.name)
        if !tight.isEmpty {
            lines.append("* **Risk:** \(tight.joined(separator: ", ")) run above 60% at the sizing load. **Mitigation:** autoscaling on utilisation; load-test before the peak.")
        }
        lines.append("* **Risk:** service times differ from the assumed \(Format.duration(TopologyBuilder.serviceLatency.0)) median / "
                     + "\(Format.duration(TopologyBuilder.serviceLatency.1)) p99. **Mitigation:** measure them and rerun `lintel capacity` with the real figures.")
        lines.append("")
        return lines
    }

    static func recommendations(_ context: DocumentContext) -> [String] {
        var lines = ["## Recommendations", ""]
        lines.append("1. High: build the outbox, idempotent consumers and timeouts in from the first release; they are cheap now and costly later.")
        lines.append("2. Medium: measure real service times and cache hit ratios, put them in `model.yaml` and rerun `lintel capacity` and `lintel simulate`.")
        if let flip = context.choices.decisions.first?.flips.first {
            lines.append("3. Long term: revisit the architecture style when the inputs move: \(flip.sentence)")
        } else {
            lines.append("3. Long term: revisit the architecture style as the team and traffic grow.")
        }
        lines.append("")
        return lines
    }
}

import LintelModel

/// The tables of a capacity report, shared by the text and Markdown renderers.
enum Sections {
    static func components(_ report: CapacityReport) -> Table {
        let rows = report.components.map { row -> [String] in
            let current = row.scalesBy == "partitions" ? row.servers : row.instances
            let need = row.externalDemand != nil ? "external"
                : row.instancesNeeded > current ? "\(row.instancesNeeded) (+\(row.instancesNeeded - current))"
                : row.fewerWouldDo ? "\(row.instancesNeeded) (\(row.instancesSufficient) would do)" : "\(row.instancesNeeded)"
            return [
                row.name, row.kind, Format.figure(row.arrivalAverage), Format.figure(row.arrival),
                row.scalesBy == "partitions" ? "\(row.servers) partitions" : "\(row.instances)×\(row.workers)", Format.figure(row.holdingTime), Format.figure(row.utilisation) + (row.saturated ? " !" : ""),
                Format.figure(row.probabilityOfWaiting), Format.figure(row.meanWait), Format.figure(row.responseP99),
                need, Format.figure(row.headroom), Format.figure(row.runwayToTarget),
            ]
        }
        return Table(headers: ["component", "kind", "λ avg", "λ", "inst×workers", "hold", "ρ", "P(wait)", "Wq", "p99",
                               "needed", "headroom", "runway"],
                     rows: rows, numeric: Set(2...12))
    }

    static func breakdown(_ row: ComponentCapacity, markdown: Bool) -> String {
        let figures: [(String, Figure)] = [
            ("λ", row.arrival), ("service mean", row.serviceMean), ("holding time", row.holdingTime),
            ("offered load", row.offeredLoad), ("utilisation", row.utilisation), ("P(wait)", row.probabilityOfWaiting),
            ("Wq", row.meanWait), ("Lq", row.queueLength), ("response p50", row.responseP50), ("response p99", row.responseP99),
            ("instances for utilisation", row.instancesForUtilisation), ("instances for latency", row.instancesForLatency),
            ("headroom", row.headroom), ("saturates at", row.saturationMultiple), ("runway to target", row.runwayToTarget), ("runway to saturation", row.runwayToSaturation),
            ("retry amplification", row.retryAmplification), ("rejected", row.rejected),
        ] + (row.externalDemand.map { [("must sustain", $0)] } ?? [])
        let table = Table(headers: ["figure", "value", "from"], rows: figures.map { [$0.0, Format.figure($0.1), $0.1.formula] }, numeric: [1])
        return markdown ? table.markdown() : table.text()
    }

    static func flows(_ report: CapacityReport) -> Table {
        let rows = report.flows.map { flow -> [String] in
            [
                flow.name, Format.figure(flow.rate), Format.availability(flow.availability.value),
                Format.availability(flow.availabilityObjective), Format.yesNo(flow.meetsAvailability),
                Format.figure(flow.latencyP50), Format.figure(flow.latencyP99), flow.latencyObjective.map(UnitFormat.duration) ?? Format.none,
                Format.yesNo(flow.meetsLatency), Format.figure(flow.latencyWorstCase), Format.figure(flow.retryAmplification),
                Format.figure(flow.errorBudget), Format.figure(flow.expectedDowntime),
            ]
        }
        return Table(headers: ["flow", "λ", "availability", "SLO", "meets", "p50", "p99", "SLO", "meets", "worst case", "retry amp.",
                               "error budget", "expected downtime"],
                     rows: rows, numeric: [1, 2, 3, 5, 6, 7, 9, 10, 11, 12])
    }

    static func flowPaths(_ report: CapacityReport, markdown: Bool) -> String {
        report.flows.map { flow in
            let bullet = markdown ? "- **\(flow.name)**" : "\(flow.name):"
            return "\(bullet) critical path \(flow.criticalPath.joined(separator: " → ")); "
                + "worst retry path \(flow.worstRetryPath.joined(separator: " → ")) (\(Format.figure(flow.retryAmplification))); "
                + "hard dependencies \(flow.hardDependencies.joined(separator: ", "))"
        }.joined(separator: "\n")
    }

    static func connections(_ report: CapacityReport) -> Table {
        let rows = report.connections.map { budget -> [String] in
            [
                budget.store, budget.callers.map { "\($0.component) \($0.instances)×\($0.pool)" }.joined(separator: ", "),
                Format.figure(budget.requested), Format.figure(budget.maxConnections), Format.figure(budget.inUse),
                budget.exceeded ? "EXCEEDED" : "ok",
            ]
        }
        return Table(headers: ["store", "callers (instances×pool)", "requested", "max", "in use (Little)", "status"],
                     rows: rows, numeric: [2, 3, 4])
    }

    static func topics(_ report: CapacityReport) -> Table {
        var rows: [[String]] = []
        for topic in report.topics {
            let consumers = topic.consumers.map { consumer in
                "\(consumer.name) ×\(Format.figure(consumer.parallelism)) cap \(Format.figure(consumer.capacity))"
                    + ((consumer.lagGrowth.value ?? 0) > 0 ? " LAG +\(Format.figure(consumer.lagGrowth))" : "")
            }
            rows.append([
                topic.name, Format.figure(topic.rate), topic.partitions.map(String.init) ?? Format.none,
                Format.figure(topic.perPartitionRate), Format.figure(topic.partitionThroughput), Format.figure(topic.partitionsNeeded),
                consumers.isEmpty ? Format.none : consumers.joined(separator: "; "),
            ])
        }
        return Table(headers: ["topic", "λ", "partitions", "per partition", "partition limit", "partitions needed", "consumers"],
                     rows: rows, numeric: [1, 2, 3, 4, 5])
    }

    static func storage(_ report: CapacityReport) -> Table {
        let horizons = report.storage.first?.projections.map(\.months) ?? []
        let rows = report.storage.map { projection -> [String] in
            [projection.component, Format.figure(projection.current), Format.figure(projection.growthPerMonth) + "/mo",
             projection.retentionMonths.map { UnitFormat.number($0, decimals: 1) + " mo" } ?? Format.none]
                + projection.projections.map { Format.figure($0.size) } + [projection.source]
        }
        return Table(headers: ["store", "now", "growth", "retention"] + horizons.map { "\(UnitFormat.number($0)) mo" } + ["source"],
                     rows: rows, numeric: Set(1..<(4 + horizons.count)))
    }

    static func scenarios(_ report: CapacityReport) -> Table {
        var rows: [[String]] = []
        for scenario in report.scenarios {
            for step in scenario.steps {
                rows.append([scenario.name, UnitFormat.duration(step.at), Format.figure(step.totalRate),
                             step.busiest ?? Format.none, Format.figure(step.utilisation)])
            }
        }
        return Table(headers: ["scenario", "at", "total rate", "busiest", "ρ"], rows: rows, numeric: [1, 2, 4])
    }
}

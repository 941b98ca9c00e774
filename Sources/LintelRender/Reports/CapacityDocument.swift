import LintelCapacity
import LintelModel

/// Builds the document of a capacity report; computes nothing, only arranges the report's figures.
public enum CapacityDocument {
    public static func build(_ report: CapacityReport) -> Document {
        Document(title: "Capacity of \(report.system)", blocks: [.paragraph(Inline(summary(report)))] + sections(report))
    }

    /// The report's sections, also used inside `lintel report`'s page.
    public static func sections(_ report: CapacityReport, idPrefix: String = "capacity") -> [Block] {
        var blocks: [Block] = [.section(Section("Components", id: "\(idPrefix)-components", blocks: [.table(components(report))]))]
        if let name = report.busiest, let row = report.component(named: name) {
            blocks.append(.section(Section("How \(name)'s figures were computed", id: "\(idPrefix)-breakdown", blocks: [.table(breakdown(row))])))
        }
        if !report.flows.isEmpty {
            blocks.append(.section(Section("Flows", id: "\(idPrefix)-flows", blocks: [.table(flows(report)), .list(flowPaths(report))])))
        }
        if !report.connections.isEmpty {
            blocks.append(.section(Section("Connection budgets", id: "\(idPrefix)-connections", blocks: [.table(connections(report))])))
        }
        if !report.topics.isEmpty {
            blocks.append(.section(Section("Topics and queues", id: "\(idPrefix)-topics", blocks: [.table(topics(report))])))
        }
        if !report.storage.isEmpty {
            blocks.append(.section(Section("Storage growth", id: "\(idPrefix)-storage", blocks: [.table(storage(report))])))
        }
        if !report.scenarios.isEmpty {
            blocks.append(.section(Section("Scenarios", id: "\(idPrefix)-scenarios", blocks: [.table(scenarios(report))])))
        }
        blocks.append(.section(Section("Assumptions", id: "\(idPrefix)-assumptions",
                                       blocks: [.list(List(items: report.assumptions.map { List.Item(Inline($0)) }))])))
        return blocks
    }

    static func summary(_ report: CapacityReport) -> String {
        "Evaluated at \(report.loadDescription) (× \(UnitFormat.number(report.peakScale.value ?? 1)) each flow's peak); "
            + "target utilisation \(UnitFormat.percent(report.options.targetUtilisation, decimals: 1))."
            + (report.busiest.flatMap { name in report.component(named: name) }.map {
                " Busiest component: \($0.name) at \(FigureText.figure($0.utilisation)); it saturates at "
                    + "\(FigureText.figure($0.saturationMultiple)) this load."
            } ?? "")
    }

    static func utilisation(_ figure: Figure, saturated: Bool = false) -> Inline {
        let label = FigureText.figure(figure) + (saturated ? " !" : "")
        guard let value = figure.value else { return Inline(label) }
        return Inline([.bar(fraction: value, label: label)])
    }

    static func components(_ report: CapacityReport) -> Table {
        let rows = report.components.map { row -> [Inline] in
            let current = row.scalesBy == "partitions" ? row.servers : row.instances
            let need = row.externalDemand != nil ? "external"
                : row.instancesNeeded > current ? "\(row.instancesNeeded) (+\(row.instancesNeeded - current))"
                : row.fewerWouldDo ? "\(row.instancesNeeded) (\(row.instancesSufficient) would do)" : "\(row.instancesNeeded)"
            let cells = [
                row.name, row.kind, FigureText.figure(row.arrivalAverage), FigureText.figure(row.arrival),
                row.scalesBy == "partitions" ? "\(row.servers) partitions" : "\(row.instances)×\(row.workers)",
                FigureText.figure(row.holdingTime),
            ].map { Inline($0) }
            return cells + [utilisation(row.utilisation, saturated: row.saturated)] + [
                FigureText.figure(row.probabilityOfWaiting), FigureText.figure(row.meanWait), FigureText.figure(row.responseP99),
                need, FigureText.figure(row.headroom), FigureText.figure(row.runwayToTarget),
            ].map { Inline($0) }
        }
        return Table(headers: ["component", "kind", "λ avg", "λ", "inst×workers", "hold", "ρ", "P(wait)", "Wq", "p99",
                               "needed", "headroom", "runway"], rows: rows, numeric: Set(2...12))
    }

    static func breakdown(_ row: ComponentCapacity) -> Table {
        let figures: [(String, Figure)] = [
            ("λ", row.arrival), ("service mean", row.serviceMean), ("holding time", row.holdingTime),
            ("offered load", row.offeredLoad), ("utilisation", row.utilisation), ("P(wait)", row.probabilityOfWaiting),
            ("Wq", row.meanWait), ("Lq", row.queueLength), ("response p50", row.responseP50), ("response p99", row.responseP99),
            ("instances for utilisation", row.instancesForUtilisation), ("instances for latency", row.instancesForLatency),
            ("headroom", row.headroom), ("saturates at", row.saturationMultiple), ("runway to target", row.runwayToTarget),
            ("runway to saturation", row.runwayToSaturation),
            ("retry amplification", row.retryAmplification), ("rejected", row.rejected),
        ] + (row.externalDemand.map { [("must sustain", $0)] } ?? [])
        return Table(headers: ["figure", "value", "from"], plainRows: figures.map { [$0.0, FigureText.figure($0.1), $0.1.formula] },
                     numeric: [1])
    }

    static func flows(_ report: CapacityReport) -> Table {
        let rows = report.flows.map { flow -> [String] in
            [
                flow.name, FigureText.figure(flow.rate), FigureText.availability(flow.availability.value),
                FigureText.availability(flow.availabilityObjective), FigureText.yesNo(flow.meetsAvailability),
                FigureText.figure(flow.latencyP50), FigureText.figure(flow.latencyP99),
                flow.latencyObjective.map(UnitFormat.duration) ?? FigureText.none,
                FigureText.yesNo(flow.meetsLatency), FigureText.figure(flow.latencyWorstCase), FigureText.figure(flow.retryAmplification),
                FigureText.figure(flow.errorBudget), FigureText.figure(flow.expectedDowntime),
            ]
        }
        return Table(headers: ["flow", "λ", "availability", "SLO", "meets", "p50", "p99", "SLO", "meets", "worst case", "retry amp.",
                               "error budget", "expected downtime"],
                     plainRows: rows, numeric: [1, 2, 3, 5, 6, 7, 9, 10, 11, 12])
    }

    static func flowPaths(_ report: CapacityReport) -> List {
        List(items: report.flows.map { flow in
            List.Item(Inline([.strong(flow.name), .text(
                ": critical path \(flow.criticalPath.joined(separator: " → ")); "
                    + "worst retry path \(flow.worstRetryPath.joined(separator: " → ")) (\(FigureText.figure(flow.retryAmplification))); "
                    + "hard dependencies \(flow.hardDependencies.joined(separator: ", "))")]))
        })
    }

    static func connections(_ report: CapacityReport) -> Table {
        let rows = report.connections.map { budget -> [Inline] in
            [
                Inline(budget.store), Inline(budget.callers.map { "\($0.component) \($0.instances)×\($0.pool)" }.joined(separator: ", ")),
                Inline(FigureText.figure(budget.requested)), Inline(FigureText.figure(budget.maxConnections)),
                Inline(FigureText.figure(budget.inUse)),
                budget.exceeded ? Inline([.tone(.error, "EXCEEDED")]) : Inline([.tone(.ok, "ok")]),
            ]
        }
        return Table(headers: ["store", "callers (instances×pool)", "requested", "max", "in use (Little)", "status"],
                     rows: rows, numeric: [2, 3, 4])
    }

    static func topics(_ report: CapacityReport) -> Table {
        let rows = report.topics.map { topic -> [String] in
            let consumers = topic.consumers.map { consumer in
                "\(consumer.name) ×\(FigureText.figure(consumer.parallelism)) cap \(FigureText.figure(consumer.capacity))"
                    + ((consumer.lagGrowth.value ?? 0) > 0 ? " LAG +\(FigureText.figure(consumer.lagGrowth))" : "")
            }
            return [
                topic.name, FigureText.figure(topic.rate), topic.partitions.map(String.init) ?? FigureText.none,
                FigureText.figure(topic.perPartitionRate), FigureText.figure(topic.partitionThroughput),
                FigureText.figure(topic.partitionsNeeded),
                consumers.isEmpty ? FigureText.none : consumers.joined(separator: "; "),
            ]
        }
        return Table(headers: ["topic", "λ", "partitions", "per partition", "partition limit", "partitions needed", "consumers"],
                     plainRows: rows, numeric: [1, 2, 3, 4, 5])
    }

    static func storage(_ report: CapacityReport) -> Table {
        let horizons = report.storage.first?.projections.map(\.months) ?? []
        let rows = report.storage.map { projection -> [String] in
            [projection.component, FigureText.figure(projection.current), FigureText.figure(projection.growthPerMonth) + "/mo",
             projection.retentionMonths.map { UnitFormat.number($0, decimals: 1) + " mo" } ?? FigureText.none]
                + projection.projections.map { FigureText.figure($0.size) } + [projection.source]
        }
        return Table(headers: ["store", "now", "growth", "retention"] + horizons.map { "\(UnitFormat.number($0)) mo" } + ["source"],
                     plainRows: rows, numeric: Set(1..<(4 + horizons.count)))
    }

    static func scenarios(_ report: CapacityReport) -> Table {
        var rows: [[String]] = []
        for scenario in report.scenarios {
            for step in scenario.steps {
                rows.append([scenario.name, UnitFormat.duration(step.at), FigureText.figure(step.totalRate),
                             step.busiest ?? FigureText.none, FigureText.figure(step.utilisation)])
            }
        }
        return Table(headers: ["scenario", "at", "total rate", "busiest", "ρ"], plainRows: rows, numeric: [1, 2, 4])
    }
}

extension CapacityReport {
    /// The row of the component called `name`.
    public func component(named name: String) -> ComponentCapacity? { components.first { $0.name == name } }
}

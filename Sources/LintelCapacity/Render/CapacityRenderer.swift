import Foundation
import LintelModel

/// Formats a `CapacityReport` as plain text, Markdown or JSON. Renderers never compute.
public enum CapacityRenderer {
    public enum Style: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    /// The report in `style`; JSON has sorted keys and ends with a newline, like the others.
    public static func render(_ report: CapacityReport, as style: Style) -> String {
        switch style {
        case .text: return document(report, markdown: false)
        case .markdown: return document(report, markdown: true)
        case .json: return json(report)
        }
    }

    /// Pretty-printed JSON with sorted keys (byte-identical for identical reports).
    public static func json(_ report: CapacityReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }

    static func document(_ report: CapacityReport, markdown: Bool) -> String {
        var out: [String] = []
        func heading(_ title: String) {
            out.append(markdown ? "## \(title)" : "\(title)\n" + String(repeating: "=", count: title.count))
        }
        func table(_ table: Table) { out.append(markdown ? table.markdown() : table.text()) }
        out.append(markdown ? "# Capacity of \(report.system)" : "Capacity of \(report.system)")
        out.append("Evaluated at \(report.loadDescription) (× \(UnitFormat.number(report.peakScale.value ?? 1)) each flow's peak); "
                   + "target utilisation \(UnitFormat.percent(report.options.targetUtilisation, decimals: 1))."
                   + (report.busiest.flatMap { name in report.component(named: name) }.map {
                       " Busiest component: \($0.name) at \(Format.figure($0.utilisation)); it saturates at \(Format.figure($0.saturationMultiple)) this load."
                   } ?? ""))

        heading("Components")
        table(Sections.components(report))
        if let name = report.busiest, let row = report.component(named: name) {
            heading("How \(name)'s figures were computed")
            out.append(Sections.breakdown(row, markdown: markdown))
        }
        if !report.flows.isEmpty {
            heading("Flows")
            table(Sections.flows(report))
            out.append(Sections.flowPaths(report, markdown: markdown))
        }
        if !report.connections.isEmpty {
            heading("Connection budgets")
            table(Sections.connections(report))
        }
        if !report.topics.isEmpty {
            heading("Topics and queues")
            table(Sections.topics(report))
        }
        if !report.storage.isEmpty {
            heading("Storage growth")
            table(Sections.storage(report))
        }
        if !report.scenarios.isEmpty {
            heading("Scenarios")
            table(Sections.scenarios(report))
        }
        heading("Assumptions")
        out.append(report.assumptions.map { "- \($0)" }.joined(separator: "\n"))
        return out.joined(separator: "\n\n") + "\n"
    }
}

extension CapacityReport {
    /// The row of the component called `name`.
    public func component(named name: String) -> ComponentCapacity? { components.first { $0.name == name } }
}

import LintelModel

/// A table rendered as aligned plain text or as a Markdown table.
struct Table {
    var headers: [String]
    var rows: [[String]]
    /// Columns aligned right (numbers).
    var numeric: Set<Int>

    func text() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (column, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[column] - cell.count))
                parts.append(numeric.contains(column) ? pad + cell : cell + pad)
            }
            var result = parts.joined(separator: "  ")
            while result.hasSuffix(" ") { result.removeLast() }
            return result
        }
        var lines = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }

    func markdown() -> String {
        func escape(_ cell: String) -> String { cell.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["| " + headers.map(escape).joined(separator: " | ") + " |"]
        lines.append("|" + headers.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|")
        lines += rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n")
    }
}

/// Short human forms of figures.
enum Format {
    static let none = "—"

    static func figure(_ figure: Figure) -> String {
        guard let value = figure.value else { return figure.formula.hasPrefix("unbounded") ? "∞" : none }
        switch figure.unit {
        case .perSecond: return UnitFormat.rate(value)
        case .seconds: return abs(value) < 5e-7 ? "0s" : UnitFormat.duration(value)
        case .fraction: return UnitFormat.percent(value, decimals: 1)
        case .count: return UnitFormat.number(value, decimals: 1)
        case .bytes: return UnitFormat.bytes(value)
        case .months: return UnitFormat.number(value, decimals: 1) + " mo"
        case .minutes: return UnitFormat.number(value, decimals: 2) + " min"
        case .factor: return UnitFormat.number(value, decimals: 2) + "x"
        case .erlangs: return UnitFormat.number(value, decimals: 2)
        }
    }

    /// Availability with enough digits to tell 99.95% from 99.9497%.
    static func availability(_ value: Double?) -> String {
        value.map { UnitFormat.percent($0, decimals: 4) } ?? none
    }

    static func yesNo(_ value: Bool?) -> String {
        value.map { $0 ? "yes" : "NO" } ?? none
    }
}

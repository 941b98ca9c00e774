import LintelModel

/// Measured (concurrency, throughput) pairs for a USL fit, read from CSV.
public struct Measurements: Sendable, Codable, Equatable {
    public var concurrency: [Double]
    public var throughput: [Double]

    /// Largest CSV read: 10 MB.
    public static let maximumBytes = 10_000_000
    /// Most data rows read: 100,000.
    public static let maximumRows = 100_000

    public init(concurrency: [Double], throughput: [Double]) {
        self.concurrency = concurrency
        self.throughput = throughput
    }

    /// Parses CSV with a header row naming `concurrency` and `throughput` (any order, other
    /// columns ignored, `#` comment lines and blank lines skipped). Problems are located
    /// `file:line:col` diagnostics.
    public static func parseCSV(_ text: String, file: String) -> Result<Measurements, ModelLoadError> {
        // A load test gives tens to thousands of points; beyond these limits the file is not one.
        if text.utf8.count > maximumBytes {
            return .failure(ModelLoadError([Diagnostic("the file is larger than \(maximumBytes / 1_000_000) MB",
                                                       at: SourceLocation(file: file, line: 1, column: 1),
                                                       hint: "a USL fit needs a few dozen (concurrency, throughput) rows")]))
        }
        var diagnostics: [Diagnostic] = []
        var rows = 0
        var columns: (concurrency: Int, throughput: Int)?
        var headerCount = 0
        var result = Measurements(concurrency: [], throughput: [])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let lineNumber = offset + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            // Column positions of each cell, for diagnostics.
            var cells: [(text: String, column: Int)] = []
            var column = 1
            for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                cells.append((cell.trimmingCharacters(in: .whitespaces), column))
                column += cell.count + 1
            }
            guard let header = columns else {
                let names = cells.map { $0.text.lowercased() }
                guard let n = names.firstIndex(of: "concurrency"), let x = names.firstIndex(of: "throughput") else {
                    diagnostics.append(Diagnostic("the first row must be a header naming 'concurrency' and 'throughput'",
                                                  at: SourceLocation(file: file, line: lineNumber, column: 1),
                                                  hint: "for example:\nconcurrency,throughput\n1,64.9\n18,995.9"))
                    return .failure(ModelLoadError(diagnostics))
                }
                columns = (n, x)
                headerCount = cells.count
                continue
            }
            rows += 1
            if rows > maximumRows {
                diagnostics.append(Diagnostic("more than \(maximumRows) rows", at: SourceLocation(file: file, line: lineNumber, column: 1),
                                              hint: "a USL fit needs a few dozen (concurrency, throughput) rows"))
                break
            }
            if cells.count != headerCount {
                diagnostics.append(Diagnostic("expected \(headerCount) columns as in the header, found \(cells.count)",
                                              at: SourceLocation(file: file, line: lineNumber, column: 1)))
                continue
            }
            var values: [Double] = []
            for index in [header.concurrency, header.throughput] {
                guard index < cells.count else {
                    diagnostics.append(Diagnostic("expected \(max(header.concurrency, header.throughput) + 1) columns, found \(cells.count)",
                                                  at: SourceLocation(file: file, line: lineNumber, column: column)))
                    break
                }
                let cell = cells[index]
                guard let value = Double(cell.text), value.isFinite, value > 0 else {
                    diagnostics.append(Diagnostic("'\(cell.text)' is not a positive number",
                                                  at: SourceLocation(file: file, line: lineNumber, column: cell.column)))
                    break
                }
                values.append(value)
            }
            if values.count == 2 {
                result.concurrency.append(values[0])
                result.throughput.append(values[1])
            }
        }
        if columns == nil {
            diagnostics.append(Diagnostic("no header row: the file is empty", at: SourceLocation(file: file, line: 1, column: 1),
                                          hint: "the first row must be: concurrency,throughput"))
        } else if diagnostics.isEmpty, Set(result.concurrency).count < 3 {
            diagnostics.append(Diagnostic("a USL fit needs at least 3 rows with different concurrency, found \(Set(result.concurrency).count)",
                                          at: SourceLocation(file: file, line: max(1, lines.count), column: 1)))
        }
        return diagnostics.isEmpty ? .success(result) : .failure(ModelLoadError(diagnostics))
    }
}

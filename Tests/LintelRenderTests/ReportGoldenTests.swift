import Foundation
import LintelCapacity
import LintelModel
import LintelRender
import LintelSimulation
import Testing

/// Capacity and simulation reports of the order-system example in every format, compared byte for byte with files
/// a person has read. Re-record on purpose with `LINTEL_RECORD=1 swift test --filter ReportGoldenTests`, then read the diff.
@Suite("Golden reports of the order-system example")
struct ReportGoldenTests {
    static let recording = ProcessInfo.processInfo.environment["LINTEL_RECORD"] == "1"

    static func compare(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = RenderPaths.golden.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: RenderPaths.golden, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try #require(try? String(contentsOf: url, encoding: .utf8),
                                    "missing golden file \(url.path); record it with LINTEL_RECORD=1", sourceLocation: sourceLocation)
        #expect(text == expected, "\(name) differs from its golden file; if intended, re-record with LINTEL_RECORD=1",
                sourceLocation: sourceLocation)
    }

    /// The run every simulation golden file shows: a two-minute outage of the card processor, seed 1.
    static func simulation() throws -> SimulationReport {
        try Simulation.run(try loadExample("order-system.yaml"), scenario: "payment-outage", options: SimulationOptions(seed: 1))
    }

    @Test("The capacity report matches its golden file", arguments: ReportFormat.allCases)
    func capacity(format: ReportFormat) throws {
        let report = CapacityAnalyzer.analyze(try loadExample("order-system.yaml"))
        try Self.compare(try ReportOutput.capacity(report, format: format), "order-system.capacity.\(format.rawValue)")
    }

    @Test("The simulation report matches its golden file", arguments: ReportFormat.allCases)
    func simulation(format: ReportFormat) throws {
        try Self.compare(try ReportOutput.simulation(try Self.simulation(), format: format), "order-system.simulation.\(format.rawValue)")
    }

    @Test("The simulation's JSON leaves the series out and decodes back to the same report")
    func simulationJSON() throws {
        let report = try Self.simulation()
        let json = try ReportOutput.simulation(report, format: .json)
        var decoded = try JSONDecoder().decode(SimulationReport.self, from: Data(json.utf8))
        #expect(decoded.series.isEmpty && decoded.breakers == nil)
        decoded.series = report.series
        decoded.breakers = report.breakers
        #expect(decoded == report)
        let csv = try SimulationDocument.series(report, format: .csv)
        #expect(csv.split(separator: "\n").count == report.series.count + 1)
    }

    @Test("The capacity JSON decodes back to the same report")
    func capacityJSON() throws {
        let report = CapacityAnalyzer.analyze(try loadExample("order-system.yaml"))
        let json = try ReportOutput.capacity(report, format: .json)
        #expect(try JSONDecoder().decode(CapacityReport.self, from: Data(json.utf8)) == report)
    }
}

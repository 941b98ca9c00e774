import Foundation
import LintelImport
import LintelModel
@testable import LintelRender
import Testing

/// `lintel report` pages of every example and of an imported compose file, opened in a real headless Chromium
/// through the DevTools protocol (`Browser/check_report.py`): no console errors, no network requests, every section
/// in the DOM, the diagram and every chart drawn with a non-zero size, headings in order, tables with header cells,
/// no sideways scrolling at 1280 and 375 px. Screenshots and pages are kept in `.build/test-artifacts/`.
@Suite("lintel report pages in a real browser", .serialized)
struct ReportPageTests {
    static let artifacts = RenderPaths.repository.appendingPathComponent(".build/test-artifacts")
    static let corpus = RenderPaths.repository.appendingPathComponent("Tests/Corpus/robot-shop/docker-compose.yaml")

    /// Every example model, and the robot-shop compose file (imported on the fly, as `lintel report` does).
    static var cases: [String] { RenderPaths.exampleFiles + ["robot-shop-compose"] }

    static func model(_ name: String) throws -> Model {
        guard name == "robot-shop-compose" else { return try loadExample(name) }
        let imported = try #require(DeploymentFile.importFile(corpus.path, as: DeploymentFile.format(ofPath: corpus.path)))
        #expect(!imported.hasErrors)
        return imported.model
    }

    /// Scenarios capped at 60 simulated seconds so the suite stays quick; the page is the same shape in full.
    static func page(_ model: Model, dot: String? = GraphvizRunner.locate()) -> (SystemReport, String) {
        let options = SystemReport.Options(seed: 1, maxDuration: TimeSpan(seconds: 60), today: CalendarDate(year: 2026, month: 11, day: 20), dot: dot)
        let report = SystemReport.assemble(model, options: options)
        return (report, HTMLWriter().write(SystemReportDocument.build([report])))
    }

    struct Seen: Decodable {
        struct Chart: Decodable { var id: String; var size: [Double]; var title: Bool; var desc: Bool; var role: String? }
        var consoleErrors: [String]
        var requests: [String]
        var screenshots: [String]
        var present: [String]
        var diagram: [[Double]]
        var duplicateIds: [String]
        var ids: Int
        var charts: [Chart]
        var headings: [Int]
        var tablesWithoutHeaders: Int
        var externalReferences: Int
        var overflowX: Double
        var overflowX375: Double
    }

    static func chromium() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let found = path.split(separator: ":").map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        return try #require(found, "Chromium is not installed; scripts/test installs it (apt-get install chromium)")
    }

    static func open(_ html: String, name: String) throws -> Seen {
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let file = artifacts.appendingPathComponent("report-\(name).html")
        try Data(html.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", RenderPaths.tests.appendingPathComponent("Browser/check_report.py").path, try chromium(), file.path,
                             artifacts.appendingPathComponent("report-\(name)").path] + SystemReportDocument.sectionIDs
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "check_report.py failed: \(problems)")
        return try JSONDecoder().decode(Seen.self, from: data)
    }

    @Test("The page opens cleanly, offline, with every section, the diagram and every chart drawn", arguments: cases)
    func page(name: String) throws {
        let (report, html) = Self.page(try Self.model(name))
        let seen = try Self.open(html, name: name.replacingOccurrences(of: ".yaml", with: ""))
        #expect(seen.consoleErrors.isEmpty, "\(seen.consoleErrors)")
        #expect(seen.requests.isEmpty, "network requests: \(seen.requests)")
        #expect(seen.externalReferences == 0)
        #expect(seen.present == SystemReportDocument.sectionIDs)
        #expect(seen.diagram.count == 1 && seen.diagram.allSatisfy { $0[0] > 100 && $0[1] > 50 }, "\(seen.diagram)")
        let simulated = report.runs.filter { $0.report != nil }.count
        if report.model.flows.isEmpty {
            // An imported deployment has no flows: the page says why nothing was simulated.
            #expect(simulated == 0 && report.runs.allSatisfy { $0.problem?.contains("no flows") == true })
            #expect(html.contains("Not simulated: </span>the model has no flows"))
        } else {
            #expect(simulated == report.runs.count, "\(report.runs.map { $0.problem ?? "" })")
        }
        // Four charts per simulated scenario, and a fifth, the circuit breakers', when the model has a breaker.
        let breakerCharts = report.runs.filter { $0.report?.breakers?.isEmpty == false }.count
        #expect(seen.charts.count == 4 * simulated + breakerCharts)
        #expect(seen.charts.filter { $0.id.contains("-breakers-title") }.count == breakerCharts)
        #expect(seen.duplicateIds.isEmpty, "ids used twice: \(seen.duplicateIds)")
        for chart in seen.charts {
            #expect(chart.size[0] > 100 && chart.size[1] > 50 && chart.title && chart.desc && chart.role == "img")
        }
        #expect(seen.headings.first == 1 && seen.headings.filter { $0 == 1 }.count == 1)
        for (previous, next) in zip(seen.headings, seen.headings.dropFirst()) { #expect(next <= previous + 1, "\(seen.headings)") }
        #expect(seen.tablesWithoutHeaders == 0)
        #expect(seen.overflowX <= 0 && seen.overflowX375 <= 0, "the page scrolls sideways: \(seen.overflowX), \(seen.overflowX375) px")
        for shot in seen.screenshots { #expect(FileManager.default.fileExists(atPath: shot)) }
    }

    @Test("A page of two files (the same system twice, and another) has every id once in the DOM, each system's sections prefixed")
    func twoFiles() throws {
        let options = SystemReport.Options(seed: 1, maxDuration: TimeSpan(seconds: 30), today: CalendarDate(year: 2026, month: 11, day: 20))
        let order = try loadExample("order-system.yaml")
        let reports = [order, order, try loadExample("flash-sale.yaml")].map { SystemReport.assemble($0, options: options) }
        let html = HTMLWriter().write(SystemReportDocument.build(reports))
        let seen = try Self.open(html, name: "two-files")
        #expect(seen.duplicateIds.isEmpty, "ids used twice: \(seen.duplicateIds)")
        #expect(seen.ids > 50)
        #expect(seen.consoleErrors.isEmpty)
        #expect(seen.diagram.count == 3 && seen.diagram.allSatisfy { $0[0] > 100 && $0[1] > 50 }, "\(seen.diagram)")
        // Deterministic: the same inputs give the same page.
        #expect(html == HTMLWriter().write(SystemReportDocument.build(reports)))
        for index in 1...3 {
            for id in SystemReportDocument.sectionIDs { #expect(html.contains("id=\"\(id)-\(index)\""), "\(id)-\(index)") }
        }
    }

    @Test("The breaker chart of a scenario whose breaker opens is drawn with a non-zero size, its table headed")
    func breakerChart() throws {
        // payment-outage in full: card-processor is down from 60 s to 180 s, so the breakers on the way to it open.
        let options = SystemReport.Options(scenarios: ["payment-outage"], seed: 1, today: CalendarDate(year: 2026, month: 11, day: 20))
        let report = SystemReport.assemble(try loadExample("order-system.yaml"), options: options)
        let html = HTMLWriter().write(SystemReportDocument.build([report]))
        let opened = report.runs.filter { run in run.report?.breakers?.contains { $0.totalOpens > 0 } == true }
        #expect(!opened.isEmpty, "no scenario of order-system opens a breaker")
        let seen = try Self.open(html, name: "order-system-breakers")
        let charts = seen.charts.filter { $0.id.contains("-breakers-title") }
        #expect(charts.count == report.runs.filter { $0.report?.breakers != nil }.count)
        for chart in charts { #expect(chart.size[0] > 100 && chart.size[1] > 50 && chart.title && chart.desc) }
        #expect(html.contains("<th scope=\"col\">circuit breaker</th>"))
    }

    @Test("The checker itself sees console errors, network requests and missing sections")
    func checkerCanFail() throws {
        let html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body><h1>t</h1>"
            + "<img src=\"http://127.0.0.1:9/x.png\" alt=\"x\"><script>console.error('boom')</script></body></html>"
        let seen = try Self.open(html, name: "checker-self-test")
        #expect(seen.consoleErrors.contains { $0.contains("boom") })
        #expect(seen.requests.contains("http://127.0.0.1:9/x.png"))
        #expect(seen.present.isEmpty)
    }

    @Test("The page of the order-system example is byte-identical across runs and matches its golden file (diagram source instead of Graphviz's SVG, which varies by version)")
    func golden() throws {
        let model = try loadExample("order-system.yaml")
        let (_, first) = Self.page(model, dot: nil)
        let (_, second) = Self.page(model, dot: nil)
        #expect(first == second)
        // Locations name the example by its absolute path; the golden file holds it relative to the repository.
        let relative = first.replacingOccurrences(of: RenderPaths.examples.path + "/", with: "examples/")
        try ReportGoldenTests.compare(relative, "order-system.report.html")
    }
}

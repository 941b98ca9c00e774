import Foundation
import LintelModel
import Testing
@testable import LintelCapacity

@Suite("Capacity renderers and the USL CSV reader")
struct RenderTests {
    static let model = """
    lintel: 1
    system: shop
    requirements: { slo: { availability: 99.9%, latency_p99: 2s } }
    components:
      s: { kind: service, instances: 4, workers: 1, latency: 1s, calls: [ { to: db } ] }
      db: { kind: postgres, max_connections: 5, pool: 2, latency: { p50: 1ms, distribution: constant } }
      t: { kind: topic, partitions: 2, consumers: [w] }
      w: { kind: worker }
    flows:
      f: { entry: s, rate: 1/s, peak: 3.6/s }
    """

    @Test("Text and Markdown show the figures, the busiest component and its formulas")
    func textAndMarkdown() throws {
        let report = CapacityAnalyzer.analyze(try loadModel(Self.model))
        let text = CapacityRenderer.render(report, as: .text)
        #expect(text.contains("Busiest component: s"))
        #expect(text.contains("ρ = λ·H / (instances × workers)"))
        #expect(text.contains("Connection budgets"))
        let markdown = CapacityRenderer.render(report, as: .markdown)
        #expect(markdown.hasPrefix("# Capacity of shop\n"))
        #expect(markdown.contains("| component | kind |"))
        #expect(markdown.contains("|---|---|---:|"))
    }

    @Test("JSON round-trips to the same report and is byte-identical across runs")
    func json() throws {
        let model = try loadModel(Self.model)
        let first = CapacityRenderer.render(CapacityAnalyzer.analyze(model), as: .json)
        let second = CapacityRenderer.render(CapacityAnalyzer.analyze(model), as: .json)
        #expect(first == second)
        let decoded = try JSONDecoder().decode(CapacityReport.self, from: Data(first.utf8))
        #expect(decoded == CapacityAnalyzer.analyze(model))
        #expect(first.contains("\"formula\""))
    }

    @Test("The CSV reader takes the header in any order and locates bad cells")
    func csv() throws {
        let good = try Measurements.parseCSV("# measured\nthroughput, concurrency\n1,1\n1.8868,2\n\n3.0769,4\n", file: "m.csv").get()
        #expect(good.concurrency == [1, 2, 4])
        #expect(good.throughput == [1, 1.8868, 3.0769])
        guard case .failure(let error) = Measurements.parseCSV("concurrency,throughput\n1,1\n2,abc\n3,x\n", file: "m.csv") else {
            Issue.record("bad cells must fail")
            return
        }
        #expect(error.diagnostics.map(\.location.description) == ["m.csv:3:3", "m.csv:4:3"])
        #expect(error.diagnostics.first?.description.hasPrefix("m.csv:3:3: error: 'abc' is not a positive number") == true)
        guard case .failure(let header) = Measurements.parseCSV("n,x\n1,1\n", file: "m.csv") else {
            Issue.record("a missing header must fail")
            return
        }
        #expect(header.diagnostics.first?.location.line == 1)
    }

    @Test("The fit renderer reports α, β, γ, R² and the peak")
    func fitRender() throws {
        let data = Measurements(concurrency: [1, 2, 4, 6, 8, 10], throughput: [1, 1.8868, 3.0769, 3.5294, 3.5398, 3.3557])
        let fit = try USL.fit(concurrency: data.concurrency, throughput: data.throughput)
        let text = USLRenderer.render(fit, data: data, as: .text)
        #expect(text.contains("peak concurrency N* = √((1 − α)/β)"))
        #expect(text.contains("0.0200"))
        let json = USLRenderer.render(fit, data: data, as: .json)
        let doc = try JSONDecoder().decode(USLRenderer.Document.self, from: Data(json.utf8))
        #expect(abs((doc.peakConcurrency ?? 0) - 7) < 0.07)
    }
}

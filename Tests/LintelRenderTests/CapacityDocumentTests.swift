import Foundation
import LintelCapacity
import LintelModel
import LintelRender
import Testing

@Suite("Capacity and USL documents")
struct CapacityDocumentTests {
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
        let report = CapacityAnalyzer.analyze(try ModelLoader.load(text: Self.model, file: "shop.yaml").model)
        let text = try ReportOutput.capacity(report, format: .text)
        #expect(text.contains("Busiest component: s"))
        #expect(text.contains("ρ = λ·H / (instances × workers)"))
        #expect(text.contains("Connection budgets"))
        let markdown = try ReportOutput.capacity(report, format: .markdown)
        #expect(markdown.hasPrefix("# Capacity of shop\n"))
        #expect(markdown.contains("| component | kind |"))
        #expect(markdown.contains("|---|---|---:|"))
    }

    @Test("The fit document reports α, β, γ, R² and the peak; its JSON decodes")
    func fitRender() throws {
        let data = Measurements(concurrency: [1, 2, 4, 6, 8, 10], throughput: [1, 1.8868, 3.0769, 3.5294, 3.5398, 3.3557])
        let fit = try USL.fit(concurrency: data.concurrency, throughput: data.throughput)
        let text = try ReportOutput.usl(fit, measurements: data, format: .text)
        #expect(text.contains("peak concurrency N* = √((1 − α)/β)"))
        #expect(text.contains("0.0200"))
        let json = try ReportOutput.usl(fit, measurements: data, format: .json)
        let doc = try JSONDecoder().decode(USLDocument.Data.self, from: Data(json.utf8))
        #expect(abs((doc.peakConcurrency ?? 0) - 7) < 0.07)
    }
}

import Foundation
import LintelModel
import Testing

@Suite("Example models")
struct ExampleModelTests {
    @Test("every example loads without errors or warnings", arguments: Paths.exampleFiles)
    func loads(_ file: URL) throws {
        let loaded = try ModelLoader.load(path: file.path)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(!loaded.model.components.isEmpty)
        #expect(!loaded.model.flows.isEmpty)
    }

    @Test("there are the four examples the model issue asks for")
    func fourExamples() {
        let names = Set(Paths.exampleFiles.map { $0.deletingPathExtension().lastPathComponent })
        #expect(names.isSuperset(of: ["order-system", "analytics-platform", "django-monolith", "flash-sale"]))
    }

    @Test("the order system carries 10K orders/hour with Black Friday peaks of 100K/hour")
    func orderSystemRates() throws {
        let model = try ModelLoader.load(path: Paths.examples.appendingPathComponent("order-system.yaml").path).model
        let checkout = try #require(model.flows.first { $0.name == "checkout" })
        #expect(abs(checkout.rate.perSecond - 10_000.0 / 3600) < 1e-9)
        #expect(abs(checkout.peak.perSecond - 100_000.0 / 3600) < 1e-9)
        #expect(model.requirements.slo?.availability == 0.9995)
        #expect(model.requirements.slo?.latencyP99 == TimeSpan(seconds: 0.2))
    }

    @Test("the flash sale peaks at 10,000 orders per minute")
    func flashSaleRate() throws {
        let model = try ModelLoader.load(path: Paths.examples.appendingPathComponent("flash-sale.yaml").path).model
        let flow = try #require(model.flows.first)
        #expect(abs(flow.peak.perSecond - 10_000.0 / 60) < 1e-9)
        let steps = try #require(model.scenarios.first?.load)
        #expect(steps.map(\.at.seconds) == [0, 30, 330])
    }

    @Test("the analytics platform ingests 1M events/s at peak")
    func analyticsRate() throws {
        let model = try ModelLoader.load(path: Paths.examples.appendingPathComponent("analytics-platform.yaml").path).model
        let ingest = try #require(model.flows.first { $0.name == "ingest" })
        // share 99.9% of 400K/s average; peak scaled by traffic peak/average = 1M/400K.
        #expect(abs(ingest.rate.perSecond - 399_600) < 1e-6)
        #expect(abs(ingest.peak.perSecond - 999_000) < 1e-6)
    }
}

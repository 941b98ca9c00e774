import LintelCapacity
import LintelDesign
import LintelModel
import LintelReview
import Testing

/// Requirement sets generated from a seed (splitmix64), so a failure names the seed that reproduces it.
struct RequirementGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    /// A requirements file: team, traffic (`scale` multiplies both rates), SLO, consistency and 1–5 contexts.
    mutating func yaml(scale: Double = 1) -> String {
        let engineers = int(1...80)
        let teams = int(1...max(1, min(12, engineers / 3)))
        let average = Double(pick([1, 5, 20, 100, 400, 2_000, 8_000]))
        let peak = average * Double(int(2...10))
        var lines = [
            "lintel: 1", "system: generated", "requirements:",
            "  team: { engineers: \(engineers), teams: \(teams) }",
            "  traffic: { average: \(average * scale)/s, peak: \(peak * scale)/s, growth: \(pick(["1x", "1.5x", "2x", "3x"]))/year }",
            "  slo: { availability: \(pick(["99%", "99.5%", "99.9%", "99.95%"])), latency_p99: \(pick(["150ms", "250ms", "500ms", "1s"])) }",
            "  consistency: \(pick(["strong", "read-your-writes", "eventual"]))",
            "  compliance: [\(pick(["", "gdpr", "pci-dss, gdpr"]))]",
            "domain:", "  contexts:",
        ]
        let count = int(1...5)
        for index in 0..<count {
            lines.append("    c\(index):")
            lines.append("      entities:")
            lines.append("        E\(index):")
            var fields = ["name: string", "created_at: timestamp", "status: \"enum(a,b)\""]
            if index > 0, int(0...1) == 1 { fields.append("other_id: ref(E\(int(0...(index - 1))))") }
            if int(0...2) == 0 { fields.append("body: text") }
            if int(0...2) == 0 { fields.append("data: json") }
            lines.append("          fields: { \(fields.joined(separator: ", ")) }")
            let query = pick(["[ { by: [name] } ]", "[ { by: [name], order: created_at } ]", "[ { by: [body] } ]", "[]"])
            lines.append("          queries: \(fields.contains("body: text") || !query.contains("body") ? query : "[]")")
            lines.append("          volume: { rows: \(pick(["10K", "5M", "200M", "2B"])), writes: \(pick([0.5, 5, 50, 500, 5000]))/s, reads: \(pick([1, 50, 500, 5000, 20000]))/s }")
            if int(0...1) == 1 { lines.append("      events:"); lines.append("        Changed\(index): { fields: { id: uuid } }") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

@Suite("Design properties over generated requirement sets")
struct PropertyTests {
    static let seeds: [UInt64] = Array(1...16)

    @Test("a design never fails its own review at error level", arguments: seeds)
    func neverFailsOwnReview(seed: UInt64) throws {
        var generator = RequirementGenerator(state: seed)
        let input = try ModelLoader.load(text: generator.yaml(), file: "seed-\(seed).yaml").model
        let result = try Designer.design(input)
        let errors = Reviewer.review(result.model).findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "seed \(seed): \(errors.map { "\($0.ruleID): \($0.message)" })")
        let report = CapacityAnalyzer.analyze(result.model, options: CapacityOptions(months: 12))
        #expect(report.flows.allSatisfy { $0.meetsLatency != false && $0.meetsAvailability != false }, "seed \(seed)")
    }

    @Test("more load never yields fewer instances", arguments: Array(seeds.prefix(8)))
    func monotoneInLoad(seed: UInt64) throws {
        var low = RequirementGenerator(state: seed), high = RequirementGenerator(state: seed)
        let small = try Designer.design(try ModelLoader.load(text: low.yaml(scale: 1), file: "low.yaml").model)
        let large = try Designer.design(try ModelLoader.load(text: high.yaml(scale: 4), file: "high.yaml").model)
        for component in small.model.components {
            guard let grown = large.model.component(named: component.name) else { continue }
            #expect(grown.instances >= component.instances, "seed \(seed): \(component.name) \(component.instances) → \(grown.instances)")
            #expect((grown.partitions ?? 0) >= (component.partitions ?? 0), "seed \(seed): \(component.name) partitions")
        }
        let smallTotal = small.model.components.reduce(0) { $0 + $1.instances }
        let largeTotal = large.model.components.reduce(0) { $0 + $1.instances }
        #expect(largeTotal >= smallTotal)
    }
}

import Foundation
@testable import LintelModel
import Testing

/// Cycles above `CycleStructure.directLimit` members, solved by sweeps over their calls (`CycleSweeps`):
/// against the closed form of a ring and against Gauss–Jordan elimination on the same system.
@Suite("Semantic core: large cycles")
struct LargeCycleTests {
    /// A ring of `count` services, each calling the next `factor` times per request, the last calling the first;
    /// one flow of `rate`/s enters at c0 (in `order`, the declaration order of the components).
    static func ring(_ count: Int, factor: Double, rate: Double = 8, order: [Int]? = nil) throws -> SemanticModel {
        let lines = (order ?? Array(0..<count)).map { i in
            "  c\(i): { kind: service, latency: 1ms, calls: [ { to: c\((i + 1) % count), per_request: \(factor), timeout: 1s } ] }"
        }
        let text = "lintel: 1\nsystem: ring\ncomponents:\n" + lines.joined(separator: "\n") + "\nflows:\n  f: { entry: c0, rate: \(rate)/s }\n"
        return SemanticModel(try ModelLoader.load(text: text).model)
    }

    @Test("a ring of 300 with per_request 0.9: c_k receives λ·0.9^k / (1 − 0.9^300), in either declaration order",
          arguments: [false, true])
    func ringClosedForm(reversed: Bool) throws {
        let n = 300, factor = 0.9, rate = 8.0
        let s = try Self.ring(n, factor: factor, rate: rate, order: reversed ? Array((0..<n).reversed()) : nil)
        #expect(s.cycles.cutCycles.isEmpty)
        let arrivals = s.arrivals(flowRates: [rate])
        for k in 0..<n {
            let node = try #require(s.index["c\(k)"])
            let expected = rate * pow(factor, Double(k)) / (1 - pow(factor, Double(n)))
            #expect(abs(arrivals[node] - expected) <= 1e-9 * expected, "c\(k)")
        }
    }

    @Test("a ring of 300 with per_request 1 never terminates: one call is cut and every member gets λ once")
    func ringWithGainOne() throws {
        let s = try Self.ring(300, factor: 1)
        #expect(s.cycles.cutCycles.count == 1)
        #expect(s.cycles.cutCycles.first?.count == 300)
        #expect(s.graph.edges.filter(\.closesCycle).count == 1)
        #expect(s.arrivals(flowRates: [8]).allSatisfy { abs($0 - 8) < 1e-9 })
    }

    @Test("a ring of 300 whose gain is 1.001^300 ≈ 1.35 is cut too (the sweeps diverge)")
    func ringWithGainAboveOne() throws {
        let s = try Self.ring(300, factor: 1.001)
        #expect(s.cycles.cutCycles.count == 1)
    }

    @Test("sweeps equal Gauss–Jordan elimination on a random strongly connected graph of 320 members (4 calls each)",
          arguments: [UInt64(1), 2, 3])
    func sweepsMatchElimination(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        let n = 320
        var lines: [String] = []
        for i in 0..<n {
            // The ring keeps it strongly connected; three random calls make it irregular. Each member passes on
            // at most 0.6 of its load in all (spectral radius ≤ 0.6), so the system terminates.
            var calls = ["{ to: c\((i + 1) % n), per_request: \(String(format: "%.3f", 0.05 + 0.1 * random.unit())) }"]
            var targets: Set<Int> = [i, (i + 1) % n]
            while targets.count < 5 {
                let target = Int(random.next() % UInt64(n))
                guard targets.insert(target).inserted else { continue }
                calls.append("{ to: c\(target), per_request: \(String(format: "%.3f", 0.15 * random.unit())) }")
            }
            lines.append("  c\(i): { kind: service, calls: [ \(calls.joined(separator: ", ")) ] }")
        }
        var flows: [String] = []
        for f in 0..<5 { flows.append("  f\(f): { entry: c\(Int(random.next() % UInt64(n))), rate: \(1 + f)/s }") }
        let text = "lintel: 1\nsystem: mesh\ncomponents:\n" + lines.joined(separator: "\n") + "\nflows:\n" + flows.joined(separator: "\n") + "\n"
        let s = SemanticModel(try ModelLoader.load(text: text).model)
        #expect(s.cycles.cutCycles.isEmpty)
        let members = try #require(s.cycles.components.first { $0.count == n })
        let inverse = try #require(CycleStructure.inverse(members, s.graph))
        let sweeps = try #require(CycleSweeps(members, s.graph))
        for column in [0, 7, 99, 319] {
            var unit = [Double](repeating: 0, count: n)
            unit[column] = 1
            let swept = try #require(sweeps.solve(unit))
            for row in 0..<n {
                #expect(abs(swept[row] - inverse[row * n + column]) <= 1e-9 * max(1, inverse[row * n + column]))
            }
        }
    }
}

extension SplitMix {
    /// A uniform double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

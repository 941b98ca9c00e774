import Foundation
import LintelModel
import Testing
@testable import LintelCapacity

/// Copies of a call made one after another are the convolution power of its time grid. The fuzzer
/// found `per_request: 2147483648` (the core clamps copies to a million) taking a million
/// convolutions in capacity and review (issue 11); repeated squaring takes about forty.
@Suite("Repeated copies of a call")
struct RepeatedCopiesTests {
    static let step = 0.001

    /// The definition: count − 1 convolutions, one after another.
    static func naive(_ grid: LatencyGrid, _ count: Int) -> LatencyGrid {
        var result = grid
        for _ in 1..<count { result = result.convolved(with: grid) }
        return result
    }

    @Test("repeated(n) equals n − 1 successive convolutions cell by cell", arguments: [1, 2, 3, 4, 5, 7, 8, 9, 12, 37])
    func matchesDefinition(count: Int) {
        let grid = TimeDistribution.exponential(mean: 0.004).grid(step: Self.step, cells: 400)
        let fast = grid.repeated(count), slow = Self.naive(grid, count)
        let largest = zip(fast.mass, slow.mass).map { abs($0 - $1) }.max() ?? 0
        #expect(largest < 1e-12)
        #expect(abs(fast.overflow - slow.overflow) < 1e-12)
    }

    @Test("8 copies of an exponential with mean 10 ms are Erlang-8: mean 80 ms and its CDF at 100 ms")
    func erlang() {
        let mean = 0.01, n = 8
        let sum = TimeDistribution.exponential(mean: mean).grid(step: Self.step).repeated(n)
        #expect(abs(sum.mean - Double(n) * mean) < Double(n) * Self.step)
        // Erlang CDF: 1 − Σ_{k<n} e^(−λt)(λt)^k / k!
        let lt = 0.1 / mean
        var term = exp(-lt), tail = 0.0
        for k in 0..<n {
            tail += term
            term *= lt / Double(k + 1)
        }
        #expect(abs(sum.cdf(0.1) - (1 - tail)) < 0.01)
    }

    @Test("a million copies of a 1 ms call (1,000 s) on a 1 s grid: all the mass is beyond the grid")
    func millionCopies() {
        let grid = TimeDistribution.constant(0.001).grid(step: Self.step, cells: 1000)
        let sum = grid.repeated(1_000_000)
        #expect(sum.overflow == 1)
        #expect(sum.mass.allSatisfy { $0 == 0 })
    }

    @Test("capacity of a call made 2,147,483,648 times per request ends, with λ × per_request as the callee's arrival rate")
    func hugePerRequest() throws {
        let here = SourceLocation(file: "fuzz.yaml", line: 1, column: 1)
        var api = Component(name: "api", kind: .service, location: here)
        var call = Call(to: "db", location: here)
        call.perRequest = 2_147_483_648
        api.calls = [call]
        let db = Component(name: "db", kind: .postgres, location: here)
        let model = Model(system: "fuzz", components: [api, db],
                          flows: [Flow(name: "read", entry: "api", rate: Rate(perSecond: 1), location: here)], location: here)
        let report = CapacityAnalyzer.analyze(model)
        let arrival = try #require(report.components.first { $0.name == "db" }?.arrivalAverage.value)
        #expect(arrival == 2_147_483_648)
    }
}

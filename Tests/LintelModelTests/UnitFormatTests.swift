import Foundation
import Testing
@testable import LintelModel

/// `UnitFormat.number` formats without `String(format:)` where it can (issue 11: the C formatter was 9% of a
/// review at the model-size limit); the independent truth is the C library's printf, which rounds the exact
/// binary value.
@Suite("Unit format")
struct UnitFormatTests {
    /// printf's `%.Nf` with trailing zeros (and a bare point) removed, "-0" as "0": what `number` promises.
    static func printf(_ value: Double, _ decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    @Test("a million values of every magnitude and sign, at 0 to 6 decimals, format as printf does")
    func randomValues() {
        var generator = SplitMix(seed: 11)
        var mismatches: [String] = []
        for i in 0..<1_000_000 {
            let decimals = i % 7
            let magnitude = Double.random(in: -9...12, using: &generator)
            var value = pow(10, magnitude) * (Bool.random(using: &generator) ? 1 : -1)
            // A quarter of the values are short decimals (0.125, 2.675, 1.005): halves and near-halves in binary.
            if i % 4 == 0 { value = (value * 1000).rounded() / 1000 }
            let formatted = UnitFormat.number(value, decimals: decimals)
            if formatted != Self.printf(value, decimals), mismatches.count < 10 {
                mismatches.append("\(value) at \(decimals): \(formatted) against \(Self.printf(value, decimals))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test("exact binary halves round as printf does (to even), not away from zero", arguments: [
        (0.125, 2, "0.12"), (0.375, 2, "0.38"), (2.5, 0, "2"), (3.5, 0, "4"), (-0.125, 2, "-0.12"),
        (1.005, 2, "1"), (2.675, 2, "2.67"), (-0.0001, 2, "0"), (100, 3, "100"), (0.05, 1, "0.1"), (1e12, 2, "1000000000000"),
    ])
    func halves(_ example: (Double, Int, String)) {
        #expect(UnitFormat.number(example.0, decimals: example.1) == example.2)
        #expect(Self.printf(example.0, example.1) == example.2)
    }
}

/// The test target's seeded generator (HostileInputTests), so a failure reproduces.
extension SplitMix: RandomNumberGenerator {}

import Foundation
import Testing
@testable import LintelSimulation

@Suite("Random variates match their distributions")
struct SamplingTests {
    @Test("The inlined exponential agrees with the C library to a few units in the last place")
    func fastExpAgreesWithLibm() {
        var worst = 0.0
        var x = -60.0
        while x <= 60 {
            worst = max(worst, abs(fastExp(x) - exp(x)) / exp(x))
            x += 0.001_37
        }
        #expect(worst < 1e-15, "worst relative error \(worst)")
        #expect(fastExp(0) == 1)
        #expect(fastExp(-800) == exp(-800))
        #expect(fastExp(800) == .infinity)
        #expect(fastExp(.nan).isNaN)
    }

    @Test("Ziggurat normals have the standard normal's moments and tail probabilities")
    func zigguratIsStandardNormal() {
        let normals = Ziggurat()
        defer { normals.release() }
        var rng = Xoshiro256(seed: 42)
        let n = 2_000_000
        var sum = 0.0, squares = 0.0, fourth = 0.0
        var aboveOne = 0, aboveTwo = 0, inTail = 0
        for _ in 0..<n {
            let z = normals.normal(&rng)
            sum += z
            squares += z * z
            fourth += z * z * z * z
            if z > 1 { aboveOne += 1 }
            if z > 2 { aboveTwo += 1 }
            if abs(z) > Ziggurat.r { inTail += 1 }
        }
        let count = Double(n)
        // Tolerances are five standard errors of each estimate over n draws.
        #expect(abs(sum / count) < 5 / count.squareRoot())
        #expect(abs(squares / count - 1) < 5 * (2 / count).squareRoot())
        #expect(abs(fourth / count - 3) < 5 * (96 / count).squareRoot())
        // Reference probabilities from the complementary error function: P(Z > z) = erfc(z/√2)/2.
        for (observed, z) in [(aboveOne, 1.0), (aboveTwo, 2.0)] {
            let p = erfc(z / 2.0.squareRoot()) / 2
            #expect(abs(Double(observed) / count - p) < 5 * (p * (1 - p) / count).squareRoot(), "P(Z > \(z))")
        }
        let tail = erfc(Ziggurat.r / 2.0.squareRoot())
        #expect(abs(Double(inTail) / count - tail) < 5 * (tail / count).squareRoot(), "P(|Z| > r)")
    }
}

import Testing

/// The closed forms reproduce REFERENCE.md's published vectors, so a failure elsewhere is the engines'.
@Suite("Closed forms used by the cross-engine suite reproduce REFERENCE.md")
struct ClosedFormSelfTests {
    @Test("Erlang C: c = 4, λ = 3.6, μ = 1 → P(wait) 0.787753, Wq 1.969383 s")
    func erlangC() {
        #expect(abs(ClosedForm.erlangC(servers: 4, offered: 3.6) - 0.787753) < 1e-6)
        #expect(abs(ClosedForm.mmcWait(servers: 4, arrival: 3.6, serviceMean: 1) - 1.969383) < 1e-6)
    }

    @Test("Round-robin over 4 single-worker instances at λ 3.6, μ 1: Wq 5.383 s; random split: 9.0 s")
    func instances() {
        #expect(abs(ClosedForm.erlangArrivalWait(instances: 4, arrival: 3.6, serviceMean: 1) - 5.383) < 0.001)
        #expect(abs(ClosedForm.mm1Wait(arrival: 0.9, serviceMean: 1) - 9.0) < 1e-9)
    }

    @Test("M/M/1/6 at λ 0.8, μ 1: blocking 6.63%, Wq 1.868 s")
    func mmck() {
        let result = ClosedForm.mmck(servers: 1, queue: 5, arrival: 0.8, serviceMean: 1)
        #expect(abs(result.blocking - 0.0663) < 0.00005)
        #expect(abs(result.wait - 1.868) < 0.0005)
    }

    @Test("Retries under a timeout: m 100 ms, τ 150 ms, R 2 → 1.27292 attempts, 1.111% fail")
    func retries() {
        let result = ClosedForm.retries(timeout: 0.150, mean: 0.100, retries: 2)
        #expect(abs(result.attempts - 1.27292) < 0.000005)
        #expect(abs(result.failure - 0.01111) < 0.000005)
    }

    @Test("E[max] of exponentials: H_5 = 2.2833; a + b − ab/(a + b)")
    func maxima() {
        #expect(abs(ClosedForm.harmonic(5) - 2.283333) < 1e-6)
        #expect(abs(ClosedForm.maxOfTwoExponentials(1, 1) - 1.5) < 1e-12)
    }

    @Test("M/D/1 at ρ 0.8: Pollaczek–Khinchine gives ρs/(2(1 − ρ)) = 2 s")
    func md1() {
        #expect(abs(ClosedForm.pollaczekKhinchine(arrival: 0.8, mean: 1, secondMoment: 1) - 2) < 1e-12)
    }
}

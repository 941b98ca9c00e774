import Foundation

/// Queueing closed forms (REFERENCE.md, "Queueing" and "More closed forms"), written here
/// independently of LintelCapacity so the engines are tested against theory, not against themselves.
enum ClosedForm {
    /// Erlang C: probability an arrival waits in M/M/c with offered load a = λ/μ.
    static func erlangC(servers c: Int, offered a: Double) -> Double {
        var term = 1.0, sum = 1.0        // a^k / k! for k = 0
        for k in 1..<c {
            term *= a / Double(k)
            sum += term
        }
        let top = term * a / Double(c) / (1 - a / Double(c))   // a^c / c! · 1/(1 − ρ)
        return top / (sum + top)
    }

    /// M/M/c mean wait: C(c, a) / (cμ − λ).
    static func mmcWait(servers c: Int, arrival lambda: Double, serviceMean s: Double) -> Double {
        erlangC(servers: c, offered: lambda * s) / (Double(c) / s - lambda)
    }

    /// E_c/M/1 mean wait (round-robin over c single-worker instances, λ' = λ/c each):
    /// σ is the root in (0, 1) of σ = (cλ'/(cλ' + μ(1 − σ)))^c; Wq = σ/(μ(1 − σ)).
    static func erlangArrivalWait(instances c: Int, arrival lambda: Double, serviceMean s: Double) -> Double {
        let mu = 1 / s, rate = lambda   // cλ' = λ
        var sigma = 0.5
        // Fixed-point iteration converges monotonically from below for ρ < 1.
        for _ in 0..<10_000 {
            sigma = pow(rate / (rate + mu * (1 - sigma)), Double(c))
        }
        return sigma / (mu * (1 - sigma))
    }

    /// M/M/1 mean wait.
    static func mm1Wait(arrival lambda: Double, serviceMean s: Double) -> Double {
        let rho = lambda * s
        return rho * s / (1 - rho)
    }

    /// Pollaczek–Khinchine: Wq = λ E[S²] / (2(1 − ρ)).
    static func pollaczekKhinchine(arrival lambda: Double, mean: Double, secondMoment: Double) -> Double {
        lambda * secondMoment / (2 * (1 - lambda * mean))
    }

    /// M/M/c/K with K = c + queue places: blocking probability and mean wait of admitted requests.
    static func mmck(servers c: Int, queue: Int, arrival lambda: Double, serviceMean s: Double)
        -> (blocking: Double, wait: Double, utilisation: Double) {
        let a = lambda * s, k = c + queue
        var p = [Double](repeating: 0, count: k + 1)
        p[0] = 1
        for n in 1...k { p[n] = p[n - 1] * a / Double(min(n, c)) }
        let total = p.reduce(0, +)
        let probabilities = p.map { $0 / total }
        let blocking = probabilities[k]
        var lq = 0.0
        for n in c...k { lq += Double(n - c) * probabilities[n] }
        let admitted = lambda * (1 - blocking)
        return (blocking, lq / admitted, admitted * s / Double(c))
    }

    /// Harmonic number H_n: E[max of n i.i.d. exponentials] = m · H_n.
    static func harmonic(_ n: Int) -> Double { (1...n).reduce(0) { $0 + 1 / Double($1) } }

    /// E[max] of two independent exponentials with means a and b.
    static func maxOfTwoExponentials(_ a: Double, _ b: Double) -> Double { a + b - a * b / (a + b) }

    /// Attempts per request and failure probability with a per-attempt timeout τ on an
    /// exponential callee of mean m, R retries, no backoff: q = e^(−τ/m).
    static func retries(timeout tau: Double, mean m: Double, retries r: Int) -> (attempts: Double, failure: Double) {
        let q = exp(-tau / m)
        let attempts = (0...r).reduce(0) { $0 + pow(q, Double($1)) }
        return (attempts, pow(q, Double(r + 1)))
    }

    /// Log-normal fitted to p50 and p99 (semantics rule 1): mean and second moment.
    static func lognormal(p50: Double, p99: Double) -> (mean: Double, secondMoment: Double) {
        let sigma = log(p99 / p50) / 2.3263478740408408
        return (p50 * exp(sigma * sigma / 2), p50 * p50 * exp(2 * sigma * sigma))
    }

    /// Quantile p of S_a + S_b, two independent exponentials with means a ≠ b (hypoexponential):
    /// P(T > t) = (b·e^(−t/b) − a·e^(−t/a)) / (b − a), solved by bisection.
    static func hypoexponentialQuantile(_ p: Double, means a: Double, _ b: Double) -> Double {
        func survival(_ t: Double) -> Double { (b * exp(-t / b) - a * exp(-t / a)) / (b - a) }
        var low = 0.0, high = 100 * (a + b)
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if survival(middle) > 1 - p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// Mean of min(S, τ) for an exponential S of mean m: m(1 − e^(−τ/m)).
    static func truncatedExponentialMean(mean m: Double, timeout tau: Double) -> Double { m * (1 - exp(-tau / m)) }
}

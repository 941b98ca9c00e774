#!/usr/bin/env python3
"""Independent simulations measuring the error of Lintel's capacity approximations.

Each case simulates the queue directly (Kiefer-Wolfowitz recursion for FCFS multi-server
queues; SimPy for the bounded caller) and prints the simulated figure next to the formula
Lintel uses (re-stated here in a few lines so the comparison needs no Swift build).
Run: python3 Tests/LintelCapacityTests/Simulations/approximations.py  (numpy; simpy for case 4)
Numbers are recorded in docs/capacity.md.
"""
import heapq, math, random, sys

Z99 = 2.3263478740408408

def erlang_c(c, a):
    b = 1.0
    for k in range(1, c + 1):
        b = a * b / (k + a * b)
    return c * b / (c - a * (1 - b))

def mmc_wait(lam, s, c):
    a = lam * s
    return erlang_c(c, a) / (c / s - lam)

def sampler(kind, mean, rng, scv=None):
    if kind == "exp":
        return lambda: rng.expovariate(1 / mean)
    if kind == "const":
        return lambda: mean
    # log-normal with the given mean and SCV
    sigma = math.sqrt(math.log(1 + scv))
    mu = math.log(mean) - sigma * sigma / 2
    return lambda: rng.lognormvariate(mu, sigma)

def scv_of(kind, scv):
    return {"exp": 1.0, "const": 0.0}.get(kind, scv)

def fcfs_waits(arrivals, services, w):
    """FCFS w-server queue: waits by the Kiefer-Wolfowitz recursion (a heap of free times)."""
    free = [0.0] * w
    waits = []
    for t, s in zip(arrivals, services):
        f = heapq.heappop(free)
        start = max(t, f)
        waits.append(start - t)
        heapq.heappush(free, start + s)
    return waits

def poisson_arrivals(lam, n, rng):
    t, out = 0.0, []
    for _ in range(n):
        t += rng.expovariate(lam)
        out.append(t)
    return out

def klb(rho, ca, cs):
    if ca >= 1:
        return 1.0
    return math.exp(-2 * (1 - rho) * (1 - ca) ** 2 / (3 * rho * (ca + cs)))

def round_robin(c, w, rho, kind, scv, n, seed):
    rng = random.Random(seed)
    s = 1.0
    lam = rho * c * w / s
    arr = poisson_arrivals(lam, n, rng)
    draw = sampler(kind, s, rng, scv)
    total, count = 0.0, 0
    for i in range(c):
        sub = arr[i::c]
        waits = fcfs_waits(sub, [draw() for _ in sub], w)
        cut = len(waits) // 10  # warm-up
        total += sum(waits[cut:]); count += len(waits) - cut
    sim = total / count
    cs = scv_of(kind, scv)
    model = mmc_wait(lam / c, s, w) * (1 / c + cs) / 2 * klb(rho, 1 / c, cs)
    if w == 1 and kind == "exp":
        # exact E_c/M/1 root
        lo, hi = 0.0, 1 - 1e-12
        lp = lam / c
        for _ in range(200):
            m = (lo + hi) / 2
            if (c * lp / (c * lp + (1 - m) / s)) ** c - m > 0: lo = m
            else: hi = m
        model = lo * s / (1 - lo)
    return sim, model

def least_outstanding(c, w, rho, kind, scv, n, seed):
    rng = random.Random(seed)
    s = 1.0
    lam = rho * c * w / s
    draw = sampler(kind, s, rng, scv)
    free = [[0.0] * w for _ in range(c)]
    departures = [[] for _ in range(c)]
    t, waits = 0.0, []
    for _ in range(n):
        t += rng.expovariate(lam)
        for i in range(c):
            d = departures[i]
            while d and d[0] <= t: heapq.heappop(d)
        best = min(len(departures[i]) for i in range(c))
        choice = rng.choice([i for i in range(c) if len(departures[i]) == best])
        f = heapq.heappop(free[choice])
        start = max(t, f)
        end = start + draw()
        heapq.heappush(free[choice], end)
        heapq.heappush(departures[choice], end)
        waits.append(start - t)
    cut = n // 10
    sim = sum(waits[cut:]) / (n - cut)
    model = mmc_wait(lam, s, c * w) * (1 + scv_of(kind, scv)) / 2
    return sim, model

def mgck(c, places, rho, kind, scv, n, seed):
    """M/G/c/K: an event loop with a bounded queue."""
    rng = random.Random(seed)
    s = 1.0
    lam = rho * c / s
    draw = sampler(kind, s, rng, scv)
    K = c + places
    free = [0.0] * c
    in_system = []  # departure times of admitted customers
    t, blocked, waits = 0.0, 0, []
    for _ in range(n):
        t += rng.expovariate(lam)
        while in_system and in_system[0] <= t: heapq.heappop(in_system)
        if len(in_system) >= K:
            blocked += 1; continue
        f = heapq.heappop(free)
        start = max(t, f)
        end = start + draw()
        heapq.heappush(free, end); heapq.heappush(in_system, end)
        waits.append(start - t)
    # model: M/M/c/K with the mean, wait x (1+SCV)/2
    a = lam * s
    logs = [0.0]
    for k in range(1, K + 1):
        logs.append(logs[-1] + math.log(a) - math.log(min(k, c)))
    top = max(logs); p = [math.exp(x - top) for x in logs]; tot = sum(p); p = [x / tot for x in p]
    lq = sum((k - c) * p[k] for k in range(c + 1, K + 1))
    pk = p[K]
    wq = lq / (lam * (1 - pk)) * (1 + scv_of(kind, scv)) / 2
    return (blocked / n, sum(waits) / len(waits)), (pk, wq)

def tandem_p99(rho, kind, scv, n, seed):
    """Two M/G/1 stations in series: end-to-end p99 simulated vs the convolution of each station's
    response (wait: atom 1 − ρ plus exponential tail of mean Wq/ρ; service: its own law) vs summed p99s."""
    rng = random.Random(seed)
    s = 1.0
    lam = rho / s
    draw = sampler(kind, s, rng, scv)
    arr = poisson_arrivals(lam, n, rng)
    total = [0.0] * n
    times = arr
    resp_p99 = []
    for _ in range(2):
        free, out, resp = 0.0, [], []
        for t in times:
            start = max(t, free)
            free = start + draw()
            out.append(free); resp.append(free - t)
        total = [a + b for a, b in zip(total, resp)]
        resp_p99.append(sorted(resp[n // 10:])[int(0.99 * (n - n // 10))])
        times = out
    cut = n // 10
    sim = sorted(total[cut:])[int(0.99 * (n - cut))]
    # model on a grid (numpy convolution)
    import numpy as np
    cs = scv_of(kind, scv)
    wq = lam * (1 + cs) * s * s / (2 * (1 - rho))
    decay = rho / wq
    h = 0.005; N = 8000
    edges = (np.arange(N) + 0.5) * h
    def cdf_service(x):
        if kind == "exp": return 1 - np.exp(-x / s)
        if kind == "const": return (x >= s).astype(float)
        sigma = math.sqrt(math.log(1 + scv)); mu = math.log(s) - sigma * sigma / 2
        from math import erfc
        return np.array([0.5 * erfc(-(math.log(v) - mu) / (sigma * math.sqrt(2))) for v in x])
    def grid(cdf):
        c = cdf(edges); return np.diff(np.concatenate([[0.0], c]))
    wait = grid(lambda x: 1 - rho * np.exp(-decay * x))
    station = np.convolve(wait, grid(cdf_service))[:N]
    path = np.convolve(station, station)[:N]
    model = float(np.argmax(np.cumsum(path) >= 0.99) * h)
    one = float(np.argmax(np.cumsum(station) >= 0.99) * h)
    return sim, model, 2 * one, resp_p99

def bounded_caller(lam, workers, own, callee, callee_servers, kind, scv, n, seed):
    import simpy
    rng = random.Random(seed)
    d_own = sampler(kind, own, rng, scv); d_callee = sampler(kind, callee, rng, scv)
    env = simpy.Environment()
    caller = simpy.Resource(env, workers); server = simpy.Resource(env, callee_servers)
    waits, cresp = [], []
    def request():
        t = env.now
        with caller.request() as r:
            yield r
            waits.append(env.now - t)
            yield env.timeout(d_own())
            c0 = env.now
            with server.request() as q:
                yield q
                yield env.timeout(d_callee())
            cresp.append(env.now - c0)
    def source():
        for _ in range(n):
            yield env.timeout(rng.expovariate(lam))
            env.process(request())
    env.process(source()); env.run()
    cut = n // 10
    return sum(waits[cut:]) / (n - cut), sum(cresp[cut:]) / (n - cut)

def mva_fes(lam, workers, own, callee, servers, scv_hold):
    qd = callee / servers; delay = own + callee * (servers - 1) / servers
    q = 0.0; X = [0.0]; R = [0.0]
    for n in range(1, workers + 1):
        r = qd * (1 + q); x = n / (delay + r); q = x * r; X.append(x); R.append(r)
    w = [1.0]
    for n in range(1, workers + 1): w.append(w[-1] * lam / X[n])
    ratio = lam / X[workers]
    beyond = w[workers] * ratio / (1 - ratio); tot = sum(w) + beyond
    lq = w[workers] / tot * ratio / (1 - ratio) ** 2
    comp = sum((w[n] + (beyond if n == workers else 0)) / tot * X[n] for n in range(1, workers + 1))
    cr = sum((w[n] + (beyond if n == workers else 0)) / tot * X[n] * R[n] for n in range(1, workers + 1)) / comp
    return lq / lam * (1 + scv_hold) / 2, cr + callee * (servers - 1) / servers

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400_000
    print(f"# customers per run: {n}; seed 1")
    print("\n## round-robin E_c/G/w (Wq, s): simulated vs model")
    for c, w, rho, kind, scv in [(4, 1, 0.9, "exp", None), (4, 1, 0.9, "logn", 0.5), (4, 1, 0.7, "logn", 2.0),
                                  (3, 4, 0.9, "exp", None), (2, 8, 0.85, "logn", 0.5), (3, 4, 0.7, "const", None)]:
        sim, model = round_robin(c, w, rho, kind, scv, n, 1)
        print(f"c={c} w={w} rho={rho} {kind} scv={scv_of(kind, scv)}: sim {sim:.4f} model {model:.4f} error {100 * (model - sim) / sim:+.1f}%")
    print("\n## least-outstanding vs pooled M/G/(c·w) (Wq, s)")
    for c, w, rho, kind, scv in [(4, 1, 0.9, "exp", None), (4, 1, 0.7, "exp", None), (3, 4, 0.9, "exp", None), (3, 4, 0.8, "logn", 0.5)]:
        sim, model = least_outstanding(c, w, rho, kind, scv, n, 1)
        print(f"c={c} w={w} rho={rho} {kind}: sim {sim:.4f} pooled {model:.4f} error {100 * (model - sim) / sim:+.1f}%")
    print("\n## M/G/c/K: blocking and admitted Wq, simulated vs M/M/c/K with (1+SCV)/2")
    for c, places, rho, kind, scv in [(1, 5, 0.8, "exp", None), (1, 5, 0.8, "const", None), (4, 10, 0.9, "logn", 0.5), (4, 10, 1.2, "logn", 2.0)]:
        (pb, wq), (mpb, mwq) = mgck(c, places, rho, kind, scv, n, 1)
        print(f"c={c} K={c + places} rho={rho} {kind}: blocking sim {pb:.4f} model {mpb:.4f}; Wq sim {wq:.4f} model {mwq:.4f} ({100 * (mwq - wq) / wq:+.1f}%)")
    print("\n## tandem of two M/G/1 at rho, end-to-end p99: simulated vs convolution vs summed p99s")
    for rho, kind, scv in [(0.5, "exp", None), (0.8, "exp", None), (0.7, "logn", 0.5), (0.7, "const", None)]:
        sim, model, summed, each = tandem_p99(rho, kind, scv, n, 1)
        print(f"rho={rho} {kind}: sim {sim:.3f} convolution {model:.3f} ({100 * (model - sim) / sim:+.1f}%) summed p99s {summed:.3f} ({100 * (summed - sim) / sim:+.1f}%)")
    print("\n## bounded caller (SimPy): caller Wq and callee response, simulated vs MVA flow-equivalent server")
    m = min(n, 200_000)
    for lam, N, own, callee, cs, kind, scv in [(1.5, 1, 0.2, 0.3, 1, "exp", None), (2.0, 2, 0.1, 0.4, 1, "exp", None),
                                               (2.0, 2, 0.1, 0.4, 1, "logn", 0.5), (6.0, 8, 0.5, 0.1, 1, "exp", None),
                                               (10.0, 4, 0.1, 0.2, 2, "exp", None)]:
        simw, simr = bounded_caller(lam, N, own, callee, cs, kind, scv, m, 1)
        s2 = scv_of(kind, scv)
        hold_scv = ((1 + s2) * (own * own + callee * callee) + 2 * own * callee) / (own + callee) ** 2 - 1
        mw, mr = mva_fes(lam, N, own, callee, cs, hold_scv)
        print(f"lam={lam} N={N} own={own} callee={callee}x{cs} {kind}: Wq sim {simw:.4f} model {mw:.4f}; callee R sim {simr:.4f} model {mr:.4f} ({100 * (mr - simr) / simr:+.1f}%)")

if __name__ == "__main__":
    main()

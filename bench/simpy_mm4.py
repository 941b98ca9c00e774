"""M/M/4 (λ = 3.6/s, μ = 1/s) in SimPy, the same system as `lintel-bench simulation`.

Usage: python3 bench/simpy_mm4.py [CUSTOMERS]   (default 1,000,000)
Prints customers per second of wall time and the mean wait (Erlang C: 1.969383 s).
"""
import random
import sys
import time

import simpy

LAMBDA, MU, SERVERS = 3.6, 1.0, 4


def main() -> None:
    customers = int(float(sys.argv[1])) if len(sys.argv) > 1 else 1_000_000
    rng = random.Random(1)
    env = simpy.Environment()
    server = simpy.Resource(env, capacity=SERVERS)
    waits = [0.0, 0]

    def customer(env):
        arrived = env.now
        with server.request() as request:
            yield request
            waits[0] += env.now - arrived
            waits[1] += 1
            yield env.timeout(rng.expovariate(MU))

    def source(env):
        for _ in range(customers):
            yield env.timeout(rng.expovariate(LAMBDA))
            env.process(customer(env))

    env.process(source(env))
    start = time.perf_counter()
    env.run()
    elapsed = time.perf_counter() - start
    print(f"SimPy {simpy.__version__} M/M/4: {customers} customers in {elapsed:.2f} s = "
          f"{customers / elapsed / 1000:.1f} k customers/s; Wq {waits[0] / waits[1]:.4f} s (Erlang C 1.969383)")


if __name__ == "__main__":
    main()

"""A caller with few workers that holds its worker during a synchronous call to a callee.

The caller serves its own exponential work first, then calls the callee and waits for the answer,
holding its worker throughout; at most `caller workers` requests can wait at the callee.
Usage: bounded_caller.py ARRIVAL_RATE CALLER_WORKERS CALLER_MEAN CALLEE_WORKERS CALLEE_MEAN CUSTOMERS SEED
"""
import random
import sys

from common import Station, emit, simpy


def main():
    rate, caller_workers, caller_mean, callee_workers, callee_mean, customers, seed = float(sys.argv[1]), \
        int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
    rng = random.Random(seed)
    env = simpy.Environment()
    caller, callee = Station(env, caller_workers), Station(env, callee_workers)
    duration = customers / rate
    latency = {"sum": 0.0, "count": 0}

    def request():
        arrived = env.now
        with caller.resource.request() as worker:
            yield worker
            caller.waits += env.now - arrived
            caller.started += 1
            held = env.now
            yield env.timeout(rng.expovariate(1 / caller_mean))
            called = env.now
            with callee.resource.request() as slot:
                yield slot
                callee.waits += env.now - called
                callee.started += 1
                start = env.now
                yield env.timeout(rng.expovariate(1 / callee_mean))
                callee.busy += env.now - start
            caller.busy += env.now - held
        latency["sum"] += env.now - arrived
        latency["count"] += 1

    def source():
        while True:
            yield env.timeout(rng.expovariate(rate))
            env.process(request())

    env.process(source())
    env.run(until=duration)
    emit({"caller": caller.result(duration), "callee": callee.result(duration),
          "mean_latency": latency["sum"] / latency["count"]})


main()

"""An instant entry calling two services in one parallel group; each service queues (few workers).

The request ends when the slower of the two calls answers, so its latency is the maximum of two
correlated response times (both queues see the same arrivals): no closed form.
Usage: parallel_group.py ARRIVAL_RATE WORKERS_A MEAN_A WORKERS_B MEAN_B CUSTOMERS SEED
"""
import random
import sys

from common import Station, emit, simpy


def main():
    rate, workers_a, mean_a, workers_b, mean_b, customers, seed = float(sys.argv[1]), int(sys.argv[2]), \
        float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
    rng = random.Random(seed)
    env = simpy.Environment()
    a, b = Station(env, workers_a), Station(env, workers_b)
    duration = customers / rate
    latency = {"sum": 0.0, "count": 0}

    def call(station, mean):
        arrived = env.now
        with station.resource.request() as slot:
            yield slot
            station.waits += env.now - arrived
            station.started += 1
            start = env.now
            yield env.timeout(rng.expovariate(1 / mean))
            station.busy += env.now - start

    def request():
        arrived = env.now
        yield env.all_of([env.process(call(a, mean_a)), env.process(call(b, mean_b))])
        latency["sum"] += env.now - arrived
        latency["count"] += 1

    def source():
        while True:
            yield env.timeout(rng.expovariate(rate))
            env.process(request())

    env.process(source())
    env.run(until=duration)
    emit({"a": a.result(duration), "b": b.result(duration), "mean_latency": latency["sum"] / latency["count"]})


main()

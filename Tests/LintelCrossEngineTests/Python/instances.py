"""c instances of one worker each, every instance its own FIFO queue, exponential service.

round-robin: instance i gets every c-th arrival; random: each arrival picks an instance uniformly.
Usage: instances.py BALANCING INSTANCES ARRIVAL_RATE SERVICE_MEAN CUSTOMERS SEED
"""
import random
import sys

from common import Station, emit, simpy


def main():
    balancing, instances, rate, mean, customers, seed = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), \
        float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
    rng = random.Random(seed)
    env = simpy.Environment()
    stations = [Station(env, 1) for _ in range(instances)]
    duration = customers / rate
    latency = {"sum": 0.0, "count": 0}

    def request(station):
        arrived = env.now
        with station.resource.request() as slot:
            yield slot
            station.waits += env.now - arrived
            station.started += 1
            service = rng.expovariate(1 / mean)
            start = env.now
            yield env.timeout(service)
            station.busy += env.now - start
        latency["sum"] += env.now - arrived
        latency["count"] += 1

    def source():
        turn = 0
        while True:
            yield env.timeout(rng.expovariate(rate))
            if balancing == "round-robin":
                station = stations[turn % instances]
                turn += 1
            else:
                station = stations[rng.randrange(instances)]
            env.process(request(station))

    env.process(source())
    env.run(until=duration)
    waits = sum(s.waits for s in stations)
    started = sum(s.started for s in stations)
    emit({
        "utilisation": sum(s.busy for s in stations) / (duration * instances),
        "mean_wait": waits / started,
        "mean_latency": latency["sum"] / latency["count"],
        "customers": started,
    })


main()

"""Shared pieces of the independent simulators (SimPy) used by the cross-engine tests.

Each script simulates one small Lintel model from scratch, with no code from Lintel,
and prints one JSON object on stdout. Exit status 3 means SimPy is not installed.
"""
import json
import sys

try:
    import simpy  # noqa: F401  (imported here so every script fails the same clear way)
except ImportError:
    sys.stderr.write("SimPy is not installed: run `python3 -m pip install simpy` (CI's .ci/run installs it)\n")
    sys.exit(3)


class Station:
    """A pool of `servers` workers with one FIFO queue, measuring waits and busy time."""

    def __init__(self, env, servers):
        self.env = env
        self.servers = servers
        self.resource = simpy.Resource(env, capacity=servers)
        self.waits = 0.0
        self.started = 0
        self.busy = 0.0

    def result(self, duration):
        return {
            "utilisation": self.busy / (duration * self.servers),
            "mean_wait": self.waits / self.started if self.started else 0.0,
            "started": self.started,
        }


def emit(payload):
    json.dump(payload, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")

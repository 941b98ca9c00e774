#!/usr/bin/env python3
"""Writes the largest models Lintel's loader accepts, of two shapes (BENCHMARKS.md, "At the model-size limits").

    python3 bench/limit_models.py /tmp/limits      # writes layered10000.yaml and ring10000.yaml there

layered: 20 layers x 500 services; each service calls 3 distinct services of the next layer (random.sample,
seed 1) with a 2 s timeout and one retry; 100 flows enter the first layer at 1/s each (10^6 components x flows,
the loader's limit). ring: 10,000 services, each calling the next with per_request 0.9 (one terminating cycle).
"""
import os
import random
import sys


def layered(layers=20, width=500, flows=100, seed=1):
    rng = random.Random(seed)
    lines = ["lintel: 1", "system: layered", "components:"]
    for layer in range(layers):
        for i in range(width):
            calls = ""
            if layer + 1 < layers:
                targets = rng.sample(range(width), 3)
                calls = ", calls: [ " + ", ".join(
                    f"{{ to: s{layer + 1}_{t}, timeout: 2s, retries: 1 }}" for t in targets) + " ]"
            lines.append(f"  s{layer}_{i}: {{ kind: service, latency: 2ms, instances: 2{calls} }}")
    lines.append("flows:")
    lines += [f"  f{k}: {{ entry: s0_{k}, rate: 1/s }}" for k in range(flows)]
    return "\n".join(lines) + "\n"


def ring(n=10_000):
    lines = ["lintel: 1", "system: ring", "components:"]
    lines += [f"  c{i}: {{ kind: service, latency: 1ms, instances: 2, calls: [ {{ to: c{(i + 1) % n}, per_request: 0.9, timeout: 1s }} ] }}"
              for i in range(n)]
    lines += ["flows:", "  f: { entry: c0, rate: 10/s }"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(folder, exist_ok=True)
    for name, text in [("layered10000.yaml", layered()), ("ring10000.yaml", ring())]:
        with open(os.path.join(folder, name), "w") as out:
            out.write(text)

#!/usr/bin/env python3
"""Capacity against Lintel's own simulator, one small model per mechanism.

Runs `lintel capacity report --format json` and `lintel simulate --duration D --format json` on each
model below (flows have no `peak`, so capacity evaluates the same rate the simulator runs) and prints
utilisation, mean wait, arrivals and flow latency side by side.
Usage: python3 capacity_vs_simulate.py path/to/lintel [duration-scale]
"""
import json, subprocess, sys, tempfile, os

MODELS = {
    "mm4-round-robin": ("""
  s: { kind: service, instances: 4, workers: 1, load_balancing: round-robin, latency: { p50: 693.147ms, distribution: exponential } }
""", "f: { entry: s, rate: 3.6/s }", 300000),
    "mm4-random": ("""
  s: { kind: service, instances: 4, workers: 1, load_balancing: random, latency: { p50: 693.147ms, distribution: exponential } }
""", "f: { entry: s, rate: 3.6/s }", 300000),
    "mm4-least-outstanding": ("""
  s: { kind: service, instances: 4, workers: 1, load_balancing: least-outstanding, latency: { p50: 693.147ms, distribution: exponential } }
""", "f: { entry: s, rate: 3.6/s }", 300000),
    "e3g4-round-robin-lognormal": ("""
  s: { kind: service, instances: 3, workers: 4, latency: { p50: 100ms, p99: 400ms } }
""", "f: { entry: s, rate: 90/s }", 10000),
    "mm1-queue5": ("""
  s: { kind: service, instances: 1, workers: 1, queue: 5, latency: { p50: 693.147ms, distribution: exponential } }
""", "f: { entry: s, rate: 0.8/s }", 500000),
    "retries-timeout": ("""
  a: { kind: service, workers: 1000, latency: 1ms, calls: [ { to: b, timeout: 150ms, retries: 2 } ] }
  b: { kind: service, workers: 1000, latency: { p50: 69.3147ms, distribution: exponential } }
""", "f: { entry: a, rate: 100/s }", 5000),
    "parallel-group": ("""
  a: { kind: service, workers: 1000, latency: 1ms, calls: [ { to: b, parallel: g }, { to: c, parallel: g } ] }
  b: { kind: service, workers: 1000, latency: { p50: 69.3147ms, distribution: exponential } }
  c: { kind: service, workers: 1000, latency: { p50: 69.3147ms, distribution: exponential } }
""", "f: { entry: a, rate: 100/s }", 5000),
    "bounded-caller": ("""
  a: { kind: service, instances: 1, workers: 1, latency: { p50: 138.629ms, distribution: exponential }, calls: [ { to: b } ] }
  b: { kind: service, instances: 1, workers: 1, latency: { p50: 207.944ms, distribution: exponential } }
""", "f: { entry: a, rate: 1.5/s }", 300000),
    "tandem-lognormal": ("""
  a: { kind: service, instances: 1, workers: 1, latency: { p50: 8ms, p99: 40ms }, calls: [ { to: b } ] }
  b: { kind: service, instances: 2, workers: 2, latency: { p50: 10ms, p99: 60ms } }
""", "f: { entry: a, route: [b], rate: 30/s }", 10000),
    "rate-limit": ("""
  a: { kind: service, workers: 1000, latency: 1ms, rate_limit: 100/s, calls: [ { to: b } ] }
  b: { kind: service, workers: 1000, latency: 1ms }
""", "f: { entry: a, rate: 150/s }", 2000),
    "terminating-cycle": ("""
  a: { kind: service, workers: 1000, latency: 1ms, calls: [ { to: b, mode: async } ] }
  b: { kind: service, workers: 1000, latency: 1ms, calls: [ { to: a, mode: async, per_request: 0.5 } ] }
""", "f: { entry: a, rate: 5/s }", 20000),
}

def run(lintel, args):
    out = subprocess.run([lintel] + args, capture_output=True, text=True)
    return json.loads(out.stdout)

def main():
    lintel = sys.argv[1]
    scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    for name, (components, flow, duration) in MODELS.items():
        text = f"lintel: 1\nsystem: {name}\ncomponents:{components}flows:\n  {flow}\n"
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
            f.write(text); path = f.name
        cap = run(lintel, ["capacity", "report", path, "--format", "json"])
        sim = run(lintel, ["simulate", path, "--duration", f"{int(duration * scale)}s", "--format", "json"])
        os.unlink(path)
        print(f"## {name} ({int(duration * scale)} s simulated)")
        sims = {c["name"]: c for c in sim["components"]}
        for row in cap["components"]:
            s = sims.get(row["name"], {})
            print(f"  {row['name']}: λ cap {row['arrival'].get('value')} sim {s.get('attempts', 0) / (duration * scale):.4g}; "
                  f"ρ cap {row['utilisation'].get('value')} sim {s.get('utilisation')}; "
                  f"Wq cap {row['meanWait'].get('value')} sim {s.get('meanWait')}; rejected cap {row['rejected'].get('value')} sim {s.get('rejections', 0) / max(1, s.get('attempts', 1))}")
        for frow, fs in zip(cap["flows"], sim["flows"]):
            print(f"  flow {frow['name']}: mean cap {frow['latencyMean'].get('value')} sim {fs.get('meanLatency')}; "
                  f"p50 cap {frow['latencyP50'].get('value')} sim {fs.get('p50')}; p99 cap {frow['latencyP99'].get('value')} sim {fs.get('p99')}")

if __name__ == "__main__":
    main()

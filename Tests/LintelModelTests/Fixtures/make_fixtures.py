#!/usr/bin/env python3
"""Writes the broken-model fixtures. Each case marks the offending token with @@; the
script records that token's 1-based line:column in an `# expect:` header, so the
expected positions come from the fixture text, not from Lintel's output."""
import os, textwrap
HERE = os.path.dirname(os.path.abspath(__file__))
BASE = """lintel: 1
system: shop
components:
  gateway:
    kind: gateway
    public: true
    auth: jwt
    calls:
      - { to: orders, timeout: 1s }
  orders:
    kind: service
    instances: 2
    calls:
      - { to: inventory, timeout: 300ms, retries: 2 }
      - { to: db }
  inventory: { kind: service, instances: 2 }
  db: { kind: postgres, replicas: 1 }
  cache: { kind: redis }
  events: { kind: topic }
flows:
  checkout: { entry: gateway, route: [orders], rate: 40/s }
"""
CASES = {
 "unknown-top-level-key": (BASE.replace("system: shop", "system: shop\n@@sytem_name: x"), "unknown key 'sytem_name'"),
 "misspelt-component-key": (BASE.replace("    instances: 2\n    calls:", "    @@instnces: 2\n    calls:"), "did you mean 'instances'"),
 "unknown-kind": (BASE.replace("kind: service\n    instances: 2\n    calls", "kind: @@servise\n    instances: 2\n    calls"), "did you mean 'service'"),
 "missing-kind": (BASE.replace("  inventory: { kind: service, instances: 2 }", "  inventory: @@{ instances: 2 }"), "missing required key 'kind'"),
 "missing-system": (BASE.replace("system: shop\n", ""), "missing required key 'system'", (1, 1)),
 "bare-number-timeout": (BASE.replace("timeout: 300ms", "timeout: @@300"), "needs a unit"),
 "bare-number-rate": (BASE.replace("rate: 40/s", "rate: @@40"), "needs a unit"),
 "unknown-time-unit": (BASE.replace("timeout: 300ms", "timeout: @@300 parsecs"), "unknown time unit"),
 "hit-ratio-above-one": (BASE.replace("- { to: db }", "- { to: cache, hit_ratio: @@1.5 }\n      - { to: db }"), "between 0 and 1"),
 "availability-above-100": (BASE.replace("  db: { kind: postgres, replicas: 1 }", "  db: { kind: postgres, replicas: 1, availability: @@100.5% }"), "between 0% and 100%"),
 "zero-instances": (BASE.replace("  inventory: { kind: service, instances: 2 }", "  inventory: { kind: service, instances: @@0 }"), "at least 1"),
 "negative-retries": (BASE.replace("retries: 2", "retries: @@-1"), "at least 0"),
 "dangling-call": (BASE.replace("- { to: inventory,", "- { to: @@invntory,"), "did you mean 'inventory'"),
 "self-call": (BASE.replace("- { to: db }", "- { to: @@orders }"), "calls itself"),
 "duplicate-component": (BASE.replace("  cache: { kind: redis }", "  @@db: { kind: redis }"), "duplicate key 'db'", None),
 "flow-unknown-entry": (BASE.replace("entry: gateway", "entry: @@gatway"), "did you mean 'gateway'"),
 "flow-route-not-called": (BASE.replace("  checkout: { entry: gateway, route: [orders], rate: 40/s }", "  checkout: { entry: gateway, @@route: [inventory], rate: 40/s }"), "does not call 'inventory'"),
 "flow-without-rate": (BASE.replace("  checkout: { entry: gateway, route: [orders], rate: 40/s }", "  checkout: { entry: gateway, route: [orders], rate: 40/s }\n  @@browse: { entry: gateway }"), "needs a rate"),
 "fault-unknown-component": (BASE + "scenarios:\n  outage:\n    faults: [ @@{ at: 10s, for: 1m, component: inventroy, down: true } ]\n", "did you mean 'inventory'"),
 "fault-without-effect": (BASE + "scenarios:\n  outage:\n    faults: [ @@{ at: 10s, for: 1m, component: inventory } ]\n", "needs an effect"),
 "fault-too-many-instances-down": (BASE + "scenarios:\n  outage:\n    faults: [ @@{ at: 10s, for: 1m, component: inventory, instances_down: 3 } ]\n", "has 2 instances"),
 "list-where-string-expected": (BASE.replace("system: shop", "system: @@[shop, store]"), "must be string"),
 "calls-not-a-list": (BASE.replace("  inventory: { kind: service, instances: 2 }", "  inventory: { kind: service, instances: 2, calls: @@db }"), "must be a list"),
 "not-a-boolean": (BASE.replace("public: true", "public: @@maybe"), "true or false"),
 "on-miss-without-cache-call": (BASE.replace("- { to: db }", "- { to: db, on_miss: @@cache }"), "does not call it before"),
 "publishes-to-service": (BASE.replace("  inventory: { kind: service, instances: 2 }", "  inventory: { kind: service, instances: 2, publishes: [@@db] }"), "which is a postgres"),
 "unknown-field-type": (BASE + "domain:\n  contexts:\n    ordering:\n      entities:\n        Order:\n          fields: { total: @@money2 }\n", "unknown field type 'money2'"),
 "latency-p99-below-p50": (BASE.replace("  inventory: { kind: service, instances: 2 }", "  inventory: { kind: service, instances: 2, @@latency: { p50: 20ms, p99: 5ms } }"), "below p50"),
 "load-step-rate-and-scale": (BASE + "scenarios:\n  peak:\n    load: [ @@{ at: 0s, rate: 100/s, scale: 2x } ]\n", "exactly one of 'rate' or 'scale'"),
 "accept-unknown-component": (BASE + "accept:\n  - { @@rule: single-point-of-failure, component: cach, reason: ok }\n", "did you mean 'cache'"),
 "invalid-yaml-indentation": (BASE.replace("    public: true\n", "    public: true\n   @@auth2: jwt\n"), "invalid YAML"),
 "invalid-date": (BASE + "accept:\n  - { rule: x, reason: ok, until: @@2027-13-01 }\n", "is not a date"),
 "misspelt-backoff": (BASE.replace("retries: 2 }", "retries: 2, backoff: @@full-jiter }"), "did you mean 'full-jitter'"),
 "consumes-a-service": (BASE.replace("  inventory: { kind: service, instances: 2 }", "  inventory: { kind: service, instances: 2, @@consumes: [db] }"), "not a topic or queue"),
 "negative-duration": (BASE.replace("timeout: 1s", "timeout: @@-1s"), "must not be negative"),
 "list-instead-of-mapping": ("@@- lintel: 1\n- system: shop\n", "must be a mapping"),
 "scalar-document": ("@@just some text\n", "must be a mapping"),
 "empty-file": ("@@", "file is empty"),
 "operation-unknown-method": (BASE.replace("      - { to: db }\n", "      - { to: db }\n    operations:\n      get: { http: @@\"FETCH /v1/orders/{id}\", calls: [db] }\n"), "unknown HTTP method 'FETCH'"),
 "operation-duplicate-endpoint": (BASE.replace("      - { to: db }\n", "      - { to: db }\n    operations:\n      get: { http: \"GET /v1/orders/{id}\" }\n      read: { @@http: \"GET /v1/orders/{id}\" }\n"), "declared by both 'get' and 'read'"),
 "operation-unknown-entity": (BASE.replace("      - { to: db }\n", "      - { to: db }\n    operations:\n      get: { http: \"GET /v1/orders/{id}\", @@response: Ordr }\n") + "domain:\n  contexts:\n    ordering:\n      entities:\n        Order: { fields: { total: decimal } }\n", "did you mean 'Order'"),
 "flow-unknown-operation": (BASE.replace("      - { to: db }\n", "      - { to: db }\n    operations:\n      get: { http: \"GET /v1/orders/{id}\", calls: [db] }\n").replace("route: [orders], rate: 40/s", "operation: @@orders.gte, rate: 40/s"), "did you mean 'get'"),
 "json-syntax-error": ('{"lintel": 1, "system": "shop", "components": {"a": {"kind": @@"servise"}}}\n', "did you mean 'service'"),
}
for name, case in sorted(CASES.items()):
    text, message = case[0], case[1]
    at = text.find("@@")
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    if len(case) > 2 and case[2] is not None:
        line, column = case[2]
    body = text.replace("@@", "", 1)
    ext = ".json" if name.startswith("json") else ".yaml"
    header = f"# expect: {line + (0 if ext == '.json' or name == 'empty-file' else 1)}:{column}: {message}\n"
    path = os.path.join(HERE, "broken", name + ext)
    with open(path, "w") as f:
        if ext == ".json" or name == "empty-file":
            f.write(body)
            with open(path + ".expect", "w") as e: e.write(header)
        else:
            f.write(header + body)
print(len(CASES), "fixtures")

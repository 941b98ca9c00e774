"""The hostile models of Tests/LintelModelTests/HostileInputTests.swift, rebuilt as text for the MCP server.

Each entry: (label, model text, a phrase the located error must contain).
"""


def split_mix(seed):
    """SplitMix64 (Steele et al. 2014), as the Swift tests use, for the same garbage bytes."""
    state = seed
    mask = (1 << 64) - 1
    while True:
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        yield z ^ (z >> 31)


def hostile_models():
    laughs = "lintel: 1\nsystem: bomb\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in range(1, 10):
        laughs += f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]\n"
    laughs += "components: { x: { kind: service, holds: *a9 } }\n"
    yield "billion laughs", laughs, "too many nodes"

    depth = 20_000
    yield "deep nesting", "lintel: 1\nsystem: deep\ncomponents: " + "[" * depth + "]" * depth + "\n", "error"

    generator = split_mix(42)
    garbage = bytes(next(generator) & 0xFF for _ in range(4096))
    # JSON carries text, so the bytes arrive as Latin-1 characters; the NUL bytes among them stay NUL.
    yield "binary garbage", garbage.decode("latin-1"), "binary data"

    yield "empty", "", "empty"
    yield "only a comment", "   \n# only a comment\n", "empty"
    yield "a list", "- a\n- b\n", "found a list"
    yield "a scalar", "42\n", "found a scalar"
    for line in ["components: 5", "components: [a, b]", "flows: [x]", "requirements: yes", "components: { a: [1, 2] }",
                 "components: { a: { kind: [service] } }", "components: { a: { kind: service, latency: [1ms] } }",
                 "components: { a: { kind: service, calls: [ [b] ] } }", "accept: { rule: x }", "scenarios: { s: { load: 5 } }"]:
        yield f"wrong type: {line}", "lintel: 1\nsystem: s\n" + line + "\n", "error"
    many = "lintel: 1\nsystem: s\ncomponents:\n" + "".join(f"  c{index}: {{ kind: nope }}\n" for index in range(500))
    yield "500 errors", many, "more problems not shown"

"""Hostile input for the server: the hostile models of Tests/LintelModelTests/HostileInputTests.swift, rebuilt as text for the MCP server.

Each model: (label, model text, a phrase the located error must contain). Also paths that try to
leave the root, malformed arguments, and the checks that each is a tool error.
"""

import os
import shutil
import tempfile

from support import call, still_answers, text_of


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


def make_root_with_traps(repo):
    """A root holding symlinks and a FIFO that try to leave it, and a model reached through a symlink."""
    root = tempfile.mkdtemp(prefix="lintel-mcp-root-")
    shutil.copytree(os.path.join(repo, "examples"), os.path.join(root, "examples"))
    os.symlink("/etc", os.path.join(root, "link-out"))
    os.symlink("/etc/passwd", os.path.join(root, "escape.yaml"))
    os.mkfifo(os.path.join(root, "fifo.yaml"))
    os.makedirs(os.path.join(root, "models"))
    with open(os.path.join(root, "models", "real.yaml"), "w") as handle:
        with open(os.path.join(repo, "examples", "flash-sale.yaml")) as source:
            handle.write(source.read())
    os.symlink("models/real.yaml", os.path.join(root, "inside.yaml"))
    os.makedirs(os.path.join(root, "project"))
    with open(os.path.join(root, "project", "docker-compose.yaml"), "w") as handle:
        handle.write("services:\n  web:\n    image: nginx\n    environment:\n      - HOME_DIR=${HOME_DIR}\n")
    os.symlink("/etc/passwd", os.path.join(root, "project", ".env"))
    with open(os.path.join(root, "compose-env-out.yaml"), "w") as handle:
        handle.write("services:\n  web:\n    image: nginx\n    env_file: /etc/passwd\n")
    return root


async def hostile(session, checks, args, root_with_traps):
    for label, model, needle in hostile_models():
        result = await call(session, "check", {"model": model})
        checks.expect(result.get("isError") is True and needle in text_of(result), f"hostile {label}: a located tool error",
                      text_of(result)[:300])
        for line in text_of(result).splitlines()[:3]:
            if ": error: " in line:
                place = line.split(": error: ")[0].split(":")
                checks.expect(len(place) >= 3 and place[-1].isdigit() and place[-2].isdigit(),
                              f"hostile {label}: diagnostic is file:line:col", line)
                break
    await still_answers(session, checks, "hostile models")

    big = "lintel: 1\nsystem: big\n" + "#" * (20 * 1024 * 1024)
    result = await call(session, "review", {"model": big})
    checks.expect(result.get("isError") is True and "limit" in text_of(result), "a 20 MB model string is refused with the limit",
                  text_of(result)[:300])
    result = await call(session, "check", {"path": "a/" * (10 * 1024 * 1024)})
    checks.expect(result.get("isError") is True and len(text_of(result)) < 1000, "a 20 MB path is refused briefly",
                  text_of(result)[:300])
    result = await call(session, "check", {"model": "lintel: 1", "name": "x\n/etc/passwd:1:1: error: forged"})
    checks.expect(result.get("isError") is True and "one line" in text_of(result), "a name with a newline is refused",
                  text_of(result)[:300])
    result = await call(session, "explain", {"topic": "x" * (20 * 1024 * 1024)})
    checks.expect(result.get("isError") is True, "a 20 MB topic is refused", text_of(result)[:300])
    await still_answers(session, checks, "20 MB inputs")

    for path in ["/etc/passwd", "../../../../etc/passwd", "examples/../../outside.yaml", "link-out/passwd", "escape.yaml",
                 "fifo.yaml", "examples"]:
        result = await call(session, "check", {"path": path})
        checks.expect(result.get("isError") is True, f"path {path}: refused", text_of(result)[:300])
        checks.expect("root:x:" not in text_of(result), f"path {path}: nothing of the file leaks")
    result = await call(session, "check", {"path": "inside.yaml"})
    checks.expect(not result.get("isError"), "a file inside the root (through a symlink inside it) is read", text_of(result)[:300])
    result = await call(session, "import", {"path": "compose-env-out.yaml"})
    checks.expect(result.get("isError") is True and "outside" in text_of(result), "compose env_file outside the root is refused",
                  text_of(result)[:300])
    result = await call(session, "import", {"path": "project/docker-compose.yaml"})
    checks.expect(result.get("isError") is True and "outside" in text_of(result) and "root:x:" not in text_of(result),
                  "a compose .env that links outside the root is refused", text_of(result)[:300])
    result = await call(session, "import", {"model": "services:\n  web:\n    image: nginx\n    env_file: /etc/passwd\n"})
    checks.expect(result.get("isError") is True and "env_file" in text_of(result), "compose text naming an env_file is refused",
                  text_of(result)[:300])

    malformed = [
        ("check", {}, "give the model"),
        ("check", {"model": "lintel: 1", "path": "examples/flash-sale.yaml"}, "not both"),
        ("check", {"model": 42}, "must be a string"),
        ("check", {"modle": "x"}, "did you mean 'model'"),
        ("simulate", {"path": "examples/flash-sale.yaml", "seed": "seven"}, "integer"),
        ("simulate", {"path": "examples/flash-sale.yaml", "duration": "forever"}, "duration"),
        ("simulate", {"path": "examples/flash-sale.yaml", "scenario": "nope"}, "no scenario named"),
        ("capacity", {"path": "examples/flash-sale.yaml", "at": "-3x"}, "positive multiple"),
        ("render", {"path": "examples/flash-sale.yaml", "format": "svg"}, "must be one of"),
        ("render", {"path": "examples/flash-sale.yaml", "view": "sequence", "flow": "nope"}, "nope"),
        ("review", {"path": "examples/flash-sale.yaml", "today": "yesterday"}, "YYYY-MM-DD"),
        ("explain", {"topic": "no-such-rule"}, "neither a rule"),
    ]
    for tool, arguments, needle in malformed:
        result = await call(session, tool, arguments)
        checks.expect(result.get("isError") is True and needle in text_of(result), f"malformed {tool} {list(arguments)}: tool error",
                      text_of(result)[:300])
    try:
        await session.call_tool("no-such-tool", {})
        checks.expect(False, "an unknown tool is a protocol error")
    except Exception as error:  # the client raises the JSON-RPC error
        checks.expect("unknown tool" in str(error), "an unknown tool is a protocol error", error)
    await still_answers(session, checks, "malformed arguments")

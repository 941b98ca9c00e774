#!/usr/bin/env python3
"""Drives `lintel mcp` with the official MCP Python client over stdio, as an agent's client would.

Usage: mcp_driver.py --lintel PATH/TO/lintel --repo REPOSITORY_ROOT

Every tool is called on every example and its structured result compared with the JSON (or text)
the CLI prints for the same input; hostile and malformed input must give tool errors while the
server keeps answering; a long simulation is stopped by the time limit and by cancellation.
Prints one line per check and "N passed, M failed"; exits 1 when a check failed.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

from hostile_inputs import hostile_models

TODAY = "2026-06-01"  # review's acceptances expire against a fixed date, the same for CLI and server
EXPECTED_TOOLS = ["check", "review", "capacity", "simulate", "render", "import", "explain"]
# Simulated time per example: long enough to carry traffic, short enough for a debug build.
SIM_DURATION = {"analytics-platform.yaml": "50ms"}
LONG_RUN = {"path": "examples/analytics-platform.yaml", "duration": "1h"}


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def expect(self, condition, name, detail=""):
        if condition:
            self.passed += 1
            print(f"ok - {name}", flush=True)
        else:
            self.failed.append(name)
            print(f"not ok - {name}: {str(detail)[:2000]}", flush=True)
        return condition


def dump(model):
    """A pydantic result as plain JSON-shaped data with the protocol's camelCase names."""
    return model.model_dump(by_alias=True, exclude_none=True, mode="json")


class Lintel:
    """The CLI, run the way a person would, for the reference output."""

    def __init__(self, binary, repo):
        self.binary, self.repo = binary, repo
        self.env = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp")}

    def run(self, *arguments, ok=(0,)):
        done = subprocess.run([self.binary, *arguments], cwd=self.repo, env=self.env, capture_output=True, text=True, timeout=600)
        if done.returncode not in ok:
            raise RuntimeError(f"lintel {' '.join(arguments)} exited {done.returncode}: {done.stderr[:500]}")
        return done.stdout


def printed(text):
    """What the CLI's Terminal.output prints for `text`: a newline is added when missing."""
    return text if text.endswith("\n") else text + "\n"


def server_parameters(args, *extra, root=None):
    return StdioServerParameters(command=args.lintel, args=["mcp", "--root", root or args.repo, *extra], cwd=args.repo)


async def session_for(args, stack, *extra, root=None, errlog=None):
    streams = await stack.enter_async_context(stdio_client(server_parameters(args, *extra, root=root), errlog=errlog or sys.stderr))
    session = await stack.enter_async_context(ClientSession(*streams))
    return session, await session.initialize()


async def call(session, tool, arguments):
    return dump(await session.call_tool(tool, arguments))


async def still_answers(session, checks, after):
    result = await call(session, "check", {"path": "examples/flash-sale.yaml"})
    checks.expect(not result.get("isError") and result["structuredContent"]["valid"] is True,
                  f"server still answers after {after}", result)


def text_of(result):
    return "\n".join(block.get("text", "") for block in result.get("content", []))


async def discovery(session, initialized, checks, cli, repo):
    info = dump(initialized)
    checks.expect(info["serverInfo"]["name"] == "lintel", "initialise names the server lintel", info["serverInfo"])
    capabilities = info["capabilities"]
    checks.expect(all(key in capabilities for key in ("tools", "resources", "prompts")),
                  "initialise announces tools, resources and prompts", capabilities)

    tools = [dump(tool) for tool in (await session.list_tools()).tools]
    checks.expect([tool["name"] for tool in tools] == EXPECTED_TOOLS, "tools/list gives the seven tools in order",
                  [tool["name"] for tool in tools])
    for tool in tools:
        description = tool.get("description", "")
        checks.expect(description.endswith(".") and ". " not in description.rstrip("."),
                      f"{tool['name']}: described in one sentence", description)
        checks.expect(tool["inputSchema"].get("type") == "object" and tool["inputSchema"].get("properties"),
                      f"{tool['name']}: input schema is an object with properties", tool["inputSchema"])
        checks.expect(tool.get("outputSchema", {}).get("type") == "object", f"{tool['name']}: has an output schema")
        checks.expect(tool.get("annotations", {}).get("readOnlyHint") is True, f"{tool['name']}: annotated read-only")

    resources = {dump(r)["uri"]: dump(r) for r in (await session.list_resources()).resources}
    examples = sorted(name for name in os.listdir(os.path.join(repo, "examples")) if name.endswith(".yaml"))
    wanted = ["lintel://schema", "lintel://rules"] + [f"lintel://examples/{name}" for name in examples]
    checks.expect(all(uri in resources for uri in wanted), "resources/list has the schema, the rules and every example",
                  sorted(resources))
    schema = dump(await session.read_resource("lintel://schema"))["contents"][0]["text"]
    checks.expect(json.loads(schema) == json.loads(cli.run("schema")), "lintel://schema equals `lintel schema`")
    rules = dump(await session.read_resource("lintel://rules"))["contents"][0]["text"]
    checks.expect(printed(rules) == cli.run("rules", "--markdown"), "lintel://rules equals `lintel rules --markdown`")
    rule_uris = [uri for uri in resources if uri.startswith("lintel://rules/")]
    checks.expect(len(rule_uris) >= 10, "every rule has its own resource", len(rule_uris))
    for uri in rule_uris:
        text = dump(await session.read_resource(uri))["contents"][0]["text"]
        checks.expect(printed(text) == cli.run("explain", uri.rsplit("/", 1)[1]), f"{uri} equals `lintel explain`", text[:200])
    for name in examples:
        text = dump(await session.read_resource(f"lintel://examples/{name}"))["contents"][0]["text"]
        with open(os.path.join(repo, "examples", name), encoding="utf-8") as handle:
            checks.expect(text == handle.read(), f"lintel://examples/{name} is the shipped file byte for byte")

    prompts = [dump(p)["name"] for p in (await session.list_prompts()).prompts]
    checks.expect(prompts == ["review-architecture", "size-for-peak", "design-from-requirements"], "prompts/list gives three prompts", prompts)
    for name, arguments, tool in [("review-architecture", {"path": "examples/order-system.yaml"}, "review"),
                                  ("size-for-peak", {"path": "examples/order-system.yaml", "peak": "3x"}, "capacity"),
                                  ("design-from-requirements", {"requirements": "1000 orders/s, p99 200 ms"}, "check")]:
        messages = dump(await session.get_prompt(name, arguments))["messages"]
        text = messages[0]["content"]["text"]
        checks.expect(f"`{tool}`" in text and (arguments.get("path", "") in text or arguments.get("requirements", "") in text),
                      f"prompt {name} names the tools and its input", text[:300])


async def every_tool_on_every_example(session, checks, cli, repo):
    examples = sorted(name for name in os.listdir(os.path.join(repo, "examples")) if name.endswith(".yaml"))
    for name in examples:
        path = f"examples/{name}"
        with open(os.path.join(repo, path), encoding="utf-8") as handle:
            text = handle.read()
        inputs = {"path": {"path": path}, "text": {"model": text, "name": path}}

        for how, source in inputs.items():
            result = await call(session, "check", source)
            expected = cli.run("check", path).split(": ok: ", 1)[1]
            checks.expect(printed(result["structuredContent"]["summary"]) == expected, f"check {name} ({how}) equals the CLI", result)

            result = await call(session, "review", {**source, "today": TODAY})
            expected = json.loads(cli.run("review", "--format", "json", "--fail-on", "never", "--today", TODAY, path))
            checks.expect(result["structuredContent"] == expected, f"review {name} ({how}) equals `lintel review --format json`",
                          text_of(result)[:500])

        result = await call(session, "review", {"path": path, "today": TODAY})
        checks.expect(text_of(result) == cli.run("review", "--format", "json", "--fail-on", "never", "--today", TODAY, path),
                      f"review {name}: the text block is the CLI's JSON byte for byte")

        for options, flags in [({}, []), ({"at": "2x", "months": 6, "target_utilisation": "60%"},
                                          ["--at", "2x", "--months", "6", "--target-utilisation", "60%"])]:
            result = await call(session, "capacity", {"path": path, **options})
            expected = cli.run("capacity", "--format", "json", *flags, path)
            checks.expect(result["structuredContent"] == json.loads(expected) and text_of(result) == expected,
                          f"capacity {name} {flags} equals `lintel capacity --format json`", text_of(result)[:500])

        duration = SIM_DURATION.get(name, "2s")
        result = await call(session, "simulate", {"path": path, "seed": 7, "duration": duration})
        expected = cli.run("simulate", "--format", "json", "--seed", "7", "--duration", duration, path)
        checks.expect(result["structuredContent"] == json.loads(expected) and text_of(result) == expected,
                      f"simulate {name} equals `lintel simulate --format json`", text_of(result)[:500])

        for options, flags in [({}, []), ({"format": "dot", "group": "none", "load": True, "findings": True},
                                          ["--format", "dot", "--group", "none", "--load", "--findings"]),
                               ({"view": "sequence"}, ["--view", "sequence"]), ({"view": "context"}, ["--view", "context"])]:
            result = await call(session, "render", {"path": path, **options})
            if result.get("isError"):
                checks.expect(False, f"render {name} {flags}", text_of(result))
                continue
            expected = cli.run("render", *flags, path)
            checks.expect(printed(result["structuredContent"]["diagram"]) == expected, f"render {name} {flags} equals `lintel render`")

        result = await call(session, "import", {"path": path})
        checks.expect(result.get("isError") is True and "not a docker-compose file" in text_of(result),
                      f"import {name}: a Lintel model is a tool error, not a crash", result)

    corpus = [("Tests/Corpus/robot-shop/docker-compose.yaml", "compose"),
              ("Tests/Corpus/sock-shop/docker-compose.yml", "compose"),
              ("Tests/Corpus/online-boutique/kubernetes-manifests.yaml", "k8s"),
              ("Tests/Corpus/sock-shop/complete-demo.yaml", "k8s")]
    for path, kind in corpus:
        result = await call(session, "import", {"path": path})
        expected = cli.run("import", kind, path)
        checks.expect(not result.get("isError") and printed(result["structuredContent"]["model"]) == expected,
                      f"import {path} equals `lintel import {kind}`", text_of(result)[:300])
        result = await call(session, "import", {"path": path, "system": "renamed"})
        checks.expect(printed(result["structuredContent"]["model"]) == cli.run("import", kind, "--system", "renamed", path),
                      f"import {path} with a system name equals the CLI's --system")
        result = await call(session, "review", {"path": path, "today": TODAY})
        expected = json.loads(cli.run("review", "--format", "json", "--fail-on", "never", "--today", TODAY, path))
        checks.expect(result.get("structuredContent") == expected, f"review {path} (imported on the fly) equals the CLI",
                      text_of(result)[:300])

    topics = ["single-point-of-failure", "timeout", "components.*.calls.timeout", "CircuitBreaker", "retry-storm"]
    for topic in topics:
        result = await call(session, "explain", {"topic": topic})
        done = subprocess.run([cli.binary, "explain", topic], cwd=repo, capture_output=True, text=True)
        if done.returncode == 0:
            checks.expect(printed(result["structuredContent"]["text"]) == done.stdout, f"explain {topic} equals `lintel explain`")
        else:
            checks.expect(result.get("isError") is True, f"explain {topic}: unknown topic is a tool error as in the CLI", result)


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


def make_root_with_traps(repo):
    """A root holding symlinks and a FIFO that try to leave it, and a model reached through a symlink."""
    root = tempfile.mkdtemp(prefix="lintel-mcp-root-")
    import shutil
    shutil.copytree(os.path.join(repo, "examples"), os.path.join(root, "examples"))
    os.symlink("/etc", os.path.join(root, "link-out"))
    os.symlink("/etc/passwd", os.path.join(root, "escape.yaml"))
    os.mkfifo(os.path.join(root, "fifo.yaml"))
    os.makedirs(os.path.join(root, "models"))
    with open(os.path.join(root, "models", "real.yaml"), "w") as handle:
        with open(os.path.join(repo, "examples", "flash-sale.yaml")) as source:
            handle.write(source.read())
    os.symlink("models/real.yaml", os.path.join(root, "inside.yaml"))
    with open(os.path.join(root, "compose-env-out.yaml"), "w") as handle:
        handle.write("services:\n  web:\n    image: nginx\n    env_file: /etc/passwd\n")
    return root


async def time_limit(args, checks, stack):
    session, _ = await session_for(args, stack, "--time-limit", "2")
    result = await call(session, "simulate", LONG_RUN)
    checks.expect(result.get("isError") is True and "time limit" in text_of(result), "a simulation past --time-limit is stopped",
                  text_of(result)[:300])
    await still_answers(session, checks, "a timed-out simulation")


async def cancellation(args, checks, stack):
    with tempfile.NamedTemporaryFile("w+", prefix="lintel-mcp-err-", suffix=".log", delete=False) as errlog:
        session, _ = await session_for(args, stack, errlog=errlog)
        progress = []
        started = anyio.Event()
        returned = []

        async def on_progress(value, total, message):
            progress.append((value, total))
            started.set()

        scope = anyio.CancelScope()

        async def long_call():
            with scope:
                returned.append(await session.call_tool("simulate", LONG_RUN, progress_callback=on_progress))

        async with anyio.create_task_group() as group:
            group.start_soon(long_call)
            with anyio.fail_after(300):
                await started.wait()
            scope.cancel()
        checks.expect(progress and all(total == 100 for _, total in progress), "a long simulation reports progress out of 100",
                      progress[:5])
        checks.expect(not returned, "the cancelled simulation returns no result")
        await still_answers(session, checks, "a cancelled simulation")
        result = await call(session, "simulate", {"path": "examples/flash-sale.yaml", "duration": "1s"})
        checks.expect(result.get("isError") is True and "another simulation is running" in text_of(result),
                      "a second simulation is refused while the cancelled one winds down", text_of(result)[:300])
        with anyio.fail_after(30):
            while True:
                errlog.flush()
                with open(errlog.name) as handle:
                    if "cancelled by the client" in handle.read():
                        break
                await anyio.sleep(0.1)
        checks.expect(True, "the server logged the cancellation")


def raw_protocol(args, checks):
    """Malformed JSON-RPC on the wire: an error response, then the server answers the next request."""
    process = subprocess.Popen([args.lintel, "mcp", "--root", args.repo], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, cwd=args.repo)
    try:
        initialize = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                      "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}}
        process.stdin.write(b"this is not json\n{\"jsonrpc\": \"2.0\", \"id\": \n" + json.dumps(initialize).encode() + b"\n")
        process.stdin.flush()
        answers = [json.loads(process.stdout.readline()) for _ in range(3)]
        checks.expect(sum("error" in answer for answer in answers) == 2, "malformed JSON lines get JSON-RPC errors", answers)
        checks.expect(any(answer.get("id") == 1 and "result" in answer for answer in answers),
                      "the server then answers initialize", answers)
        # A message past the 64 MiB transport limit is refused unread; the next request is answered.
        huge = b'{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"check","arguments":{"model":"' \
            + b"x" * (70 * 1024 * 1024) + b'"}}}\n'
        process.stdin.write(huge + json.dumps({"jsonrpc": "2.0", "id": 3, "method": "ping"}).encode() + b"\n")
        process.stdin.flush()
        answers = {answer.get("id"): answer for answer in (json.loads(process.stdout.readline()) for _ in range(2))}
        checks.expect(answers.get(2, {}).get("error", {}).get("code") == -32600 and "limit" in answers[2]["error"]["message"],
                      "a 70 MB message is refused with the transport's limit", str(answers)[:300])
        checks.expect("result" in answers.get(3, {}), "the server answers the request after it", str(answers)[:300])
    finally:
        process.stdin.close()
        process.wait(timeout=30)
    checks.expect(process.returncode == 0, "the server exits 0 when the client closes stdin", process.returncode)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lintel", required=True)
    parser.add_argument("--repo", required=True)
    args = parser.parse_args()
    checks = Checks()
    cli = Lintel(args.lintel, args.repo)
    from contextlib import AsyncExitStack

    async with AsyncExitStack() as stack:
        session, initialized = await session_for(args, stack)
        await discovery(session, initialized, checks, cli, args.repo)
        await every_tool_on_every_example(session, checks, cli, args.repo)
    async with AsyncExitStack() as stack:
        root = make_root_with_traps(args.repo)
        session, _ = await session_for(args, stack, root=root)
        await hostile(session, checks, args, root)
    async with AsyncExitStack() as stack:
        await time_limit(args, checks, stack)
    async with AsyncExitStack() as stack:
        await cancellation(args, checks, stack)
    raw_protocol(args, checks)

    print(f"{checks.passed} passed, {len(checks.failed)} failed")
    for name in checks.failed:
        print(f"failed: {name}")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(anyio.run(main))

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
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

from cli_parity import design_on_every_requirement_set, every_tool_on_every_example
from hostile_inputs import hostile, make_root_with_traps
from support import Checks, Lintel, call, dump, printed, still_answers, text_of

EXPECTED_TOOLS = ["check", "review", "capacity", "simulate", "render", "import", "explain", "design"]
LONG_RUN = {"path": "examples/analytics-platform.yaml", "duration": "1h"}






def server_parameters(args, *extra, root=None):
    return StdioServerParameters(command=args.lintel, args=["mcp", "--root", root or args.repo, *extra], cwd=args.repo)


async def session_for(args, stack, *extra, root=None, errlog=None):
    streams = await stack.enter_async_context(stdio_client(server_parameters(args, *extra, root=root), errlog=errlog or sys.stderr))
    session = await stack.enter_async_context(ClientSession(*streams))
    return session, await session.initialize()





async def discovery(session, initialized, checks, cli, repo):
    info = dump(initialized)
    checks.expect(info["serverInfo"]["name"] == "lintel", "initialise names the server lintel", info["serverInfo"])
    capabilities = info["capabilities"]
    checks.expect(all(key in capabilities for key in ("tools", "resources", "prompts")),
                  "initialise announces tools, resources and prompts", capabilities)

    tools = [dump(tool) for tool in (await session.list_tools()).tools]
    checks.expect([tool["name"] for tool in tools] == EXPECTED_TOOLS, "tools/list gives the eight tools in order",
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
        values = [value for value, _ in progress]
        checks.expect(values == sorted(values) and len(set(values)) == len(values), "progress only increases", values[:10])
        checks.expect(not returned, "the cancelled simulation returns no result")
        await still_answers(session, checks, "a cancelled simulation")
        # The cancelled run stops its engine at its next time-series interval (Simulation.run's shouldStop): a second
        # simulation is refused only until then, and then runs; the long run alone would hold the gate for minutes.
        with anyio.fail_after(30):
            while True:
                result = await call(session, "simulate", {"path": "examples/flash-sale.yaml", "duration": "1s"})
                if not (result.get("isError") is True and "another simulation is running" in text_of(result)):
                    break
                await anyio.sleep(0.2)
        checks.expect(result.get("isError") is not True,
                      "the cancelled simulation stops its engine: a second simulation runs soon after", text_of(result)[:300])
        with anyio.fail_after(30):
            while True:
                errlog.flush()
                with open(errlog.name) as handle:
                    if "cancelled by the client" in handle.read():
                        break
                await anyio.sleep(0.1)
        checks.expect(True, "the server logged the cancellation")
    os.unlink(errlog.name)


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
        await design_on_every_requirement_set(session, checks, cli, args.repo)
    root = make_root_with_traps(args.repo)
    try:
        async with AsyncExitStack() as stack:
            session, _ = await session_for(args, stack, root=root)
            await hostile(session, checks, args, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
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

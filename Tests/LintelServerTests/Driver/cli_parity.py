"""Every tool on every example (and the deployment corpus), compared with the CLI's output for the same input."""

import json
import os
import subprocess
import tempfile

import yaml

from support import TODAY, call, printed, text_of

# Simulated time per example: long enough to carry traffic, short enough for a debug build.
SIM_DURATION = {"analytics-platform.yaml": "50ms"}


async def every_tool_on_every_example(session, checks, cli, repo):
    examples = sorted(name for name in os.listdir(os.path.join(repo, "examples")) if name.endswith(".yaml"))
    for name in examples:
        path = f"examples/{name}"
        with open(os.path.join(repo, path), encoding="utf-8") as handle:
            text = handle.read()
        inputs = {"path": {"path": path}, "text": {"model": text, "name": path}}

        for how, source in inputs.items():
            result = await call(session, "check", source)
            # The CLI prints the summary, then one line per flow with its dependency set; the tool's text ends with the same lines.
            summary, _, dependencies = cli.run("check", path).split(": ok: ", 1)[1].partition("\n")
            checks.expect(printed(result["structuredContent"]["summary"]) == summary + "\n", f"check {name} ({how}) equals the CLI", result)
            checks.expect(printed(text_of(result)).endswith(summary + "\n" + dependencies), f"check {name} ({how}) lists the CLI's dependency sets", result)

            result = await call(session, "review", {**source, "today": TODAY})
            expected = json.loads(cli.run("review", "--format", "json", "--fail-on", "never", "--today", TODAY, path))
            checks.expect(result["structuredContent"] == expected, f"review {name} ({how}) equals `lintel review --format json`",
                          text_of(result)[:500])

        # The same model as JSON text: YAML is a superset of JSON, so the loader reads it alike.
        as_json = json.dumps(yaml.safe_load(text), default=str)
        result = await call(session, "capacity", {"model": as_json, "name": path})
        checks.expect(result.get("structuredContent") == json.loads(cli.run("capacity", "--format", "json", path)),
                      f"capacity {name} given as JSON text equals the CLI on the YAML file", text_of(result)[:500])

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
        if name == "flash-sale.yaml":
            result = await call(session, "simulate", {"path": path, "seed": 3, "duration": "1s", "replications": 3})
            expected = cli.run("simulate", "--format", "json", "--seed", "3", "--duration", "1s", "--replications", "3", path)
            checks.expect(result.get("structuredContent") == json.loads(expected),
                          "simulate with 3 replications equals the CLI's", text_of(result)[:500])

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


async def design_on_every_requirement_set(session, checks, cli, repo):
    """`design` on every shipped requirement set: the same files, byte for byte, as `lintel design -o DIR`."""
    folder = os.path.join(repo, "examples", "requirements")
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".yaml")):
        path = f"examples/requirements/{name}"
        result = await call(session, "design", {"path": path})
        with tempfile.TemporaryDirectory(prefix="lintel-design-") as scratch:
            out = os.path.join(scratch, "out")
            cli.run("design", "-o", out, path)
            written = {}
            for base, _, files in os.walk(out):
                for file in files:
                    full = os.path.join(base, file)
                    with open(full, encoding="utf-8") as handle:
                        written[os.path.relpath(full, out)] = handle.read()
        content = result.get("structuredContent") or {}
        given = {item["path"]: item["contents"] for item in content.get("files", [])}
        checks.expect(not result.get("isError") and given == written,
                      f"design {name} gives the files `lintel design -o` writes", sorted(given) + ["/"] + sorted(written))
        checks.expect(content.get("document") == written.get("design.md") and text_of(result) == written.get("design.md"),
                      f"design {name}: the document is design.md")

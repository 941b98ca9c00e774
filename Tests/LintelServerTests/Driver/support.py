"""What the driver's parts share: the check counter, the CLI runner and result helpers."""

import os
import subprocess

TODAY = "2026-06-01"  # review's acceptances expire against a fixed date, the same for CLI and server

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


def dump(model):
    """A pydantic result as plain JSON-shaped data with the protocol's camelCase names."""
    return model.model_dump(by_alias=True, exclude_none=True, mode="json")


def printed(text):
    """What the CLI's Terminal.output prints for `text`: a newline is added when missing."""
    return text if text.endswith("\n") else text + "\n"


async def call(session, tool, arguments):
    return dump(await session.call_tool(tool, arguments))


async def still_answers(session, checks, after):
    result = await call(session, "check", {"path": "examples/flash-sale.yaml"})
    checks.expect(not result.get("isError") and result["structuredContent"]["valid"] is True,
                  f"server still answers after {after}", result)


def text_of(result):
    return "\n".join(block.get("text", "") for block in result.get("content", []))

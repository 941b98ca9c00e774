#!/usr/bin/env python3
"""Opens a `lintel report` page in a real headless Chromium through the DevTools protocol (over
--remote-debugging-pipe, Python standard library only) and prints what it saw as JSON:
console errors and exceptions, network requests other than the page itself, the sections present,
the size of every SVG, ids used more than once, the heading levels in order, tables without header cells, and screenshots.

usage: check_report.py CHROMIUM PAGE.html SCREENSHOT-PREFIX SECTION-ID...
"""
import base64, json, os, subprocess, sys, tempfile

chromium, page, prefix, sections = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3], sys.argv[4:]
url = "file://" + page

to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()
profile = tempfile.mkdtemp(prefix="lintel-chromium-")

def child_fds():
    os.dup2(to_chrome_r, 3)
    os.dup2(from_chrome_w, 4)

proc = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
     "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
     "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--mute-audio",
     "--remote-debugging-pipe", "--user-data-dir=" + profile, "about:blank"],
    pass_fds=(3, 4), preexec_fn=child_fds, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
writer = os.fdopen(to_chrome_w, "wb", buffering=0)
reader = os.fdopen(from_chrome_r, "rb", buffering=0)

buffer = b""
events = []
next_id = 0

def read_message():
    global buffer
    while b"\0" not in buffer:
        chunk = reader.read(1 << 16)
        if not chunk:
            raise SystemExit("chromium closed the DevTools pipe")
        buffer += chunk
    raw, buffer = buffer.split(b"\0", 1)
    return json.loads(raw)

def send(method, params=None, session=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    writer.write(json.dumps(message).encode() + b"\0")
    while True:
        reply = read_message()
        if reply.get("id") == next_id:
            if "error" in reply:
                raise SystemExit(f"{method}: {reply['error']}")
            return reply.get("result", {})
        events.append(reply)

def wait_for(method, session):
    for index, event in enumerate(events):
        if event.get("method") == method and event.get("sessionId") == session:
            return events.pop(index)
    while True:
        event = read_message()
        if event.get("method") == method and event.get("sessionId") == session:
            return event
        events.append(event)

result = {"consoleErrors": [], "requests": [], "screenshots": []}
try:
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        send(domain + ".enable", {}, session)
    for width in (1280, 375):
        send("Emulation.setDeviceMetricsOverride",
             {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600}, session)
        send("Page.navigate", {"url": url}, session)
        wait_for("Page.loadEventFired", session)
        layout = send("Page.getLayoutMetrics", {}, session)
        size = layout.get("cssContentSize") or layout["contentSize"]
        height = min(int(size["height"]), 16000)
        shot = send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                               "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}}, session)
        path = f"{prefix}-{width}.png"
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(shot["data"]))
        result["screenshots"].append(path)
        if width == 1280:
            script = """(() => {
              const sections = %s;
              const box = e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; };
              return JSON.stringify({
                present: sections.filter(id => document.getElementById(id) !== null),
                diagram: [...document.querySelectorAll('svg.diagram')].map(box),
                duplicateIds: (() => { const seen = new Set(), twice = new Set();
                  for (const e of document.querySelectorAll('[id]')) { if (seen.has(e.id)) twice.add(e.id); seen.add(e.id); }
                  return [...twice].sort(); })(),
                ids: [...document.querySelectorAll('[id]')].length,
                charts: [...document.querySelectorAll('svg.chart')].map(e => ({id: e.getAttribute('aria-labelledby') || '', size: box(e),
                  title: !!e.querySelector('title'), desc: !!e.querySelector('desc'), role: e.getAttribute('role')})),
                headings: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1])),
                tablesWithoutHeaders: [...document.querySelectorAll('table')].filter(t => !t.querySelector('th[scope]')).length,
                externalReferences: [...document.querySelectorAll('[src],[href],link,script[src],img')].length,
                overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
              });
            })()""" % json.dumps(sections)
            value = send("Runtime.evaluate", {"expression": script, "returnByValue": True}, session)
            result.update(json.loads(value["result"]["value"]))
        else:
            value = send("Runtime.evaluate", {"expression":
                "document.documentElement.scrollWidth - document.documentElement.clientWidth", "returnByValue": True}, session)
            result["overflowX375"] = value["result"]["value"]
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            result["consoleErrors"].append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            result["consoleErrors"].append(params.get("exceptionDetails", {}).get("text", "exception"))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            result["consoleErrors"].append(params["entry"].get("text", ""))
        elif method == "Network.requestWillBeSent":
            request = params.get("request", {}).get("url", "")
            if request != url:
                result["requests"].append(request)
    send("Browser.close")
finally:
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
print(json.dumps(result))

#!/usr/bin/env python3
"""Times how long headless Chromium takes to load and lay out gwlint HTML pages.

    scripts/html-load-time.py report.html [more.html ...]

Drives Chromium over the DevTools protocol (--remote-debugging-pipe, no network port):
opens each page in a fresh tab, waits for the load event, forces a full style and
layout pass, and prints the navigation timings the page itself measured
(domContentLoaded, load) plus the time until layout finished, in milliseconds.
Needs: chromium (Debian: apt-get install -y chromium).
"""
import json
import os
import subprocess
import sys
import tempfile
import time


def main(pages):
    profile = tempfile.mkdtemp(prefix="gwlint-chromium-")
    to_browser_r, to_browser_w = os.pipe()
    from_browser_r, from_browser_w = os.pipe()
    # The browser reads commands on fd 3 and writes replies on fd 4.
    def pipes_as_3_and_4():
        read, write = os.dup(to_browser_r), os.dup(from_browser_w)
        os.dup2(read, 3)
        os.dup2(write, 4)

    browser = subprocess.Popen(
        [
            os.environ.get("GWLINT_CHROMIUM", "chromium"),
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1280,900", "--remote-debugging-pipe",
            f"--user-data-dir={profile}", "about:blank",
        ],
        preexec_fn=pipes_as_3_and_4,
        close_fds=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(to_browser_r)
    os.close(from_browser_w)
    writer = os.fdopen(to_browser_w, "wb", buffering=0)
    reader = os.fdopen(from_browser_r, "rb", buffering=0)
    buffer = b""
    next_id = 0

    def send(method, params=None, session=None):
        nonlocal next_id
        next_id += 1
        message = {"id": next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        writer.write(json.dumps(message).encode() + b"\0")
        return next_id

    def wait(predicate):
        nonlocal buffer
        while True:
            while b"\0" not in buffer:
                chunk = reader.read(1 << 16)
                if not chunk:
                    raise SystemExit("chromium closed the pipe")
                buffer += chunk
            raw, buffer = buffer.split(b"\0", 1)
            message = json.loads(raw)
            if predicate(message):
                return message

    def call(method, params=None, session=None):
        sent = send(method, params, session)
        reply = wait(lambda m: m.get("id") == sent)
        if "error" in reply:
            raise SystemExit(f"{method}: {reply['error']}")
        return reply.get("result", {})

    print("page\tbytes\tdomContentLoaded_ms\tload_ms\tlaid_out_ms")
    for page in pages:
        target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        call("Page.enable", session=session)
        url = "file://" + os.path.abspath(page)
        started = time.monotonic()
        send("Page.navigate", {"url": url}, session)
        wait(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == session)
        timings = call(
            "Runtime.evaluate",
            {
                "expression": "(() => { const n = performance.getEntriesByType('navigation')[0];"
                " document.body.offsetHeight; getComputedStyle(document.body).color;"
                " return JSON.stringify([n.domContentLoadedEventEnd, n.loadEventEnd]); })()",
                "returnByValue": True,
            },
            session,
        )["result"]["value"]
        laid_out = (time.monotonic() - started) * 1000
        dcl, load = json.loads(timings)
        print(f"{page}\t{os.path.getsize(page)}\t{dcl:.0f}\t{load:.0f}\t{laid_out:.0f}")
        call("Target.closeTarget", {"targetId": target})
    browser.terminate()
    browser.wait()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1:])

"""Pages in headless Chromium as a phone and a laptop show them, for the browser test
and for ``make screenshots``.

Chromium is driven through its DevTools protocol (a WebSocket, spoken here with the
standard library): the page is loaded as a device of the given width would load it
(a phone's honours the page's viewport tag), measured by an expression evaluated in
the page, and photographed. The pages themselves hold no script and are not changed.

    python tests/browser.py REPORT_FOLDER OUT_FOLDER   # PNGs of the index, a section page and the overview
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

#: The widths a page must read at (CSS pixels): a phone's and a laptop's.
WIDTHS = (390, 1280)
PHONE_HEIGHT, DESKTOP_HEIGHT = 844, 900
#: The longest screenshot taken, in CSS pixels: enough to see the tables and charts.
SHOT_HEIGHT = 6000
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
)
TIMEOUT = 60

#: What is measured in a loaded page: the viewport's width and how wide the page
#: scrolls; every table's box, its font size and the nearest box around it that
#: scrolls sideways; every image's box and alt text; the scripts the page holds.
MEASURE = r"""
document.fonts.ready.then(function () {
  function box(e) { var r = e.getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width}; }
  function scroller(e) {
    for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      var o = getComputedStyle(p).overflowX;
      if (o === "auto" || o === "scroll") return p;
    }
    return null;
  }
  var all = Array.prototype.slice;
  return JSON.stringify({
    viewport: document.documentElement.clientWidth,
    scrollWidth: document.documentElement.scrollWidth,
    lang: document.documentElement.lang,
    viewportTag: !!document.querySelector('meta[name="viewport"]'),
    scripts: document.scripts.length,
    handlers: all.call(document.querySelectorAll("*")).filter(function (e) {
      return all.call(e.attributes).some(function (a) { return /^on/i.test(a.name); });
    }).length,
    tables: all.call(document.querySelectorAll("table")).map(function (t, n) {
      var s = scroller(t);
      return {n: n, box: box(t), font: parseFloat(getComputedStyle(t).fontSize), scroller: s ? box(s) : null};
    }),
    images: all.call(document.images).map(function (i) {
      return {box: box(i), natural: i.naturalWidth, alt: i.getAttribute("alt")};
    })
  });
})
"""


def chromium() -> str | None:
    """The Chromium on this machine, or None."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class DevTools:
    """One headless Chromium and a WebSocket to its page: ``call(method, **params)``.
    Used as a context manager, which ends the browser it started."""

    def __init__(self) -> None:
        exe = chromium()
        if exe is None:
            raise RuntimeError("no Chromium here")
        self.profile = tempfile.mkdtemp(prefix="pages-browser-")
        self.proc = subprocess.Popen([exe, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.sock = None
        self.events: list[dict] = []
        try:
            port = self._port()
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=TIMEOUT) as r:
                pages = [t for t in json.load(r) if t.get("type") == "page"]
            self._connect(port, pages[0]["webSocketDebuggerUrl"].split(str(port), 1)[1])
        except BaseException:
            self.close()
            raise

    def _port(self) -> int:
        active = Path(self.profile) / "DevToolsActivePort"
        end = time.monotonic() + TIMEOUT
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Chromium ended at start (status {self.proc.returncode})")
            try:
                lines = active.read_text().split()
                if lines:
                    return int(lines[0])
            except (OSError, ValueError):
                pass
            time.sleep(0.05)
        raise RuntimeError("Chromium did not open its DevTools port")

    def _connect(self, port: int, path: str) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise RuntimeError("the DevTools socket closed at the handshake")
            head += chunk
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError(f"no WebSocket: {head.splitlines()[0]!r}")

    def _send(self, text: str) -> None:
        data = text.encode()
        n = len(data)
        header = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else
                                  bytes([0x80 | 126]) + struct.pack(">H", n) if n < 1 << 16 else
                                  bytes([0x80 | 127]) + struct.pack(">Q", n))
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exact(self, n: int) -> bytes:
        out = bytearray()
        while len(out) < n:
            chunk = self.sock.recv(min(n - len(out), 1 << 20))
            if not chunk:
                raise RuntimeError("the DevTools socket closed")
            out += chunk
        return bytes(out)

    def _receive(self) -> dict:
        message = b""
        while True:
            b0, b1 = self._exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exact(8))[0]
            mask = self._exact(4) if b1 & 0x80 else None
            data = self._exact(n)
            if mask:
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
            opcode = b0 & 0x0F
            if opcode == 8:
                raise RuntimeError("the DevTools socket closed")
            if opcode in (0, 1, 2):
                message += data
                if b0 & 0x80:
                    return json.loads(message)

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self._send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            reply = self._receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, event: str) -> None:
        for n, e in enumerate(self.events):
            if e.get("method") == event:
                del self.events[: n + 1]
                return
        end = time.monotonic() + TIMEOUT
        while time.monotonic() < end:
            if self._receive().get("method") == event:
                return
        raise RuntimeError(f"no {event}")

    def open(self, page: Path, width: int) -> None:
        """Load ``page`` as a device ``width`` CSS pixels wide shows it: a phone (below
        600 px) honours the viewport tag and scales the page to fit, as phones do."""
        phone = width < 600
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=PHONE_HEIGHT if phone else DESKTOP_HEIGHT,
                  deviceScaleFactor=1, mobile=phone)
        self.events = []
        self.call("Page.enable")
        self.call("Page.navigate", url=page.resolve().as_uri())
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"in the page: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def screenshot(self, png: Path, width: int) -> None:
        height = min(self.evaluate("document.documentElement.scrollHeight"), SHOT_HEIGHT)
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
        png.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> "DevTools":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def measure(browser: DevTools, page: Path, width: int) -> dict:
    """What ``page`` looks like at ``width`` CSS pixels (see MEASURE)."""
    browser.open(page, width)
    return json.loads(browser.evaluate(MEASURE))


def problems(m: dict) -> list[str]:
    """What reads badly in a measured page: no viewport tag, a page wider than the
    screen, a table cut (neither fitting nor scrolling in a box of its own that
    fits), an image wider than the page, a script or an event handler."""
    out = []
    width = m["viewport"]
    if not m["viewportTag"]:
        out.append("no viewport tag")
    if m["scrollWidth"] > width + 1:
        out.append(f"the page scrolls sideways: {m['scrollWidth']}px wide in {width}px")
    for t in m["tables"]:
        fits = t["box"]["left"] >= -1 and t["box"]["right"] <= width + 1
        s = t["scroller"]
        scrolls = s is not None and s["left"] >= -1 and s["right"] <= width + 1
        if not (fits or scrolls):
            out.append(f"table {t['n']} is cut: {t['box']['left']:.0f}–{t['box']['right']:.0f}px in {width}px, "
                       "in no box of its own that scrolls")
    for n, i in enumerate(m["images"]):
        if i["box"]["right"] > width + 1 or i["box"]["left"] < -1:
            out.append(f"image {n} is wider than the page: {i['box']['left']:.0f}–{i['box']['right']:.0f}px in {width}px")
    if m["scripts"] or m["handlers"]:
        out.append(f"{m['scripts']} script(s), {m['handlers']} element(s) with an event handler")
    return out


def section_page(folder: Path, lang: str) -> Path:
    """The section page of a report folder, in ``lang``, with the most on it."""
    pages = [p for p in folder.glob("section-*.html") if p.name.endswith("-zh.html") == (lang == "zh")]
    if not pages:
        raise FileNotFoundError(f"no section page in {lang} in {folder}")
    return max(sorted(pages), key=lambda p: p.stat().st_size)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    folder, out = Path(argv[0]), Path(argv[1])
    if chromium() is None:
        print("no Chromium here: install it (Debian: apt-get install chromium)", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    pages = {"index": folder / "index.html"}
    for lang in ("en", "zh"):
        pages[f"section-{lang}"] = section_page(folder, lang)
        overview = folder / ("overview-zh.html" if lang == "zh" else "overview.html")
        if overview.is_file():
            pages[f"overview-{lang}"] = overview
    with DevTools() as browser:
        for name, page in pages.items():
            for width in WIDTHS:
                found = problems(measure(browser, page, width))
                png = out / f"{name}-{width}.png"
                browser.screenshot(png, width)
                print(f"{png}  {page.name}{'  reads badly: ' + '; '.join(found) if found else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

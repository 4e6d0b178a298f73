"""The HTML of both seeds in a real headless Chromium, checked through the browser's DOM.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: JSON
messages separated by NUL bytes on file descriptors 3 and 4), so the tests need no driver
binary and no Python package beyond the standard library; Selenium would add chromedriver and a
dependency for the same few commands. Visibility is what the rendering engine says after
layout and style (boxes, computed style, ``checkVisibility``), which a DOM dump cannot tell.
A screenshot of each page goes to tests/artifacts/ for people to look at.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from tei.io.xmlio import parse_xml
from tei.render.xslt import render_html
from tests.conftest import ROOT
from tests.test_render_foreign import FOREIGN, assert_all_in_order, body_texts

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "tests" / "artifacts"
TEI = {"t": "http://www.tei-c.org/ns/1.0"}
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--remote-debugging-pipe",
)
TIMEOUT = 60

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (Debian package 'chromium'; scripts/setup-system.sh)",
)


class DevTools:
    """The few DevTools protocol calls the tests need, over Chromium's debugging pipe."""

    def __init__(self, process: subprocess.Popen[bytes], send_fd: int, receive_fd: int) -> None:
        self.process = process
        self.send_fd = send_fd
        self.receive = os.fdopen(receive_fd, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a command (to the page once attached) and wait for its answer."""
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if self.session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self.send_fd, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            if "method" in answer:
                self.events.append(answer)

    def wait_for(self, method: str) -> dict[str, Any]:
        """The first event named ``method`` (seen already or still to come)."""
        for event in self.events:
            if event["method"] == method:
                return event
        while True:
            event = self._read()
            if "method" in event:
                self.events.append(event)
                if event["method"] == method:
                    return event

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            chunk = self.receive.read(65536)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)


def _high_fd(fd: int) -> int:
    return fcntl.fcntl(fd, fcntl.F_DUPFD, 10)


@contextlib.contextmanager
def chromium() -> Iterator[DevTools]:
    """A fresh headless Chromium with its own profile, attached to one blank page."""
    to_browser_read, to_browser_write = os.pipe()
    from_browser_read, from_browser_write = os.pipe()
    # the child's fds 3 and 4 are the pipe ends; duplicated high first so neither clobbers
    # the other when the pipes happen to be numbered 3 or 4 already
    child_read, child_write = _high_fd(to_browser_read), _high_fd(from_browser_write)

    def plumb() -> None:
        os.dup2(child_read, 3)
        os.dup2(child_write, 4)

    with tempfile.TemporaryDirectory(prefix="tei-chromium-") as profile:
        process = subprocess.Popen(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=plumb,
        )
        for fd in (to_browser_read, from_browser_write, child_read, child_write):
            os.close(fd)
        tools = DevTools(process, to_browser_write, from_browser_read)
        try:
            target = tools.call("Target.createTarget", url="about:blank")["targetId"]
            tools.session = tools.call("Target.attachToTarget", targetId=target, flatten=True)[
                "sessionId"
            ]
            for domain in ("Page", "Runtime", "Log", "Network"):
                tools.call(f"{domain}.enable")
            yield tools
        finally:
            with contextlib.suppress(Exception):
                tools.call("Browser.close")
            try:
                process.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            os.close(to_browser_write)
            tools.receive.close()


#: what the tests read from the page after layout; visible = has a box, is styled visible
PROBE = """(() => {
  const shown = el => {
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
      && style.display !== 'none' && Number(style.opacity) > 0
      && el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  };
  const meta = document.querySelector('body > header dl.metadata');
  return {
    lang: document.documentElement.lang,
    landmarks: ['body > header', 'body > main', 'body > footer', 'h1']
      .filter(s => document.querySelector(s)),
    metadata: meta && {shown: shown(meta),
      terms: [...meta.querySelectorAll('dt')].filter(shown).map(d => d.textContent)},
    points: [...document.querySelectorAll('main ol.points > li')].map(li => ({
      label: li.querySelector('.lead')?.textContent.trim(), shown: shown(li)})),
    marks: [...document.querySelectorAll('main .ed')].map(el => {
      const style = getComputedStyle(el), around = getComputedStyle(el.parentElement);
      const spoken = el.querySelector(':scope > .vh');
      return {text: el.textContent.replace(spoken ? spoken.textContent : '', ''),
        title: el.title, shown: shown(el),
        spoken: spoken ? spoken.textContent : null,
        spokenHidden: spoken ? spoken.getBoundingClientRect().width <= 1 : null,
        distinct: style.color !== around.color || style.backgroundColor !== around.backgroundColor};
    }),
    persons: [...document.querySelectorAll('main a.person')].map(a => ({
      href: a.getAttribute('href'),
      target: !!document.getElementById(a.getAttribute('href').slice(1))})),
  };
})()"""


def _open(tools: DevTools, page: Path) -> dict[str, Any]:
    tools.call("Page.navigate", url=page.as_uri())
    tools.wait_for("Page.loadEventFired")
    result = tools.call("Runtime.evaluate", expression=PROBE, returnByValue=True)
    return result["result"]["value"]


def _screenshot(tools: DevTools, path: Path) -> None:
    """The whole page at a desktop width, as a PNG."""
    size = tools.call("Page.getLayoutMetrics")["cssContentSize"]
    tools.call(
        "Emulation.setDeviceMetricsOverride",
        width=1000,
        height=min(int(size["height"]) + 1, 16000),
        deviceScaleFactor=1,
        mobile=False,
    )
    data = tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(data))


def _problems(tools: DevTools) -> list[str]:
    """Console errors, uncaught exceptions and error log entries the page caused."""
    found = []
    for event in tools.events:
        params = event.get("params", {})
        if event["method"] == "Runtime.exceptionThrown":
            found.append(str(params["exceptionDetails"].get("text")))
        elif event["method"] == "Runtime.consoleAPICalled" and params["type"] in (
            "error",
            "assert",
            "warning",
        ):
            found.append(json.dumps(params["args"]))
        elif event["method"] == "Log.entryAdded" and params["entry"]["level"] in (
            "error",
            "warning",
        ):
            found.append(params["entry"]["text"])
    return found


def _requests(tools: DevTools) -> list[str]:
    return [
        event["params"]["request"]["url"]
        for event in tools.events
        if event["method"] == "Network.requestWillBeSent"
    ]


@pytest.mark.parametrize("stem", ["000_4a28453c626bc618", "001_552a14868e1716bc"])
def test_seed_html_in_chromium(stem: str, seed_tei: dict[str, bytes], tmp_path: Path) -> None:
    tree = etree.ElementTree(etree.fromstring(seed_tei[stem]))
    page = tmp_path / f"{stem}.html"
    page.write_bytes(render_html(tree))
    with chromium() as tools:
        seen = _open(tools, page)
        _screenshot(tools, ARTIFACTS / f"{stem}.png")
        tools.call("Emulation.setEmulatedMedia", media="print")
        printed = tools.call("Runtime.evaluate", expression=PROBE, returnByValue=True)
        printed = printed["result"]["value"]
        problems, requests = _problems(tools), _requests(tools)

    assert problems == []
    assert requests == [page.as_uri()], "the page must load nothing but itself"
    assert seen["lang"] == "en"
    assert seen["landmarks"] == ["body > header", "body > main", "body > footer", "h1"]

    header = tree.find(".//t:teiHeader", TEI)
    assert seen["metadata"]["shown"]
    terms = seen["metadata"]["terms"]
    for term in ("Date", "From → to", "Archive", "Summary", "Published by", "Citation"):
        assert term in terms
    if header.find(".//t:correspAction[@type='transmitted']", TEI) is not None:
        assert "Via" in terms
    if header.find(".//t:textLang", TEI) is not None:
        assert "Original language" in terms

    labels = [label.text for label in tree.iterfind(".//t:div[@type='point']/t:label", TEI)]
    assert labels, "the seeds have numbered points"
    assert [point["label"] for point in seen["points"]] == labels
    assert all(point["shown"] for point in seen["points"])

    body = tree.find(".//t:text", TEI)
    editorial = body.xpath(
        ".//t:supplied | .//t:ellipsis | .//t:gap | .//t:choice/t:reg | .//t:choice/t:expan"
        " | .//t:unclear | .//t:sic | .//t:note",
        namespaces=TEI,
    )
    assert len(seen["marks"]) == len(editorial) > 0
    for mark in seen["marks"]:
        assert mark["shown"] and mark["distinct"], mark
        assert mark["text"].startswith("[") and mark["text"].endswith("]"), mark
        assert mark["title"] and mark["spoken"] == f" ({mark['title']})", mark
        assert mark["spokenHidden"], mark
    assert all(mark["shown"] for mark in printed["marks"])
    assert printed["metadata"]["shown"]

    assert seen["persons"] and all(person["target"] for person in seen["persons"])


READING = """(() => {
  const copy = document.querySelector('article').cloneNode(true);
  copy.querySelectorAll('.vh').forEach(el => el.remove());
  return copy.textContent;
})()"""


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.stem)
def test_foreign_html_in_chromium(path: Path, tmp_path: Path) -> None:
    tree = parse_xml(path.read_bytes(), path.name)
    page = tmp_path / f"{path.stem}.html"
    page.write_bytes(render_html(tree))
    with chromium() as tools:
        _open(tools, page)
        reading = tools.call("Runtime.evaluate", expression=READING, returnByValue=True)
        problems, requests = _problems(tools), _requests(tools)
    assert problems == []
    assert requests == [page.as_uri()], "the page must load nothing but itself"
    # what the browser's own HTML parser made of the page still holds every text, in order
    assert_all_in_order(body_texts(tree), reading["result"]["value"])

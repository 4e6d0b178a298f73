"""Hostile TEI rendered to HTML and opened in real headless Chromium: after the browser has
parsed the page (resolving every URL as it would on a click), no element carries an event
handler and no link, frame or image leads to a javascript:, data: or vbscript: URL. The same
for the index page of a folder whose file names are hostile."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tei.cli.app import app
from tests.hostile.kit import INPUTS, good_tei
from tests.test_render_browser import CHROMIUM, chromium

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

#: every URL-bearing attribute and every on* handler, as the browser resolved them
PROBE = """(() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().startsWith('on')) found.push(['handler', el.tagName, attr.name]);
    }
    for (const name of ['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href']) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      let protocol;
      try { protocol = new URL(value, document.baseURI).protocol; } catch (e) { protocol = 'bad:'; }
      found.push(['url', el.tagName, name, value, protocol]);
    }
  }
  return {found, scripts: document.scripts.length, links: document.links.length,
          text: document.body.innerText};
})()"""
EXECUTABLE = ("javascript:", "data:", "vbscript:")


def _probe(page: Path) -> dict:
    with chromium() as tools:
        tools.call("Page.navigate", url=page.as_uri())
        tools.wait_for("Page.loadEventFired")
        return tools.call("Runtime.evaluate", expression=PROBE, returnByValue=True)["result"][
            "value"
        ]


def _assert_harmless(seen: dict) -> None:
    handlers = [entry for entry in seen["found"] if entry[0] == "handler"]
    assert handlers == []
    bad = [entry for entry in seen["found"] if entry[0] == "url" and entry[4] in EXECUTABLE]
    assert bad == []
    assert seen["scripts"] == 0


def test_hostile_links_in_chromium(tmp_path: Path) -> None:
    shutil.copy(INPUTS / "links.xml", tmp_path / "links.xml")
    arguments = ["render", str(tmp_path / "links.xml"), "-o", str(tmp_path)]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.stderr
    seen = _probe(tmp_path / "links.html")
    _assert_harmless(seen)
    protocols = sorted({entry[4] for entry in seen["found"] if entry[0] == "url"})
    assert protocols == ["file:", "http:", "https:", "mailto:"]  # file: = relative on disk
    assert seen["links"] == 6  # the six safe links stay links
    for shown in ("javascript:alert('header')", "javascript:alert('ptr')"):  # as text
        assert shown in seen["text"]


def test_hostile_file_names_in_the_index_in_chromium(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in ("javascript:alert(1).xml", "data:text,x.xml", "vbscript:x.xml"):
        (source / name).write_bytes(good_tei())
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["render", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    seen = _probe(out / "index.html")
    _assert_harmless(seen)
    assert {entry[4] for entry in seen["found"] if entry[0] == "url"} == {"file:"}
    assert seen["links"] == 3

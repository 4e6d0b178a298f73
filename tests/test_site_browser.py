"""A site of the seeds, the real documents of tests/corpus and 500 generated letters, checked
in headless Chromium (the DevTools-pipe driver of test_render_browser.py) and with the W3C's
HTML checker.

The site is built once per session. What the pages must show is computed here straight from
the TEI files with XPath, not through the site's own code, so a counting mistake in the site
cannot agree with itself. Screenshots of each kind of page go to tests/artifacts/.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree, html
from typer.testing import CliRunner

import tei
from bench.corpus import write_corpus
from tei.cli.app import app
from tests.conftest import ROOT
from tests.test_render_browser import CHROMIUM, DevTools, _problems, _requests, chromium

ARTIFACTS = ROOT / "tests" / "artifacts"
NPM = ROOT / ".cache" / "npm" / "node_modules"
AXE = NPM / "axe-core" / "axe.min.js"
VNU = NPM / "vnu-jar" / "build" / "dist" / "vnu.jar"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
GENERATED = 500
#: a phrase from the body of seed 000, found by the search as a quoted phrase
PHRASE = "unconditional surrender of the Nanjing government"
PHRASE_LETTER = "letters/doc-112663.html"
PLACES = ("Moscow", "Xibaipo")


@pytest.fixture(scope="module")
def letters(seed_tei: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The TEI of the seeds, of tests/corpus's transcriptions, and of 500 generated letters."""
    folder = tmp_path_factory.mktemp("site-letters")
    for stem, data in seed_tei.items():
        (folder / f"seed-{stem}.xml").write_bytes(data)
    for text in sorted((ROOT / "tests" / "corpus").rglob("*.txt")):
        if text.parent.name == "seeds":  # copies of the seeds, which are in already
            continue
        data = tei.convert_text(text.read_text("utf-8"), text.name)
        (folder / f"real-{text.stem}.xml").write_bytes(data)
    texts = write_corpus(tmp_path_factory.mktemp("generated-text"), GENERATED, seed=1)
    for number, text in enumerate(texts):
        data = tei.convert_text(text.read_text(), text.name)
        if number % 25 == 0:  # some letters say where they were written, for the place pages
            place = PLACES[number // 25 % len(PLACES)]
            data = re.sub(
                rb'(<correspAction type="sent">\s*<persName[^>]*>[^<]*</persName>)',
                rb"\1<placeName>" + place.encode() + rb"</placeName>", data, count=1,
            )  # fmt: skip
        (folder / f"gen-{text.stem}.xml").write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def site(letters: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    about = tmp_path_factory.mktemp("about") / "about.txt"
    about.write_text("Telegrams of January 1949.\n\nAnd 500 generated for the tests.\n", "utf-8")
    target = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(
        app,
        ["site", str(letters), "-o", str(target), "--title", "Test edition", "--about",
         str(about), "--url", "https://example.org/ed", "--editor", "Jane Doe", "-q"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return target


def _roots(letters: Path) -> list[etree._Element]:
    return [etree.parse(str(p)).getroot() for p in sorted(letters.glob("*.xml"))]


def _refs(root: etree._Element, action: str) -> list[str]:
    """Each party's key as the site keys it: ``#id`` where the name points at a person, else
    ``name:`` and the name as written, case-folded (offices and organisations have no @ref)."""
    names = root.xpath(
        f"t:teiHeader//t:correspDesc[1]/t:correspAction[@type='{action}']"
        "/*[self::t:persName or self::t:orgName][not(@role)]",
        namespaces=NS,
    )
    return [
        n.get("ref") or "name:" + " ".join("".join(n.itertext()).split()).casefold() for n in names
    ]


def _periods(roots: list[etree._Element]) -> Counter[str]:
    """Letters per month, or per year when they spread over more than five calendar years (the
    timeline's rule); the real documents of 1914 with the 1945-1953 telegrams make it years."""
    dates = [d for r in roots for d in _sent_dates(r)]
    years = {int(d[:4]) for d in dates}
    width = 7 if max(years) - min(years) < 5 else 4
    return Counter(d[:width] for d in dates)


def _sent_dates(root: etree._Element) -> list[str]:
    return root.xpath(
        "t:teiHeader//t:correspDesc[1]/t:correspAction[@type='sent'][1]/t:date/@when",
        namespaces=NS,
    )


# --------------------------------------------------------------------------- without a browser


def test_every_internal_link_resolves(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > GENERATED
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in pages:
        tree = html.fromstring(page.read_bytes())
        for value in tree.xpath("//@href | //@src"):
            parts = urlsplit(value)
            if parts.scheme in ("http", "https"):
                continue
            assert not parts.scheme and not parts.netloc, f"{page}: {value}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file() or not target.is_relative_to(site.resolve()):
                broken.append(f"{page.relative_to(site)}: {value}")
            elif parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(html.fromstring(target.read_bytes()).xpath("//@id"))
                if parts.fragment not in ids[target]:
                    broken.append(f"{page.relative_to(site)}: {value} (no such id)")
    assert broken == []


def test_site_counts_match_the_tei(site: Path, letters: Path) -> None:
    roots = _roots(letters)
    index = html.fromstring((site / "letters.html").read_bytes())
    assert len(index.xpath("//table[@id='letters']/tbody/tr")) == len(roots)
    months = _periods(roots)
    timeline = html.fromstring((site / "timeline.html").read_bytes())
    bars = {
        rect.get("data-period"): int(rect.get("data-count"))
        for rect in timeline.xpath("//*[local-name()='rect'][@data-period]")
    }
    assert {p: n for p, n in bars.items() if n} == dict(months)
    places = Counter(
        name
        for r in roots
        for name in r.xpath(".//t:correspAction/t:placeName/text()", namespaces=NS)
    )
    listed = html.fromstring((site / "places.html").read_bytes()).xpath("//main//li")
    assert sorted(" ".join(li.text_content().split()) for li in listed) == sorted(
        f"{name} ({n} letter{'' if n == 1 else 's'})" for name, n in places.items()
    )


NO_VNU = "vnu.jar or Java missing (scripts/setup-node.sh installs vnu-jar; setup-system.sh Java)"
NO_AXE = "axe-core missing: npm is needed (scripts/setup-node.sh installs it into .cache/npm)"
LINKS = "[...document.querySelectorAll('#search-results li > a')].map(a => a.getAttribute('href'))"


@pytest.mark.skipif(not VNU.exists() or not shutil.which("java"), reason=NO_VNU)
def test_each_kind_of_page_is_valid_html5(site: Path) -> None:
    kinds = _kinds(site)
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json",
         *(str(site / page) for page in kinds.values())],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    messages = json.loads(result.stderr)["messages"]
    assert [f"{m.get('url')}: {m.get('message')}" for m in messages] == []
    assert result.returncode == 0


# --------------------------------------------------------------------------- in Chromium


def _kinds(site: Path) -> dict[str, str]:
    """One page of each kind, by name."""
    kinds = {
        "home": "index.html",
        "letters": "letters.html",
        "letter": PHRASE_LETTER,
        "persons": "persons.html",
        "person": "persons/stalin.html",
        "timeline": "timeline.html",
        "network": "network.html",
        "search": "search.html",
        "quality": "quality.html",
        "downloads": "downloads.html",
    }
    if (site / "places.html").exists():
        kinds["places"] = "places.html"
        kinds["place"] = "places/" + sorted(p.name for p in (site / "places").iterdir())[0]
    return kinds


def _go(tools: DevTools, url: str) -> None:
    tools.events.clear()
    tools.call("Emulation.setDeviceMetricsOverride", width=1100, height=800,
               deviceScaleFactor=1, mobile=False)  # fmt: skip
    tools.call("Page.navigate", url=url)
    tools.wait_for("Page.loadEventFired")


def _eval(tools: DevTools, expression: str, wait: bool = False) -> Any:
    result = tools.call(
        "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=wait
    )
    if "exceptionDetails" in result:
        raise AssertionError(result["exceptionDetails"])
    return result["result"].get("value")


def _shot(tools: DevTools, path: Path, full: bool = True) -> None:
    height = 800
    if full:
        height = min(int(tools.call("Page.getLayoutMetrics")["cssContentSize"]["height"]) + 1, 6000)
    tools.call("Emulation.setDeviceMetricsOverride", width=1100, height=height,
               deviceScaleFactor=1, mobile=False)  # fmt: skip
    data = tools.call("Page.captureScreenshot", format="png")["data"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(data))


AXE_RUN = """axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => v.id + ': ' + v.help + ' @ '
    + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))"""


@pytest.fixture(scope="module")
def browser() -> Any:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian package 'chromium'; setup-system.sh)")
    with chromium() as tools:
        yield tools


def test_pages_in_chromium_no_errors_no_network_screenshots(site: Path, browser: DevTools) -> None:
    for kind, page in _kinds(site).items():
        url = (site / page).as_uri()
        _go(browser, url)
        _shot(browser, ARTIFACTS / f"site-{kind}.png", full=kind not in ("letters", "quality"))
        assert _problems(browser) == [], kind
        outside = [u for u in _requests(browser) if not u.startswith(site.as_uri() + "/")]
        assert outside == [], f"{kind} loads from outside the site"
        assert _eval(browser, "document.title"), kind
    _go(browser, (site / "index.html").as_uri())
    _shot(browser, ARTIFACTS / "site-home-top.png", full=False)


@pytest.mark.skipif(not AXE.exists(), reason=NO_AXE)
def test_axe_finds_no_serious_violation(site: Path, browser: DevTools) -> None:
    source = AXE.read_text("utf-8")
    found = {}
    for kind, page in _kinds(site).items():
        _go(browser, (site / page).as_uri())
        _eval(browser, source)
        violations = _eval(browser, AXE_RUN, wait=True)
        assert isinstance(violations, list), f"axe did not run on {kind}"
        if violations:
            found[kind] = violations
    assert found == {}


def test_index_filters_by_sender(site: Path, letters: Path, browser: DevTools) -> None:
    senders = Counter(ref for root in _roots(letters) for ref in set(_refs(root, "sent")))
    sender, expected = senders.most_common(2)[1]  # not the first: the filter must narrow
    _go(browser, (site / "letters.html").as_uri())
    shown = _eval(browser, f"""(() => {{
      const select = document.getElementById('f-from');
      select.value = {json.dumps(sender)};
      select.dispatchEvent(new Event('change', {{bubbles: true}}));
      const rows = [...document.querySelectorAll('#letters tbody tr')];
      return {{visible: rows.filter(r => !r.hidden && r.getBoundingClientRect().height > 0).length,
               all: rows.length, status: document.getElementById('letters-count').textContent,
               form: !document.getElementById('letter-filters').hidden}};
    }})()""")  # fmt: skip
    assert shown["form"]
    assert shown["visible"] == expected < shown["all"]
    assert shown["status"] == f"Showing {expected} of {shown['all']} letters."
    _shot(browser, ARTIFACTS / "site-letters-filtered.png", full=False)
    # the same filter from a person page's link (?from=…)
    _go(browser, (site / "letters.html").as_uri() + "?from=" + sender.replace("#", "%23"))
    count = "[...document.querySelectorAll('#letters tbody tr')].filter(r => !r.hidden).length"
    assert _eval(browser, count) == expected
    # sorting by date, descending, puts the latest first
    order = _eval(
        browser,
        """(() => {
      const button = document.querySelector('#letters thead th button');
      button.click(); button.click();
      return [...document.querySelectorAll('#letters tbody tr:not([hidden])')]
        .map(r => r.dataset.date).filter(Boolean);
    })()""",
    )
    assert order == sorted(order, reverse=True) and len(order) > 1


def test_search_finds_a_phrase_from_a_letters_body(
    site: Path, letters: Path, browser: DevTools
) -> None:
    _go(browser, (site / "search.html").as_uri() + "?q=" + f'"{PHRASE}"'.replace(" ", "+"))
    found = _eval(
        browser,
        """({status: document.getElementById('search-status').textContent,
      links: """
        + LINKS
        + """,
      marked: [...document.querySelectorAll('#search-results mark')].map(m => m.textContent)})""",
    )
    assert found["links"] == [PHRASE_LETTER], found
    assert found["status"] == "1 letter matches."
    assert found["marked"] == [PHRASE]  # in context, from the letter's own text
    _shot(browser, ARTIFACTS / "site-search-results.png", full=False)
    # typed into the box, word by word, the last word as a prefix
    typed = _eval(browser, """(async () => {
      const box = document.getElementById('q');
      box.value = 'nanjing surrend';
      box.dispatchEvent(new Event('input'));
      await new Promise(r => setTimeout(r, 400));
      return """ + LINKS + """;
    })()""", wait=True)  # fmt: skip
    assert PHRASE_LETTER in typed
    # a phrase from the body of a generated letter, five words from its longest paragraph
    root = etree.parse(str(sorted(letters.glob("gen-*.xml"))[7])).getroot()
    paragraph = max(("".join(p.itertext()) for p in root.iterfind(".//t:body//t:p", NS)), key=len)
    phrase = " ".join(paragraph.split()[2:7])
    _go(browser, (site / "search.html").as_uri())
    hits = _eval(browser, f"""(() => {{
      document.getElementById('q').value = {json.dumps(f'"{phrase}"')};
      document.getElementById('search-form').requestSubmit();
      return {LINKS};
    }})()""")  # fmt: skip
    assert f"letters/{root.get('{http://www.w3.org/XML/1998/namespace}id')}.html" in hits, phrase
    _eval(browser, "document.getElementById('q').value = '\"no such phrase anywhere\"'")
    _eval(browser, "document.getElementById('search-form').requestSubmit()")
    assert _eval(browser, "document.getElementById('search-status').textContent") == (
        "No letter matches."
    )


def test_timeline_and_network_show_the_expected_counts(
    site: Path, letters: Path, browser: DevTools
) -> None:
    roots = _roots(letters)
    months = _periods(roots)
    edges = Counter(
        (a, b) for r in roots for a in set(_refs(r, "sent")) for b in set(_refs(r, "received"))
        if a != b
    )  # fmt: skip
    letters_of = Counter()
    for root in roots:
        letters_of.update(set(_refs(root, "sent")))
        letters_of.update(set(_refs(root, "received")))

    _go(browser, (site / "timeline.html").as_uri())
    bars = _eval(
        browser,
        """Object.fromEntries([...document.querySelectorAll('svg.timeline rect')]
      .filter(r => r.getBBox().height > 0)
      .map(r => [r.dataset.period, Number(r.dataset.count)]))""",
    )
    assert bars == dict(months)
    assert _eval(browser, "document.querySelector('svg.timeline').getAttribute('role')") == "img"

    _go(browser, (site / "network.html").as_uri())
    drawn = _eval(browser, """({
      nodes: Object.fromEntries([...document.querySelectorAll('svg.network a.node')]
        .map(a => [a.dataset.key, Number(a.dataset.letters)])),
      edges: [...document.querySelectorAll('svg.network path.edge')]
        .map(p => [p.dataset.from, p.dataset.to, Number(p.dataset.count)]),
      focusable: [...document.querySelectorAll('svg.network a.node')].every(a => a.tabIndex >= 0),
      named: [...document.querySelectorAll('svg.network a.node')]
        .every(a => a.getAttribute('aria-label'))})""")  # fmt: skip
    assert drawn["nodes"] == {k: n for k, n in letters_of.items() if k in drawn["nodes"]}
    assert set(drawn["nodes"]) == set(letters_of)  # fewer than 60 correspondents: all drawn
    assert {(a, b): n for a, b, n in drawn["edges"]} == dict(edges)
    assert drawn["focusable"] and drawn["named"]


def test_the_same_site_from_a_plain_web_server(site: Path, browser: DevTools) -> None:
    """Served as static files (Python's http.server), the pages, the filter and search work."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        _go(browser, f"{base}/search.html?q=" + f'"{PHRASE}"'.replace(" ", "+"))
        links = _eval(browser, LINKS)
        assert links == [PHRASE_LETTER]
        _go(browser, f"{base}/{PHRASE_LETTER}")
        assert _problems(browser) == []
        assert all(u.startswith(base + "/") for u in _requests(browser))
        assert _eval(
            browser, "getComputedStyle(document.querySelector('.letter-nav')).display"
        ) == ("block"), "the site's stylesheet loads"
    finally:
        server.shutdown()
        server.server_close()


def test_without_javascript_the_pages_still_read(site: Path, browser: DevTools) -> None:
    browser.call("Emulation.setScriptExecutionDisabled", value=True)
    try:
        _go(browser, (site / "letters.html").as_uri())
        seen = browser.call("DOM.getDocument", depth=0)  # no script runs: ask the DOM itself
        rows = browser.call("DOM.querySelectorAll", nodeId=seen["root"]["nodeId"],
                            selector="#letters tbody tr")["nodeIds"]  # fmt: skip
        form = browser.call("DOM.querySelector", nodeId=seen["root"]["nodeId"],
                            selector="#letter-filters")["nodeId"]  # fmt: skip
        attributes = browser.call("DOM.getAttributes", nodeId=form)["attributes"]
        assert len(rows) > GENERATED and "hidden" in attributes
        for page, selector in (("timeline.html", "svg.timeline rect"),
                               ("network.html", "svg.network a.node")):  # fmt: skip
            _go(browser, (site / page).as_uri())
            root = browser.call("DOM.getDocument", depth=0)["root"]["nodeId"]
            marks = browser.call("DOM.querySelectorAll", nodeId=root, selector=selector)
            assert marks["nodeIds"], page
    finally:
        browser.call("Emulation.setScriptExecutionDisabled", value=False)

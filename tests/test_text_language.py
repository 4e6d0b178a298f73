"""The language of the text in the pipeline: stated by the page, else told from the body, else
``und``; never English by default (issue 13)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

import tei
from tei.render.xslt import render_html
from tei.transforms.assemble import _language

LANGUAGE = Path(__file__).parent / "corpus" / "language"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def test_a_russian_page_is_encoded_as_russian_and_its_html_says_so() -> None:
    page = LANGUAGE / "bibliboba-izvolsky-to-pokrovsky-telegram-170-1917-03-11.txt"  # Russian
    tree = tei.encode_text(page.read_text("utf-8"), page.name)
    assert tree.getroot().get(XML_LANG) == "ru"
    assert tree.find(".//t:langUsage/t:language", NS).get("ident") == "ru"
    html = etree.fromstring(render_html(tree), etree.HTMLParser())
    assert html.get("lang") == "ru"


def test_a_text_too_short_to_tell_is_undetermined_with_a_warning() -> None:
    telegram = tei.read("Dear Sir,\n\nYes.\n", "short.txt")
    assert telegram.header.text_language.code == "und"
    assert [w.kind for w in telegram.warnings if w.kind == "undetermined-language"] == [
        "undetermined-language"
    ]
    tree = tei.encode_telegram(telegram)
    assert tree.getroot().get(XML_LANG) == "und"
    html = etree.fromstring(render_html(tree), etree.HTMLParser())
    assert html.get("lang") == ""  # HTML's "language unknown"


def test_the_pages_own_statement_wins_over_identification() -> None:
    seed = Path(__file__).parent.parent / "seeds"
    for path in sorted(seed.glob("*.txt")):
        assert tei.read(path.read_text("utf-8"), path.name).header.text_language.code == "en"


def test_a_bare_code_is_its_language_not_a_namesake() -> None:
    # pycountry's lookup alone reads "en" as the language named "En" (code enc)
    assert _language("en", None, lambda *a: None).code == "en"
    assert _language("Russian", None, lambda *a: None).code == "ru"

"""Rendering TEI as text and HTML: round trips, each editorial element, xsltproc parity."""

from __future__ import annotations

import itertools
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree, html

from bench.corpus import RandomChoices, compose
from tei import bundled_authority, encode_telegram, read, serialize
from tei.encode.editorial import ENCODINGS
from tei.errors import TeiError, XmlInputError
from tei.io.xmlio import TEI_NS, parse_xml
from tei.readers import reading_text
from tei.render.xslt import (
    RenderError,
    apply_stylesheet,
    compile_stylesheet,
    render,
    render_html,
    render_text,
    wrap_text,
)
from tei.resources import converter_path
from tests.conftest import SEED_FILES
from tests.strategies import OMISSIONS, QUOTES, quote_message, telegram_sources

#: hypothesis examples for the generated round trip: the aim in CI, fewer for a quick local run
ROUND_TRIP_EXAMPLES = 500 if os.environ.get("CI") else 200
XSLTPROC = shutil.which("xsltproc")
needs_xsltproc = pytest.mark.skipif(
    XSLTPROC is None, reason="xsltproc is not installed (Debian package 'xsltproc')"
)


def tei_of(source: str, name: str = "telegram.txt") -> etree._ElementTree:
    """The TEI of a source text as a user has it: serialised, then parsed back."""
    authority = bundled_authority()
    data = serialize(encode_telegram(read(source, name, authority)))
    return parse_xml(data, name)


def body_lines(text: str) -> list[str]:
    """The reading-text lines of a text rendering: everything after the header's blank line."""
    lines = text.split("\n")
    return lines[lines.index("") + 1 :]


def tokens(paragraphs: list[str]) -> list[str]:
    """Words with their punctuation and brackets, white space ignored."""
    return " ".join(paragraphs).split()


def assert_round_trip(source: str, name: str = "telegram.txt") -> None:
    rendered = render_text(tei_of(source, name)).decode("utf-8")
    assert tokens(body_lines(rendered)) == tokens(reading_text(source))


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_round_trip(path: Path) -> None:
    assert_round_trip(path.read_text("utf-8"), path.name)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_round_trip_keeps_paragraphs_and_marks(path: Path) -> None:
    source = path.read_text("utf-8")
    lines = body_lines(render_text(tei_of(source, path.name)).decode("utf-8"))
    paragraphs = reading_text(source)
    # one paragraph a line: every source paragraph is a rendered line, or (a closer written
    # as one paragraph, signature and date) two consecutive lines
    joined = [" ".join(pair) for pair in itertools.pairwise(lines)]
    for paragraph in paragraphs:
        assert paragraph in lines or paragraph in joined, paragraph
    marks = [p for p in paragraphs if p.startswith("[") and p.endswith("]")]
    assert [line for line in lines if line in marks] == marks


@settings(max_examples=ROUND_TRIP_EXAMPLES, deadline=None)
@given(telegram_sources())
def test_generated_round_trip(source: str) -> None:
    assert_round_trip(source)


def test_generated_round_trip_wrapped() -> None:
    choices = RandomChoices(random.Random(7))
    for number in range(40):
        source = compose(choices, number).text
        if number % 2:
            source = quote_message(source, QUOTES[number % 4 // 2], OMISSIONS[number % 3])
        rendered = render_text(tei_of(source), wrap=40).decode("utf-8")
        assert tokens(body_lines(rendered)) == tokens(reading_text(source))
        assert all(len(line) <= 40 or " " not in line.strip() for line in rendered.split("\n"))


# --------------------------------------------------------------------------- each element


def tei_document(body: str, header: str = "") -> etree._ElementTree:
    """A minimal TEI document around a body fragment."""
    return parse_xml(
        f"""<TEI xmlns="{TEI_NS}" xml:lang="en"><teiHeader><fileDesc>
        <titleStmt><title>Test</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
        <sourceDesc><p>x</p></sourceDesc></fileDesc>{header}</teiHeader>
        <text><body><div>{body}</div></body></text></TEI>""".encode()
    )


#: what each encoding tells a reader, from the vocabulary's one source
MEANING = {encoding.key: encoding.meaning for encoding in ENCODINGS}

#: TEI as the encoder writes it → the reading text, brackets back, and the explanation
ELEMENTS = [
    (
        "<p><ellipsis><metamark>....</metamark></ellipsis></p>",
        "[....]",
        MEANING["omission"],
    ),
    (
        "<p>a <ellipsis><metamark>…</metamark></ellipsis> b</p>",
        "a […] b",
        MEANING["omission"],
    ),
    ("<p>a <ellipsis/> b</p>", "a […] b", MEANING["omission"]),
    (
        '<p>a <gap reason="illegible"><desc>illegible</desc></gap> b</p>',
        "a [illegible] b",
        MEANING["illegible"],
    ),
    ('<p>a <gap reason="illegible"/> b</p>', "a [illegible] b", MEANING["illegible"]),
    (
        '<p><persName ref="#s">Filippov</persName> '
        '<supplied reason="explanation">Stalin</supplied></p>',
        "Filippov [Stalin]",
        MEANING["explanation"],
    ),
    (
        '<p>not with <supplied reason="subaudible">which is</supplied> bearing</p>',
        "not with [which is] bearing",
        MEANING["subaudible"],
    ),
    (
        '<p>Com<supplied reason="omitted">rade</supplied> Kovalev</p>',
        "Com[rade] Kovalev",
        MEANING["omitted"],
    ),
    ('<p>a <supplied reason="undefined">?!</supplied></p>', "a [?!]", MEANING["undefined"]),
    (
        "<p>On <persName><choice><orig>Chiang Kai-shek</orig><reg>Jiang Jieshi</reg></choice>"
        "</persName> x</p>",
        "On Chiang Kai-shek [Jiang Jieshi] x",
        MEANING["regularisation"],
    ),
    (
        "<p>the <choice><abbr>CC</abbr><expan>Central Committee</expan></choice>.</p>",
        "the CC [Central Committee].",
        MEANING["abbreviation"],
    ),
    ("<p>Com<expan><ex>rade</ex></expan> X</p>", "Com[rade] X", MEANING["omitted"]),
    (
        "<p>to <unclear>Harbin</unclear> now</p>",
        "to Harbin [?] now",
        MEANING["uncertain"],
    ),
    (
        "<p>we <sic>recieved</sic> it</p>",
        "we recieved [sic] it",
        MEANING["sic"],
    ),
    (
        '<p>x <note type="editorial" place="inline">Translator\'s note: unclear</note> y</p>',
        "x [Translator's note: unclear] y",
        MEANING["note-editorial"],
    ),
    (
        '<p><note type="physical" subtype="signature" place="inline">signature</note></p>',
        "[signature]",
        MEANING["note-physical"],
    ),
    (
        '<p><note type="editorial" place="inline">see '
        '<supplied reason="subaudible">the</supplied> list</note></p>',
        "[see [the] list]",
        MEANING["note-editorial"],
    ),
    (
        '<p>i.e.: <list rend="inline"><label>a)</label><item n="a">one;</item>'
        '<label>b)</label><item n="b">two.</item></list></p>',
        "i.e.: a) one; b) two.",
        None,
    ),
    (
        '<div type="point" n="1"><label>1.</label><p>First.</p><p>More.</p></div>',
        "1. First.\nMore.",
        None,
    ),
    (
        "<opener><salute>Comrade X,</salute></opener><p>Text.</p><closer><signed>Y</signed>"
        '<dateline><date when="1949-01-12">12 January 1949</date></dateline></closer>',
        "Comrade X,\nText.\nY\n12 January 1949",
        None,
    ),
    ('<closer><dateline><date when="1949-01-12"/></dateline></closer>', "12 January 1949", None),
]


@pytest.mark.parametrize(("body", "expected", "explanation"), ELEMENTS)
def test_text_of_each_element(body: str, expected: str, explanation: str | None) -> None:
    text = render_text(tei_document(body)).decode("utf-8")
    assert "\n".join(body_lines(text)).strip() == expected


@pytest.mark.parametrize(("body", "expected", "explanation"), ELEMENTS)
def test_html_of_each_element(body: str, expected: str, explanation: str | None) -> None:
    page = html.fromstring(render_html(tei_document(body)))
    marks = page.find_class("ed")
    assert bool(marks) == (explanation is not None)
    for mark in marks:
        spoken = mark.xpath("./span[@class = 'vh']")
        assert mark.get("title") and spoken
        assert spoken[0].text_content() == f" ({mark.get('title')})"
    if explanation:
        assert explanation in {mark.get("title") for mark in marks}
    for hidden in page.find_class("vh"):
        hidden.drop_tree()
    reading = page.find(".//article")
    assert tokens([reading.text_content()]) == expected.split()


@pytest.mark.parametrize(
    ("rend", "opening", "closing"), [("straight-quotes", '"', '"'), ("curly-quotes", "“", "”")]
)
def test_quoted_message_gets_its_marks_outside_brackets(
    rend: str, opening: str, closing: str
) -> None:
    body = (
        f'<floatingText type="message" rend="{rend}"><body>'
        "<p><ellipsis><metamark>...</metamark></ellipsis> Text.</p>"
        '<closer><signed>X <supplied reason="explanation">Y</supplied></signed></closer>'
        "</body></floatingText>"
    )
    text = render_text(tei_document(body)).decode("utf-8")
    assert body_lines(text)[:2] == [f"{opening}[...] Text.", f"X [Y]{closing}"]
    page = html.fromstring(render_html(tei_document(body)))
    for hidden in page.find_class("vh"):
        hidden.drop_tree()
    assert page.find(".//blockquote").text_content().split() == [
        f"{opening}[...]",
        "Text.",
        "X",
        f"[Y]{closing}",
    ]


def named(tree: etree._ElementTree, written: str, person_id: str) -> str:
    """A name as the header shows it: as written, then the person's usual name if it differs
    (which depends on the bundled authority file, so it is read from the TEI itself)."""
    main = tree.xpath(
        f"(//t:person[@xml:id='{person_id}']/t:persName[@type='main']"
        f" | //t:person[@xml:id='{person_id}']/t:persName)[1]",
        namespaces={"t": TEI_NS},
    )
    usual = " ".join(main[0].text.split()) if main else written
    return written if usual == written else f"{written} ({usual})"


def test_text_header_fields(seed_tei: dict[str, bytes]) -> None:
    tree = parse_xml(seed_tei["000_4a28453c626bc618"])
    text = render_text(tree).decode("utf-8")
    header = text.split("\n\n", 1)[0].split("\n")
    fields = dict(line.split(": ", 1) for line in header)
    assert fields["Date"] == "January 13, 1949"
    assert fields["From"] == named(tree, "Mao Zedong", "mao-zedong")
    assert fields["To"] == named(tree, "Filippov", "stalin") == "Filippov (Joseph Stalin)"
    relay = f"{named(tree, 'Terebin', 'terebin')} → {named(tree, 'Kuznetsov', 'kuznetsov')}"
    assert fields["Via"] == f"{relay}, 13 January 1949"
    assert fields["Sent"] == "12 January 1949"
    assert fields["Archive"].startswith("APRF, f. 45, op. 1, d. 330; RGASPI, f. 558, op. 11")
    assert fields["Telegram numbers"] == "50450, 50470, 50490"
    assert fields["Original language"] == "Russian"
    assert fields["Summary"].startswith("Mao responds to Stalin's telegrams")


def test_html_is_standalone_and_accessible(seed_tei: dict[str, bytes]) -> None:
    data = render_html(parse_xml(seed_tei["001_552a14868e1716bc"]))
    assert data.startswith(b'<!DOCTYPE html>\n<html lang="en">')
    page = html.fromstring(data)
    assert not page.xpath("//script | //link | //img | //iframe | //object | //@src")
    assert all(h.startswith(("#", "https://", "http://")) for h in page.xpath("//a/@href"))
    assert [e.tag for e in page.find("body") if e.tag != "a"] == ["header", "main", "footer"]
    assert page.find(".//header/h1") is not None and page.find(".//style") is not None
    terms = [dt.text_content() for dt in page.findall(".//header/dl/dt")]
    assert terms[:2] == ["Date", "From → to"]
    ids = set(page.xpath("//@id"))
    assert all(a.get("href")[1:] in ids for a in page.find_class("person"))


def test_wrap_keeps_header_lines_and_separates_paragraphs() -> None:
    text = "Title: " + "word " * 30 + "\nDate: 1949\n\nfirst " * 1 + "x " * 50 + "\nsecond\n"
    wrapped = wrap_text(text, 30)
    header, body = wrapped.split("\n\n", 1)
    assert all(line.startswith(("Title: ", "Date: ", "  ")) for line in header.split("\n"))
    assert body.endswith("\n\nsecond\n")
    assert tokens([wrapped]) == tokens([text])


# --------------------------------------------------------------------------- errors


def test_non_tei_is_refused() -> None:
    with pytest.raises(XmlInputError, match=r"not TEI P5: the root element is <html>"):
        render_html(parse_xml(b"<html><body>x</body></html>", "page.xml"))
    with pytest.raises(XmlInputError, match="in no namespace"):
        render_text(parse_xml(b"<TEI><text/></TEI>", "p4.xml"))


def test_broken_stylesheet_is_a_located_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xsl"
    broken.write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n'
        '<xsl:template match="/"><xsl:value-of select="((("/></xsl:template>\n'
        "</xsl:stylesheet>\n"
    )
    with pytest.raises(RenderError) as caught:
        compile_stylesheet(broken)
    assert isinstance(caught.value, TeiError)
    assert caught.value.location.line == 2
    with pytest.raises(RenderError, match="cannot read the stylesheet"):
        compile_stylesheet(tmp_path / "missing.xsl")


def test_failing_stylesheet_names_the_document(tmp_path: Path) -> None:
    failing = tmp_path / "failing.xsl"
    failing.write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n'
        '<xsl:template match="/"><xsl:message terminate="yes">stop</xsl:message>'
        "</xsl:template>\n</xsl:stylesheet>\n"
    )
    with pytest.raises(RenderError) as caught:
        apply_stylesheet(compile_stylesheet(failing), tei_document("<p/>"), "doc.xml")
    assert str(caught.value).startswith("doc.xml: error: rendering failed")


def test_long_runs_of_spaces_do_not_exhaust_recursion() -> None:
    text = render_text(tei_document("<p>word" + " " * 20000 + "</p><p>next</p>"))
    assert body_lines(text.decode("utf-8")) == ["word", "next", ""]


# --------------------------------------------------------------------------- xsltproc


def xsltproc(stylesheet: str, document: Path) -> bytes:
    return subprocess.run(
        [str(XSLTPROC), "--nonet", str(converter_path(stylesheet)), str(document)],
        check=True,
        capture_output=True,
    ).stdout


@needs_xsltproc
@pytest.mark.parametrize("output", ["html", "text"])
def test_xsltproc_gives_the_same_bytes_on_the_seeds(
    output: str, seed_tei: dict[str, bytes], tmp_path: Path
) -> None:
    for stem, data in seed_tei.items():
        document = tmp_path / f"{stem}.xml"
        document.write_bytes(data)
        assert xsltproc(f"{output}.xsl", document) == render(parse_xml(data), output)


@needs_xsltproc
def test_xsltproc_gives_the_same_bytes_on_generated_telegrams(tmp_path: Path) -> None:
    choices = RandomChoices(random.Random(11))
    for number in range(12):
        source = compose(choices, number).text
        if number % 2:
            source = quote_message(source, QUOTES[number % 4 // 2], OMISSIONS[number % 3])
        tree = tei_of(source)
        document = tmp_path / f"gen{number}.xml"
        document.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
        for output in ("html", "text"):
            assert xsltproc(f"{output}.xsl", document) == render(tree, output), number


def test_points_form_ordered_lists_by_run() -> None:
    points = "".join(
        f'<div type="point" n="{n}"><label>{n}.</label><p>Point {n}.</p></div>' for n in "12"
    )
    body = f"<p>Before.</p>{points}<p>Between.</p>" + points.replace("1", "3").replace("2", "4")
    page = html.fromstring(render_html(tei_document(body)))
    runs = page.findall(".//ol")
    assert [[li.text_content().strip() for li in run] for run in runs] == [
        ["1. Point 1.", "2. Point 2."],
        ["3. Point 3.", "4. Point 4."],
    ]
    assert [p.text_content() for p in page.findall(".//article//div/p")] == ["Before.", "Between."]

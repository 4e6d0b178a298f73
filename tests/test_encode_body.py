"""The body encoder from hand-built models: each model node becomes exactly its TEI.

No reader is involved: these say what the encoder writes for a value of :mod:`tei.model`, so a
change in a reader cannot hide a change in the encoder (or the other way round).
"""

from __future__ import annotations

import re

import pytest
from lxml import etree

from tei import encode_telegram
from tei.dates import PartialDate
from tei.encode.editorial import BY_KEY
from tei.io.xmlio import TEI_NS
from tei.model import (
    Body,
    Closer,
    Dateline,
    Explained,
    ExplanationKind,
    Footnote,
    FrontLine,
    Header,
    Illegible,
    InlineList,
    KnownPerson,
    ListItem,
    Message,
    Note,
    NoteKind,
    Omission,
    OmissionBlock,
    PageBreak,
    Paragraph,
    PersonName,
    Point,
    QuotedMessage,
    QuoteStyle,
    Regularised,
    RoleName,
    Sic,
    Supplied,
    SuppliedReason,
    Telegram,
    Text,
    Uncertain,
)

T = {"t": TEI_NS}
STALIN = KnownPerson("stalin", (("main", "Joseph Stalin"), ("pseudonym", "Filippov")), (), "x")
CHIANG = KnownPerson("chiang", (("main", "Chiang Kai-shek"), ("reg", "Jiang Jieshi")), (), "x")


def encoded(body: Body, persons: tuple[KnownPerson, ...] = (STALIN, CHIANG)) -> etree._Element:
    return encode_telegram(Telegram(Header(title="T"), body, "t.txt", persons=persons)).getroot()


def xml(element: etree._Element) -> str:
    """An element as TEI without the namespace declaration, for exact comparisons."""
    return re.sub(r' xmlns="[^"]+"', "", etree.tostring(element, encoding="unicode"))


def paragraph_of(*content) -> tuple[str, list[str]]:
    """The first <p> written for a message holding one paragraph, and the keys declared."""
    root = encoded(Body("telegram", Message(paragraphs=(Paragraph(tuple(content)),))))
    declared = root.xpath("//t:editorialDecl//t:item/@n", namespaces=T)
    return xml(root.find(".//t:body//t:p", T)), declared


#: (model node, its TEI, the editorial key it declares) — one per key of the vocabulary
NS = {"t": TEI_NS}

NODES = [
    (PageBreak("499"), '<pb n="499"/>', "page"),
    (
        Footnote("2", (Text("A note."),)),
        '<note type="footnote" place="foot" n="2">A note.</note>',
        "footnote",
    ),
    (Omission("...."), "<ellipsis><metamark>....</metamark></ellipsis>", "omission"),
    (Illegible("illegible"), '<gap reason="illegible"><desc>illegible</desc></gap>', "illegible"),
    (
        Explained("Filippov", "Stalin", ExplanationKind.PERSON, "stalin"),
        '<persName ref="#stalin">Filippov</persName> '
        '<supplied reason="explanation">Stalin</supplied>',
        "explanation",
    ),
    (
        Explained("CC", "Central Committee", ExplanationKind.ABBREVIATION),
        "<choice><abbr>CC</abbr><expan>Central Committee</expan></choice>",
        "abbreviation",
    ),
    (
        Regularised("Chiang Kai-shek", "Jiang Jieshi", "chiang"),
        '<persName ref="#chiang"><choice><orig>Chiang Kai-shek</orig><reg>Jiang Jieshi</reg>'
        "</choice></persName>",
        "regularisation",
    ),
    (
        Supplied("which is", SuppliedReason.SUBAUDIBLE),
        '<supplied reason="subaudible">which is</supplied>',
        "subaudible",
    ),
    (
        Supplied("rade", SuppliedReason.OMITTED),
        '<supplied reason="omitted">rade</supplied>',
        "omitted",
    ),
    (
        Supplied("?!", SuppliedReason.UNDEFINED),
        '<supplied reason="undefined">?!</supplied>',
        "undefined",
    ),
    (Uncertain("Harbin"), "<unclear>Harbin</unclear>", "uncertain"),
    (Sic("recieved"), "<sic>recieved</sic>", "sic"),
    (
        Note("Translator's note: x", NoteKind.EDITORIAL, "translator"),
        '<note type="editorial" place="inline" subtype="translator">Translator\'s note: x</note>',
        "note-editorial",
    ),
    (
        Note("Stamp: secret", NoteKind.PHYSICAL, "stamp"),
        '<note type="physical" place="inline" subtype="stamp">Stamp: secret</note>',
        "note-physical",
    ),
]


#: keys encoded outside running text, each with a test of its own below
BLOCK_KEYS = ["received"]


def test_the_nodes_cover_every_key_of_the_vocabulary() -> None:
    assert sorted([*(key for _, _, key in NODES), *BLOCK_KEYS]) == sorted(BY_KEY)


def test_a_receipt_line_is_a_dated_seg_in_the_opener() -> None:
    message = Message(paragraphs=(Paragraph((Text("605."),)),))
    front = (
        FrontLine(
            "received", "Received March 5—9:33 a.m.", date=PartialDate(1943, 3, 5), time="09:33"
        ),
    )
    body = Body("telegram", message, front=front)
    root = encode_telegram(Telegram(Header(title="T"), body, "t.txt")).getroot()
    seg = root.find(".//t:opener/t:seg[@type='received']", NS)
    date = seg.find("t:date", NS)
    assert date.text == "Received March 5—9:33 a.m."
    assert date.get("when") == "1943-03-05T09:33:00"


@pytest.mark.parametrize(("node", "tei", "key"), NODES, ids=[key for _, _, key in NODES])
def test_each_editorial_node_is_its_element_in_running_text(node, tei: str, key: str) -> None:
    paragraph, declared = paragraph_of(Text("before "), node, Text(" after"))
    assert paragraph == f"<p>before {tei} after</p>"
    assert declared == [key]


def test_an_explained_term_that_is_no_person_is_a_name() -> None:
    paragraph, _ = paragraph_of(Explained("Nanjing", "the capital", ExplanationKind.TERM))
    assert (
        paragraph
        == '<p><name>Nanjing</name> <supplied reason="explanation">the capital</supplied></p>'
    )


def test_a_note_with_inner_insertions_keeps_them_as_elements() -> None:
    note = Note(
        "see [the] list",
        NoteKind.EDITORIAL,
        inner=(Text("see "), Supplied("the", SuppliedReason.SUBAUDIBLE), Text(" list")),
    )
    paragraph, declared = paragraph_of(note)
    assert paragraph == (
        '<p><note type="editorial" place="inline">see '
        '<supplied reason="subaudible">the</supplied> list</note></p>'
    )
    assert declared == ["subaudible", "note-editorial"]  # in the vocabulary's order


def test_an_inline_list_is_labels_and_numbered_items() -> None:
    items = (ListItem("a", "a)", (Text("one;"),)), ListItem("b", "b)", (Text("two."),)))
    paragraph, declared = paragraph_of(Text("i.e.: "), InlineList(items))
    assert paragraph == (
        '<p>i.e.: <list rend="inline"><label>a)</label><item n="a">one;</item>'
        '<label>b)</label><item n="b">two.</item></list></p>'
    )
    assert declared == []


def test_a_message_has_opener_points_closer_and_postscript_in_order() -> None:
    message = Message(
        salute=(Text("To "), RoleName("Comrade"), Text(" "), PersonName("Filippov", "stalin")),
        points=(Point("1", "1.", (Paragraph((Text("First."),)),)),),
        closer=Closer(
            (PersonName("Mao Zedong"),), Dateline("12 January 1949", PartialDate(1949, 1, 12))
        ),
        postscript=(Paragraph((Text("P.S."),)),),
    )
    div = encoded(Body("telegram", message)).find(".//t:body/t:div", T)
    assert xml(div) == (
        '<div type="telegram"><opener><salute>To <roleName>Comrade</roleName> '
        '<persName ref="#stalin">Filippov</persName></salute></opener>'
        '<div type="point" n="1"><label>1.</label><p>First.</p></div>'
        "<closer><signed><persName>Mao Zedong</persName></signed>"
        '<dateline><date when="1949-01-12">12 January 1949</date></dateline></closer>'
        "<postscript><p>P.S.</p></postscript></div>"
    )


def test_a_message_without_paragraphs_still_has_one_for_tei() -> None:
    div = encoded(Body("cable", Message(closer=Closer(dateline=Dateline("no date", None)))))
    assert xml(div.find(".//t:body/t:div", T)) == (
        '<div type="cable"><p/><closer><dateline>no date</dateline></closer></div>'
    )


def test_a_relay_quotes_its_message_in_a_floating_text() -> None:
    quoted = QuotedMessage(Message(paragraphs=(Paragraph((Text("Inner."),)),)), QuoteStyle.CURLY)
    body = Body(
        "telegram", blocks=(OmissionBlock(Omission("…")), quoted, Paragraph((Text("Out."),)))
    )
    div = encoded(body).find(".//t:body/t:div", T)
    assert xml(div) == (
        '<div type="telegram"><p><ellipsis><metamark>…</metamark></ellipsis></p>'
        f'<floatingText type="message" rend="{QuoteStyle.CURLY.value}-quotes"><body>'
        "<p>Inner.</p></body></floatingText><p>Out.</p></div>"
    )


def test_a_person_id_the_telegram_does_not_carry_is_not_pointed_at() -> None:
    # a hand-built model that names an id without its person: no dangling @ref is written
    paragraph, _ = paragraph_of(PersonName("Filippov", "stalin"))
    assert paragraph == '<p><persName ref="#stalin">Filippov</persName></p>'
    root = encoded(
        Body("telegram", Message(paragraphs=(Paragraph((PersonName("Filippov", "stalin"),)),))),
        persons=(),
    )
    assert xml(root.find(".//t:body//t:p", T)) == "<p><persName>Filippov</persName></p>"
    assert root.find("t:standOff", T) is None

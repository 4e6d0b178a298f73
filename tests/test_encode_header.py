"""The header encoder from hand-built models: the facts of a Header, and the persons a
Telegram carries, become exactly their TEI. No reader, and no authority, is involved."""

from __future__ import annotations

import re

import pytest
from lxml import etree

import tei.authority
from tei import encode_telegram, serialize
from tei.dates import PartialDate
from tei.encode.header import document_id
from tei.io.xmlio import TEI_NS, XML_NS
from tei.model import (
    ArchivalReference,
    Body,
    Citation,
    CorrespAction,
    Header,
    KnownPerson,
    Language,
    Message,
    Paragraph,
    Person,
    PersonName,
    Telegram,
    Text,
)

T = {"t": TEI_NS}
XML_ID = f"{{{XML_NS}}}id"
STALIN = KnownPerson(
    "stalin",
    (("main", "Joseph Stalin"), ("pseudonym", "Filippov")),
    (("viaf", "101787139"),),
    "telegram-tei-persons",
)
MAO = KnownPerson("mao", (("main", "Mao Zedong"),), (), "mine.xml")
BODY = Body("telegram", Message(paragraphs=(Paragraph((Text("Text."),)),)))


def telegram(header: Header, persons=(STALIN, MAO), body: Body = BODY, name="t.txt") -> Telegram:
    return Telegram(header, body, name, persons=persons)


def root_of(value: Telegram) -> etree._Element:
    return encode_telegram(value).getroot()


def xml(element: etree._Element) -> str:
    return re.sub(r' xmlns="[^"]+"', "", etree.tostring(element, encoding="unicode"))


def test_the_journey_points_at_the_persons_the_telegram_carries() -> None:
    actions = (
        CorrespAction("sent", (Person("Filippov", "stalin"),), date=PartialDate(1949, 1, 14)),
        CorrespAction("transmitted", relay_from=Person("Kovalev"), date=PartialDate(1949, 1)),
        CorrespAction("received", (Person("Mao Zedong", "mao"),)),
    )
    root = root_of(telegram(Header(title="T", actions=actions)))
    assert xml(root.find(".//t:correspDesc", T)) == (
        '<correspDesc><correspAction type="sent"><persName ref="#stalin">Filippov</persName>'
        '<date when="1949-01-14"/></correspAction><correspAction type="transmitted">'
        '<persName role="sender" ref="#kovalev">Kovalev</persName><date when="1949-01"/>'
        '</correspAction><correspAction type="received">'
        '<persName ref="#mao">Mao Zedong</persName></correspAction></correspDesc>'
    )


def test_stand_off_lists_the_known_persons_and_names_their_files() -> None:
    actions = (
        CorrespAction("sent", (Person("Filippov", "stalin"),)),
        CorrespAction("received", (Person("Mao Zedong", "mao"),)),
    )
    root = root_of(telegram(Header(title="T", actions=actions)))
    assert xml(root.find("t:standOff", T)) == (
        '<standOff><listPerson><person xml:id="stalin" source="#authority-telegram-tei-persons">'
        '<persName type="main">Joseph Stalin</persName><persName type="pseudonym">Filippov'
        '</persName><idno type="viaf">101787139</idno></person>'
        '<person xml:id="mao" source="#authority-mine-xml"><persName type="main">Mao Zedong'
        "</persName></person></listPerson></standOff>"
    )
    titles = root.xpath("//t:sourceDesc/t:bibl[@xml:id]/t:title/text()", namespaces=T)
    assert titles == ["Authority file mine.xml", "Persons bundled with telegram-tei"]


def test_a_person_the_telegram_carries_but_never_names_is_left_out() -> None:
    actions = (CorrespAction("sent", (Person("Filippov", "stalin"),)),)
    root = root_of(telegram(Header(title="T", actions=actions)))
    assert root.xpath("//t:standOff//t:person/@xml:id", namespaces=T) == ["stalin"]


def test_an_unidentified_correspondent_gets_an_entry_and_the_body_links_to_it() -> None:
    actions = (CorrespAction("received", (Person("Ivan Kovalev"),)),)
    body = Body("telegram", Message(paragraphs=(Paragraph((PersonName("Ivan  Kovalev"),)),)))
    root = root_of(telegram(Header(title="T", actions=actions), persons=(), body=body))
    assert root.xpath("//t:standOff//t:person/@xml:id", namespaces=T) == ["ivan-kovalev"]
    assert root.xpath("//t:body//t:persName/@ref", namespaces=T) == ["#ivan-kovalev"]
    assert root.find(".//t:standOff//t:person", T).get("source") is None
    # no authority file was used, so none is named
    assert root.xpath("//t:sourceDesc/t:bibl[@xml:id]", namespaces=T) == []


def test_a_correspondent_named_like_the_file_gets_an_id_of_its_own() -> None:
    # hypothesis found it: sender "A" of a.txt took the document's own xml:id "a"
    actions = (CorrespAction("sent", (Person("A"),)),)
    root = root_of(telegram(Header(title="T", actions=actions), persons=(), name="a.txt"))
    ids = root.xpath("//@xml:id", namespaces=T)
    assert root.get(XML_ID) == "a" and len(ids) == len(set(ids))
    assert root.xpath("//t:correspAction/t:persName/@ref", namespaces=T) == ["#a-person"]


def test_encoding_consults_no_authority(monkeypatch) -> None:
    def refuse(*_arguments):
        raise AssertionError("the encoder loaded an authority")

    for method in ("__init__", "find", "get", "longest_name_ending"):
        monkeypatch.setattr(tei.authority.Authority, method, refuse)
    actions = (CorrespAction("sent", (Person("Filippov", "stalin"),)),)
    assert b'ref="#stalin"' in serialize(encode_telegram(telegram(Header(actions=actions))))


def test_languages_archive_and_pages_go_to_the_manuscript_description() -> None:
    reference = ArchivalReference(
        "APRF", "45", "1", "330", "pp.", (("110", "113"),), "110-113", "APRF, f. 45"
    )
    header = Header(
        title="T",
        archival_refs=(reference, ArchivalReference("AVP RF", "07", delo="2")),
        telegram_numbers=("3231",),
        original_language=Language("Russian", "ru"),
        text_language=Language("English", "en"),
    )
    root = root_of(telegram(header, persons=()))
    assert xml(root.find(".//t:msDesc", T)) == (
        '<msDesc><msIdentifier xml:id="ms-1"><repository>APRF</repository>'
        '<collection type="fond">45</collection><collection type="opis">1</collection>'
        '<idno type="delo">330</idno><altIdentifier xml:id="ms-2"><repository>AVP RF'
        '</repository><collection type="fond">07</collection><idno type="delo">2</idno>'
        '</altIdentifier></msIdentifier><msContents><textLang mainLang="ru">Russian</textLang>'
        '<msItem><locusGrp corresp="#ms-1"><locus from="110" to="113">110-113</locus>'
        '</locusGrp><idno type="telegram">3231</idno></msItem></msContents></msDesc>'
    )
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_the_citation_is_kept_verbatim_with_its_parts_marked() -> None:
    citation = Citation(
        "Cable, 14 January 1949, Wilson Center, https://example.org/1",
        title="Cable",
        date_text="14 January 1949",
        publisher="Wilson Center",
        url="https://example.org/1",
    )
    header = Header(title="Cable", date=PartialDate(1949, 1, 14), citation=citation)
    bibl = root_of(telegram(header, persons=())).find(".//t:sourceDesc/t:bibl", T)
    assert xml(bibl) == (
        '<bibl><title>Cable</title>, <date when="1949-01-14">14 January 1949</date>, '
        "<publisher>Wilson Center</publisher>, "
        '<ref target="https://example.org/1">https://example.org/1</ref></bibl>'
    )


def test_a_header_with_nothing_says_so_instead_of_inventing() -> None:
    root = root_of(telegram(Header(), persons=()))
    assert root.findtext(".//t:titleStmt/t:title", namespaces=T) == "Untitled telegram"
    assert root.findtext(".//t:publicationStmt/t:p", namespaces=T) == (
        "The source names no publisher."
    )
    assert root.findtext(".//t:sourceDesc/t:p", namespaces=T) == "The source gives no citation."
    assert root.find(".//t:correspDesc", T) is None
    assert root.find("t:standOff", T) is None


@pytest.mark.parametrize(
    ("name", "number", "expected"),
    [
        ("x/telegram.txt", "12345", "doc-12345"),
        ("x/letter 1.txt", None, "letter-1"),
        ("1949-01-12.txt", None, "doc-1949-01-12"),
    ],
)
def test_the_document_id_is_an_ncname_from_the_archive_number_or_the_name(
    name: str, number: str | None, expected: str
) -> None:
    assert document_id(Telegram(Header(doc_number=number), BODY, name)) == expected


def test_standard_input_gets_an_id_from_a_hash_that_stays_the_same() -> None:
    first = document_id(Telegram(Header(title="A"), BODY, "<stdin>"))
    assert re.fullmatch(r"doc-[0-9a-f]{12}", first)
    assert first == document_id(Telegram(Header(title="A"), BODY, "<stdin>"))
    assert first != document_id(Telegram(Header(title="B"), BODY, "<stdin>"))

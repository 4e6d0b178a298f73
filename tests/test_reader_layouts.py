"""The Wilson Center current-site and FRUS readers on real pages and on made-up near misses."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei import bundled_authority, encode_telegram, read
from tei.errors import InputError
from tei.readers import detect_layout

CORPUS = Path(__file__).parent / "corpus"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def page(folder: str, stem: str) -> str:
    return (CORPUS / folder / f"{stem}.txt").read_text("utf-8")


def tei_of(text: str, name: str = "page.txt") -> etree._Element:
    return encode_telegram(read(text, name, bundled_authority())).getroot()


@pytest.mark.parametrize("path", sorted((CORPUS / "wilson").glob("*.txt")), ids=lambda p: p.stem)
def test_wilson_pages_are_read_as_the_current_site(path: Path) -> None:
    assert detect_layout(path.read_text("utf-8")).NAME == "wilson-site"


@pytest.mark.parametrize("path", sorted((CORPUS / "frus").glob("*.txt")), ids=lambda p: p.stem)
def test_frus_pages_are_read_as_frus(path: Path) -> None:
    assert detect_layout(path.read_text("utf-8")).NAME == "frus"


def test_seeds_keep_their_layouts() -> None:
    assert detect_layout(page("seeds", "000_4a28453c626bc618")).NAME == "markdown-export"
    assert detect_layout(page("seeds", "001_552a14868e1716bc")).NAME == "web-page"


def test_one_dropped_warning_names_the_furniture() -> None:
    telegram = read(page("wilson", "1949-10-14-ciphered-telegram-no-4159-from-filipov-stalin-to"))
    dropped = [w.message for w in telegram.warnings if w.message.startswith("dropped ")]
    assert len(dropped) == 1
    assert "the end of the previous document's summary" in dropped[0]
    assert "Related Documents row" in dropped[0] and "Rights text" in dropped[0]


def test_multi_line_stamp_is_one_insertion() -> None:
    root = tei_of(page("wilson", "1952-01-17-report-to-i-v-stalin-on-draft-instructions-to-cd"))
    stamps = [
        " ".join("".join(n.itertext()).split())
        for n in root.iterfind(".//t:note[@subtype='stamp']", NS)
    ]
    assert stamps == ["Stamp: Secretariat of V. M. Molotov 17 1 1952 Incoming Nº M-740s"]


def test_stamp_whose_opening_bracket_the_page_lost() -> None:
    telegram = read(page("wilson", "1949-10-14-ciphered-telegram-no-4159-from-filipov-stalin-to"))
    assert any("closes a stamp whose '['" in w.message for w in telegram.warnings)


SITE = "Skip to content\n\nMay 10, 1948\n\nCable, Mao Zedong to Filippov [Stalin]\n\n{body}\n"


def test_a_truly_unbalanced_bracket_is_still_an_error_naming_its_line() -> None:
    body = "Text [with a bracket.\n\nMore text.\n\nSummary.\n\nDocument Information"
    text = SITE.format(body=body)
    with pytest.raises(InputError) as raised:
        read(text, "page.txt")
    assert raised.value.location.line == 7


def test_a_page_cut_inside_a_bracket_converts_and_warns() -> None:
    text = SITE.format(body="Text.\n\n[Stamp: Subject to return to the\n\nVKP(b) CC Special")
    telegram = read(text, "page.txt")
    assert any("ends inside a bracket" in w.message for w in telegram.warnings)
    assert tei_of(text).find(".//t:note[@subtype='stamp']", NS) is not None


def test_quoted_author_is_the_sender_and_relays_are_transmitted() -> None:
    root = tei_of(page("wilson", "1950-05-14-ciphered-telegram-no-8600-vyshinsky-to-mao-zedon"))
    corresp = root.find(".//t:correspDesc", NS)
    sent = corresp.find("t:correspAction[@type='sent']/t:persName", NS)
    assert sent.text == "Filippov" and sent.get("ref") == "#stalin"
    relays = [e.text for e in corresp.iterfind("t:correspAction[@type='transmitted']/*", NS)]
    assert relays == ["Vyshinsky", "SovAmbassador"]
    body = " ".join("".join(root.find("t:text", NS).itertext()).split())
    assert "Destination: PEKING To Whom: SovAmbassador" in body


def test_an_organisation_is_an_org_name() -> None:
    root = tei_of(page("wilson", "1951-01-13-ciphered-telegram-roshchin-to-ussr-foreign-minis"))
    org = root.find(".//t:correspAction[@type='received']/t:orgName", NS)
    assert org.text == "USSR Foreign Ministry"


def test_source_statement_references_translator_and_language() -> None:
    telegram = read(page("wilson", "1948-05-10-cable-mao-zedong-to-filippov-stalin"))
    header = telegram.header
    assert header.archival_refs[0].repository == "APRF" and header.archival_refs[0].fond == "39"
    assert header.translator == "Sergey Radchenko"
    assert header.original_language.code == "ru"
    assert header.citation.text.startswith("APRF: F. 39, Op. 1, D. 31, L. 34. Reprinted in")


def test_frus_head_dateline_receipt_and_number() -> None:
    root = tei_of(page("frus", "frus1943China-d339"))
    corresp = root.find(".//t:correspDesc", NS)
    sent = corresp.find("t:correspAction[@type='sent']", NS)
    assert sent.find("t:persName/t:roleName", NS).text == "Chargé in China"
    assert sent.find("t:persName/t:name", NS).text == "Vincent"
    assert sent.findtext("t:placeName", namespaces=NS) == "Chungking"
    assert sent.find("t:date", NS).get("when") == "1943-03-28T09:00:00"
    received = corresp.find("t:correspAction[@type='received']", NS)
    assert received.find("t:orgName", NS).text == "Secretary of State"
    assert received.find("t:date", NS).get("when") == "1943-03-28T23:20:00"
    assert root.findtext(".//t:msItem/t:idno[@type='telegram']", namespaces=NS) == "464"
    assert root.findtext(".//t:msItem/t:idno[@type='file']", namespaces=NS) == "893.51/7686"
    opener = root.find(".//t:opener", NS)
    assert opener.find("t:dateline/t:placeName", NS).text == "Chungking"
    assert len(opener.findall("t:seg[@type='received']", NS)) == 2


def test_frus_footnotes_anchored_where_the_markers_stand() -> None:
    root = tei_of(page("frus", "frus1949v07p2-d219"))
    notes = root.findall(".//t:note[@type='footnote']", NS)
    assert [n.get("n") for n in notes] == ["1", "2"]
    previous = notes[0].getprevious()
    before = notes[0].getparent().text if previous is None else previous.tail
    assert before.endswith("the treaty of 1883")
    assert notes[1].getparent().text.endswith("scheduled for Saturday.")


def test_frus_single_line_paragraphs_stay_apart() -> None:
    root = tei_of(page("frus", "frus1943China-d753"))
    paragraphs = root.findall(".//t:div[@type='telegram']/t:p", NS)
    assert len(paragraphs) == 3
    assert paragraphs[1].text.startswith("I said in reply")


def test_frus_list_labels_join_their_items() -> None:
    root = tei_of(page("frus", "frus1943China-d338"))
    points = root.findall(".//t:div[@type='point']", NS)
    assert [p.get("n") for p in points] == ["1", "2", "3"]


@pytest.mark.parametrize(
    ("title", "sender", "recipient"),
    [
        (
            "Cable, Gromyko to Ministry of Foreign Affairs, Moscow",
            "Gromyko",
            "Ministry of Foreign Affairs, Moscow",
        ),
        ("Letter, X to USSR Council of Ministers", "X", "USSR Council of Ministers"),
    ],
)
def test_title_organisations(title: str, sender: str, recipient: str) -> None:
    from tei.readers.title import parse_title

    facts = parse_title(title, bundled_authority())
    assert facts.sender.name == sender and not facts.sender.org
    assert facts.recipient.name == recipient and facts.recipient.org


def test_title_office_after_a_person_is_its_role() -> None:
    from tei.readers.title import parse_title

    facts = parse_title(
        "Letter, Mohammed Reza Pahlavi to Generalissimo Stalin, Chairman of the Council of "
        "Ministers of the Union of Soviet Socialist Republics",
        bundled_authority(),
    )
    assert facts.recipient.name == "Generalissimo Stalin" and not facts.recipient.org
    assert facts.recipient.role.startswith("Chairman of the Council")


def test_frus_copy_beginning_with_the_site_heading() -> None:
    text = "Office of the Historian\nDocument 339\n" + page("frus", "frus1943China-d339")
    telegram = read(text, "page.txt")
    assert telegram.layout == "frus"
    dropped = [w.message for w in telegram.warnings if w.message.startswith("dropped ")]
    assert dropped == [
        "dropped 2 lines of site furniture: page heading 'Office of the Historian', "
        "page heading 'Document 339' (lines 1, 2)"
    ]
    assert telegram.header.title == "The Chargé in China (Vincent) to the Secretary of State"


def test_wilson_text_above_the_date_is_named_with_its_text() -> None:
    text = "Digital Archive\n" + page("wilson", "1947-12-17-cable-terebin-to-stalin-via-kuznetsov")
    telegram = read(text, "page.txt")
    dropped = next(w.message for w in telegram.warnings if w.message.startswith("dropped "))
    assert "'Digital Archive'" in dropped
    assert telegram.header.title == "Cable, Terebin to Stalin [via Kuznetsov]"


def test_frus_footnotes_render_as_marks_and_notes() -> None:
    from lxml import html

    from tei.render.xslt import render_html, render_text

    tree = encode_telegram(read(page("frus", "frus1942China-d383"), "d383.txt"))
    text = render_text(tree).decode("utf-8")
    assert "190. From Adler28 for Secretary of the Treasury.29" in text
    assert "[Page 499] Finally" in text
    assert text.rstrip().endswith(
        "30. Edmund L. Hall-Patch, British member of the Chinese Stabilization Board."
    )
    document = html.fromstring(render_html(tree))
    marks = document.xpath("//sup[@class='fn-mark']/a")
    notes = document.xpath("//li[@class='footnote']")
    assert [m.text for m in marks] == ["28", "29", "30"] and len(notes) == 3
    for mark, note in zip(marks, notes, strict=True):
        assert mark.get("href") == f"#{note.get('id')}"
        back = note.xpath("a")[-1].get("href")
        assert document.xpath(f"//*[@id='{back[1:]}']")


def test_receipt_lines_render_in_brackets() -> None:
    from tei.render.xslt import render_text

    tree = encode_telegram(read(page("frus", "frus1943China-d339"), "d339.txt"))
    lines = render_text(tree).decode("utf-8").splitlines()
    assert "Chungking, March 28, 1943—9 a.m." in lines
    assert lines.count("[Received 11:20 p.m.]") == 2
    assert "Received: 28 March 1943, 23:20" in lines


def test_frus_repeat_addressees_received_it_too() -> None:
    root = tei_of(page("frus", "frus1949v07p2-d219"))
    received = root.find(".//t:correspAction[@type='received']", NS)
    assert [e.text for e in received] == ["Secretary of State", "CINCFE"]


def _project_findings(text: str) -> list[str]:
    from tei import convert_text
    from tei.validators.validate import iter_diagnostics

    return [d.message for d in iter_diagnostics("page.xml", convert_text(text, "page.txt"))]


def test_a_dateline_above_the_message_dates_it_over_the_archive() -> None:
    text = (
        "Skip to content\n\nJuly 4, 1946\n\nLetter, Khosrow Egbal to I. V. Stalin\n\n"
        "Moscow, 3 July 1946\n\nI ask for an interview.\n\n/Khosrow Eghbal/\n\n"
        "A journalist asks for an interview.\n\nDocument Information\n"
    )
    root = tei_of(text)
    sent = root.find(".//t:correspAction[@type='sent']", NS)
    assert sent.find("t:date", NS).get("when") == "1946-07-03"
    assert sent.findtext("t:placeName", namespaces=NS) == "Moscow"
    assert _project_findings(text) == []


#: the pages of the layouts these readers know (other publishers' pages go to the generic reader)
LAYOUT_PAGES = sorted(
    p for folder in ("wilson", "frus", "seeds") for p in (CORPUS / folder).glob("*.txt")
)


@pytest.mark.parametrize("path", LAYOUT_PAGES, ids=lambda p: p.stem)
def test_every_real_page_gives_tei_the_project_schemas_accept(path: Path) -> None:
    assert _project_findings(path.read_text("utf-8")) == []


def test_every_real_page_gives_tei_that_tei_all_accepts() -> None:
    from tei import convert_text
    from tei.validators.validate import validate_documents
    from tests.validation_support import jing_available

    if not jing_available():
        pytest.skip("jing or tei_all is not installed (scripts/test.sh installs both)")
    documents = {
        path.name: convert_text(path.read_text("utf-8"), path.name) for path in LAYOUT_PAGES
    }
    findings = validate_documents(documents, level="all")
    assert {name: [d.message for d in found] for name, found in findings.items() if found} == {}


def test_wilson_record_id_and_url_from_the_sidebar() -> None:
    text = (
        "Skip to content\n\nMay 10, 1948\n\nCable, Mao Zedong to Filippov [Stalin]\n\n"
        "Today received your letter.\n\nMao Zedong.\n\nMao delays his trip.\n\n"
        "Document Information\n\nAPRF: F. 39, Op. 1, D. 31, L. 34.\n\n"
        "https://digitalarchive.wilsoncenter.org/document/112234\n\nRecord ID\n\n112234\n"
    )
    root = tei_of(text)
    assert root.get("{http://www.w3.org/XML/1998/namespace}id") == "doc-112234"
    bibl = root.find(".//t:sourceDesc/t:bibl", NS)
    assert bibl.find("t:ref", NS).get("target").endswith("/document/112234")
    assert "".join(bibl.itertext()).startswith("APRF: F. 39, Op. 1, D. 31, L. 34.")
    assert _project_findings(text) == []


def test_frus_page_holding_private_use_characters_keeps_its_notes_at_the_end() -> None:
    text = page("frus", "frus1949v07p2-d219").replace("I am seeing", "I am \ue000seeing")
    telegram = read(text, "page.txt")
    assert any("private-use characters" in w.message for w in telegram.warnings)
    root = tei_of(text)
    assert len(root.findall(".//t:note[@type='footnote']", NS)) == 2
    assert "\ue000" in "".join(root.find("t:text", NS).itertext())


def test_frus_head_of_another_form_is_still_the_title() -> None:
    text = page("frus", "frus1943China-d339").replace(
        "The Chargé in China (Vincent) to the Secretary of State",
        "Memorandum of Conversation with Dr. Kung",
    )
    telegram = read(text, "page.txt")
    assert telegram.header.title == "Memorandum of Conversation with Dr. Kung"
    assert telegram.body.front[0].kind == "dateline"


def test_signature_lines_carry_their_dates_and_only_the_name_is_a_name() -> None:
    kovalev = tei_of(page("wilson", "1949-11-11-cable-no-59976-kovalev-to-cde-filippov-stalin"))
    closer = kovalev.find(".//t:div/t:closer", NS)
    assert closer.find("t:signed/t:persName", NS).text == "KOVALEV"
    assert closer.findtext("t:dateline", namespaces=NS) == "11 November"
    roshchin = tei_of(page("wilson", "1951-01-13-ciphered-telegram-roshchin-to-ussr-foreign-minis"))
    closer = roshchin.find(".//t:div/t:closer", NS)
    assert [child.tag.split("}")[1] for child in closer] == ["dateline", "signed"]
    assert closer.find("t:signed/t:persName", NS).text == "ROSHCHIN"

"""The two sample telegrams: golden TEI, every fact the issue names, and tei_all validity.

Golden files are regenerated with ``python tests/regenerate_golden.py`` after a deliberate change
to the encoding; the diff then shows exactly what changed.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree

NS = {"t": "http://www.tei-c.org/ns/1.0"}
SEED_000 = "000_4a28453c626bc618"
SEED_001 = "001_552a14868e1716bc"


def xpath(data: bytes | etree._Element, expression: str) -> list:
    root = etree.fromstring(data) if isinstance(data, bytes) else data
    return root.xpath(expression, namespaces=NS)


def text_of(data: bytes, expression: str) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in xpath(data, expression)]


@pytest.mark.parametrize("stem", [SEED_000, SEED_001])
def test_no_editorial_bracket_left_in_the_body(stem, seed_tei) -> None:
    body_text = "".join(xpath(seed_tei[stem], "//t:text//text()"))
    assert "[" not in body_text and "]" not in body_text


# ------------------------------------------------------------------ seed 000


def test_000_correspondence(seed_tei) -> None:
    data = seed_tei[SEED_000]
    assert [a.get("type") for a in xpath(data, "//t:correspAction")] == [
        "sent",
        "transmitted",
        "received",
    ]
    assert text_of(data, "//t:correspAction[@type='sent']/t:persName") == ["Mao Zedong"]
    assert xpath(data, "string(//t:correspAction[@type='sent']/t:date/@when)") == "1949-01-12"
    assert text_of(data, "//t:correspAction[@type='received']/t:persName") == ["Filippov"]
    transmitted = "//t:correspAction[@type='transmitted']"
    assert text_of(data, f"{transmitted}/t:persName[@role='sender']") == ["Terebin"]
    assert text_of(data, f"{transmitted}/t:persName[@role='addressee']") == ["Kuznetsov"]
    assert xpath(data, f"string({transmitted}/t:date/@when)") == "1949-01-13"


def test_000_filippov_is_a_person_whose_other_name_is_stalin(seed_tei) -> None:
    data = seed_tei[SEED_000]
    ref = xpath(data, "string(//t:correspAction[@type='received']/t:persName/@ref)")
    person = xpath(data, f"//t:standOff//t:person[@xml:id='{ref[1:]}']")
    assert len(person) == 1
    names = text_of(person[0], "t:persName")
    assert "Filippov" in names and any("Stalin" in name for name in names)
    pseudonym = text_of(person[0], "t:persName[@type='pseudonym']")
    assert pseudonym == ["Filippov"]


def test_000_telegram_numbers_and_archives(seed_tei) -> None:
    data = seed_tei[SEED_000]
    assert text_of(data, "//t:msItem/t:idno[@type='telegram']") == ["50450", "50470", "50490"]
    main = "//t:msDesc/t:msIdentifier"
    assert text_of(data, f"{main}/t:repository") == ["APRF"]
    assert text_of(data, f"{main}/t:collection[@type='fond']") == ["45"]
    assert text_of(data, f"{main}/t:collection[@type='opis']") == ["1"]
    assert text_of(data, f"{main}/t:idno[@type='delo']") == ["330"]
    alt = f"{main}/t:altIdentifier"
    assert text_of(data, f"{alt}/t:repository") == ["RGASPI"]
    assert text_of(data, f"{alt}/t:collection[@type='fond']") == ["558"]
    assert text_of(data, f"{alt}//t:idno[@type='opis']") == ["11"]
    assert text_of(data, f"{alt}//t:idno[@type='delo']") == ["330"]
    folios = [(loc.get("from"), loc.get("to")) for loc in xpath(data, "//t:locus")]
    assert folios == [("0100", "0100"), ("0101", "0102"), ("0103", "0103")]
    group = xpath(data, "//t:locusGrp")[0]
    assert group.get("corresp") == "#" + xpath(data, f"string({alt}/@xml:id)")


def test_000_languages_and_summary(seed_tei) -> None:
    data = seed_tei[SEED_000]
    text_lang = xpath(data, "//t:msContents/t:textLang")[0]
    assert text_lang.get("mainLang") == "ru" and text_lang.text == "Russian"
    assert xpath(data, "string(/t:TEI/@xml:lang)") == "en"
    assert xpath(data, "string(//t:langUsage/t:language/@ident)") == "en"
    assert text_of(data, "//t:abstract/t:p") == [
        "Mao responds to Stalin's telegrams regarding the Soviet response to the proposal for "
        "negotiations from the Chinese Nationalist government in Nanjing."
    ]


def test_000_omission_marks_kept_exactly(seed_tei) -> None:
    data = seed_tei[SEED_000]
    assert text_of(data, "//t:text//t:ellipsis/t:metamark") == ["....", "..."]


def test_000_points_quote_and_choice(seed_tei) -> None:
    data = seed_tei[SEED_000]
    message = "//t:div[@type='telegram']/t:floatingText[@type='message']/t:body"
    points = xpath(data, f"{message}/t:div[@type='point']")
    assert [p.get("n") for p in points] == ["1", "2", "3", "4"]
    assert text_of(data, f"{message}/t:div[@type='point']/t:label") == ["1.", "2.", "3.", "4."]
    assert text_of(data, f"{message}/t:opener/t:salute") == ["Comrade Filippov,"]
    assert text_of(data, f"{message}/t:closer/t:signed") == ["Mao Zedong"]
    assert xpath(data, f"string({message}/t:closer/t:dateline/t:date/@when)") == "1949-01-12"
    choice = xpath(data, "//t:text//t:persName/t:choice")[0]
    assert text_of(choice, "t:orig") == ["Chiang Kai-shek"]
    assert text_of(choice, "t:reg") == ["Jiang Jieshi"]
    body_text = "".join(xpath(data, "//t:text//text()"))
    assert '"' not in body_text  # the quotation marks are restored on rendering, not kept


def test_000_header_title_citation_and_ids(seed_tei) -> None:
    data = seed_tei[SEED_000]
    assert xpath(data, "string(/t:TEI/@xml:id)") == "doc-112663"
    title = text_of(data, "//t:titleStmt/t:title")[0]
    assert title.endswith("transmitting a Message from Mao Zedong to Filippov [Stalin]")
    assert text_of(data, "//t:publicationStmt/t:publisher") == ["Wilson Center Digital Archive"]
    url = "https://wilson-center-digital-archive.dvincitest.com/document/112663"
    assert text_of(data, "//t:publicationStmt/t:idno[@type='URI']") == [url]
    bibl = xpath(data, "//t:sourceDesc/t:bibl")[0]
    assert xpath(bibl, "string(t:date/@when)") == "1949-01-13"
    assert xpath(bibl, "string(t:ref/@target)") == url
    assert "APRF, f. 45, op. 1, d. 330" in "".join(bibl.itertext())
    assert text_of(data, "//t:titleStmt/t:respStmt/t:persName") == ["Sergey Radchenko"]


# ------------------------------------------------------------------ seed 001


def test_001_correspondence_and_funder(seed_tei) -> None:
    data = seed_tei[SEED_001]
    assert [a.get("type") for a in xpath(data, "//t:correspAction")] == ["sent", "received"]
    assert text_of(data, "//t:correspAction[@type='sent']/t:persName") == ["Filippov"]
    assert xpath(data, "string(//t:correspAction[@type='sent']/t:date/@when)") == "1949-01-14"
    assert text_of(data, "//t:correspAction[@type='received']/t:persName") == ["Mao Zedong"]
    assert text_of(data, "//t:titleStmt/t:funder") == ["Leon Levy Foundation"]
    assert xpath(data, "string(/t:TEI/@xml:id)") == "doc-001_552a14868e1716bc"


def test_001_supplied_list_points_and_closer(seed_tei) -> None:
    data = seed_tei[SEED_001]
    assert text_of(data, "//t:text//t:supplied[@reason='subaudible']") == ["which is"]
    items = xpath(data, "//t:text//t:p/t:list/t:item")
    assert [item.get("n") for item in items] == ["a", "b", "c", "d"]
    points = xpath(data, "//t:div[@type='cable']/t:div[@type='point']")
    assert [p.get("n") for p in points] == ["1", "2", "3", "4", "5", "6"]
    closer = "//t:div[@type='cable']/t:closer"
    assert text_of(data, f"{closer}/t:signed/t:persName") == ["Filippov"]
    assert text_of(data, f"{closer}/t:signed/t:supplied[@reason='explanation']") == ["Stalin"]
    assert xpath(data, f"string({closer}/t:dateline/t:date/@when)") == "1949-01-14"
    assert text_of(data, "//t:opener/t:salute") == ["To Comrade Mao Zedong."]


def test_001_drops_site_navigation_and_pdf_notices(seed_tei) -> None:
    everything = " ".join(xpath(seed_tei[SEED_001], "//text()"))
    for boilerplate in ("Search in", "get citation", "share document", "PDF", "English HTML"):
        assert boilerplate not in everything


def test_editorial_decl_lists_every_value_the_body_uses(seed_tei) -> None:
    for data in seed_tei.values():
        declared = set(xpath(data, "//t:editorialDecl//t:item/@n"))
        used = set()
        for reason in xpath(data, "//t:text//t:supplied/@reason"):
            used.add(reason)
        if xpath(data, "//t:text//t:ellipsis"):
            used.add("omission")
        if xpath(data, "//t:text//t:choice[t:orig]"):
            used.add("regularisation")
        assert used == declared


def test_header_titles_keep_the_archives_own_brackets(seed_tei) -> None:
    titles = [text_of(data, "//t:titleStmt/t:title")[0] for data in seed_tei.values()]
    assert all(re.search(r"Filippov \[Stalin\]", title) for title in titles)

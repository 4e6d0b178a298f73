"""Real pages (tests/corpus/wilson: Wilson Center Digital Archive, current site; tests/corpus/frus:
history.state.gov, with the Office of the Historian's TEI beside each): every page converts,
leaves no bracket as text, every truth field is found or its miss has a reason, and the FRUS
correspDesc agrees with the OHO TEI. Sources: the `url` of each NAME.json."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from bench.fidelity import score_document
from tei import bundled_authority, encode_telegram, read

CORPUS = Path(__file__).parent / "corpus"
PAGES = sorted((CORPUS / "wilson").glob("*.txt")) + sorted((CORPUS / "frus").glob("*.txt"))
FRUS = sorted((CORPUS / "frus").glob("*.txt"))
NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_page_is_scored_without_refusal_and_misses_have_reasons(path: Path) -> None:
    result = score_document(path)
    assert not result.error
    assert result.scores["brackets as text"].found == 1
    for name, score in result.scores.items():
        if score.found < score.expected:
            assert score.reason, f"{name} missed without a reason"


def _oho(path: Path) -> etree._Element:
    raw = path.with_suffix(".tei.xml").read_text("utf-8")
    wrapped = (
        '<wrap xmlns="http://www.tei-c.org/ns/1.0" '
        f'xmlns:frus="http://history.state.gov/frus/ns/1.0">{raw}</wrap>'
    )
    return etree.fromstring(wrapped.encode("utf-8"))


@pytest.mark.parametrize("path", FRUS, ids=lambda p: p.stem)
def test_frus_agrees_with_the_office_of_the_historian(path: Path) -> None:
    oho = _oho(path)
    page = path.read_text("utf-8")
    tree = encode_telegram(read(page, path.name, bundled_authority())).getroot()
    corresp = tree.find(".//t:correspDesc", NS)
    sent = corresp.find("t:correspAction[@type='sent']", NS)
    received = corresp.find("t:correspAction[@type='received']", NS)
    oho_from = " ".join("".join(oho.find(".//t:head//*[@type='from']", NS).itertext()).split())
    oho_to = " ".join("".join(oho.find(".//t:head//*[@type='to']", NS).itertext()).split())
    for action, expected in ((sent, oho_from), (received, oho_to)):
        names = [
            " ".join("".join(e.itertext()).split())
            for e in action.xpath(
                "t:persName/t:name | t:persName[not(t:name)] | t:orgName", namespaces=NS
            )
        ]
        assert expected in names
    dateline = oho.find(".//t:opener/t:dateline", NS)
    page_flat = " ".join(page.split())
    oho_date = dateline.find(".//t:date", NS) if dateline is not None else None
    if oho_date is not None and " ".join("".join(oho_date.itertext()).split()) in page_flat:
        when = sent.find("t:date", NS).get("when")
        assert when == oho_date.get("when")[: len(when)]
        place = " ".join("".join(dateline.find(".//t:placeName", NS).itertext()).split())
        assert sent.findtext("t:placeName", namespaces=NS).casefold() == place.casefold()
    for signed in oho.iterfind(".//t:closer/t:signed", NS):
        name = " ".join("".join(signed.itertext()).split())
        if name in [line.strip() for line in page.splitlines()]:
            ours = [
                " ".join("".join(s.itertext()).split()) for s in tree.iterfind(".//t:signed", NS)
            ]
            assert name in ours


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_every_word_is_in_the_tei_or_named_as_dropped(path: Path) -> None:
    page = path.read_text("utf-8")
    telegram = read(page, path.name, bundled_authority())
    root = encode_telegram(telegram).getroot()
    # text nodes apart (a tag between two words is a word break), and @n (page and note numbers)
    tei_words = set(_words(" ".join(root.itertext()))) | set(_words(" ".join(root.xpath("//@n"))))
    dropped: set[int] = set()
    for warning in telegram.warnings:
        if warning.message.startswith("dropped ") and "(lines " in warning.message:
            numbers = warning.message.rsplit("(lines ", 1)[1].rstrip(")")
            dropped |= {int(n) for n in numbers.split(", ")}
    missing = [
        (number, word)
        for number, line in enumerate(page.splitlines(), 1)
        if number not in dropped
        for word in _words(line)
        if word not in tei_words
    ]
    assert not missing


def _words(text: str) -> list[str]:
    import re

    return [w for w in re.findall(r"[A-Za-z]{2,}", text)]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_rendering_gives_back_the_reading_text(path: Path) -> None:
    from tei.readers import reading_text
    from tei.render.xslt import render_text

    source = path.read_text("utf-8")
    rendered = render_text(encode_telegram(read(source, path.name, bundled_authority())))
    lines = rendered.decode("utf-8").split("\n")
    body = lines[lines.index("") + 1 :]
    assert " ".join(body).split() == " ".join(reading_text(source)).split()

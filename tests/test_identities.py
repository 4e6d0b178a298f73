"""Identities are resolved once, when reading; ``authority`` means "added over the bundled ones".

The bug these tests would have caught: ``tei.read(text, name, my_authority)`` then
``tei.encode_telegram(telegram)`` wrote the bundled person's id instead of the user's and
dropped the user's person from ``standOff``, because the encoder looked every name up again in
an authority of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from lxml import etree
from typer.testing import CliRunner

import tei
from tei.authority import Authority, load_authority_bytes
from tei.cli import app
from tei.io.xmlio import TEI_NS
from tests.conftest import SEED_FILES
from tests.strategies_choices import telegrams

T = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
MINE = b"""<listPerson xmlns="http://www.tei-c.org/ns/1.0">
  <person xml:id="iosif">
    <persName type="main">Joseph Stalin</persName>
    <persName type="pseudonym">Filippov</persName>
    <idno type="viaf">101787139</idno>
  </person>
</listPerson>"""
FILIPPOV = next(p for p in SEED_FILES if "Filippov" in p.read_text("utf-8"))


@pytest.fixture
def mine() -> Authority:
    return load_authority_bytes(MINE, "mine.xml")


def _refs(tree: etree._ElementTree) -> set[str]:
    return set(tree.xpath("//t:persName[. = 'Filippov']/@ref", namespaces=T))


def _stand_off(tree: etree._ElementTree) -> dict[str, str]:
    return {
        p.get("{http://www.w3.org/XML/1998/namespace}id"): p.get("source")
        for p in tree.xpath("//t:standOff//t:person", namespaces=T)
    }


def test_read_then_encode_keeps_the_users_identities(mine: Authority) -> None:
    telegram = tei.read(FILIPPOV.read_text("utf-8"), FILIPPOV.name, mine)
    tree = tei.encode_telegram(telegram)
    assert _refs(tree) == {"#iosif"}
    people = _stand_off(tree)
    assert people["iosif"] == "#authority-mine-xml"
    assert "stalin" not in people
    assert tree.xpath("//t:person[@xml:id='iosif']/t:idno/text()", namespaces=T) == ["101787139"]


def test_every_way_in_writes_the_same_identities(mine: Authority, tmp_path: Path) -> None:
    text = FILIPPOV.read_text("utf-8")
    by_steps = tei.serialize(tei.encode_telegram(tei.read(text, FILIPPOV.name, mine)))
    assert tei.convert_text(text, FILIPPOV.name, mine) == by_steps
    assert tei.serialize(tei.encode_text(text, FILIPPOV.name, mine)) == by_steps
    (tmp_path / "mine.xml").write_bytes(MINE)
    source = tmp_path / FILIPPOV.name
    source.write_text(text, "utf-8")
    result = CliRunner().invoke(
        app,
        [
            "convert",
            str(source),
            "-o",
            str(tmp_path / "out"),
            "--authority",
            str(tmp_path / "mine.xml"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / f"{FILIPPOV.stem}.xml").read_bytes() == by_steps


def test_the_telegram_carries_the_persons_reading_recognised(mine: Authority) -> None:
    bundled = tei.read(FILIPPOV.read_text("utf-8"), FILIPPOV.name)
    ids = [p.id for p in bundled.persons]
    assert "stalin" in ids and len(ids) == len(set(ids))
    assert {p.source for p in bundled.persons} == {"telegram-tei-persons"}
    ours = tei.read(FILIPPOV.read_text("utf-8"), FILIPPOV.name, mine)
    # the user's Stalin where the bundled one was; everyone else still from the bundled file
    assert [p.id for p in ours.persons] == [("iosif" if i == "stalin" else i) for i in ids]
    iosif = next(p for p in ours.persons if p.id == "iosif")
    assert iosif.names[1] == ("pseudonym", "Filippov")


def test_the_encoder_consults_no_authority(mine: Authority, monkeypatch) -> None:
    telegram = tei.read(FILIPPOV.read_text("utf-8"), FILIPPOV.name, mine)
    expected = tei.serialize(tei.encode_telegram(telegram))

    def refuse(*_args, **_kwargs):
        raise AssertionError("the encoder looked a person up again")

    for method in ("find", "get", "longest_name_ending"):
        monkeypatch.setattr(Authority, method, refuse)
    assert tei.serialize(tei.encode_telegram(telegram)) == expected


def test_an_authority_adds_to_the_bundled_persons_without_replacing_them() -> None:
    other = load_authority_bytes(
        b'<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="kovalev">'
        b'<persName type="main">Ivan Kovalev</persName></person></listPerson>',
        "other.xml",
    )
    with_other = tei.read(FILIPPOV.read_text("utf-8"), FILIPPOV.name, other)
    alone = tei.read(FILIPPOV.read_text("utf-8"), FILIPPOV.name)
    assert with_other.persons == alone.persons
    assert tei.read(FILIPPOV.read_text("utf-8"), FILIPPOV.name, Authority()) == alone


def test_an_authority_given_to_the_encoder_is_ignored_with_a_warning(mine: Authority) -> None:
    telegram = tei.read(FILIPPOV.read_text("utf-8"), FILIPPOV.name, mine)
    with pytest.warns(DeprecationWarning, match="identities are resolved when reading"):
        late = tei.encode_telegram(telegram, tei.bundled_authority())
    assert tei.serialize(late) == tei.serialize(tei.encode_telegram(telegram))


@given(telegrams())
def test_every_pointer_meets_its_person_and_every_known_person_is_pointed_at(composed) -> None:
    telegram = tei.read(composed.text, "gen.txt")
    root = tei.encode_telegram(telegram).getroot()
    listed = {
        p.get(XML_ID): p.get("source") for p in root.xpath("//t:standOff//t:person", namespaces=T)
    }
    refs = {r[1:] for r in root.xpath("//@ref", namespaces=T)}
    assert refs <= set(listed)  # no pointer into nothing
    assert set(listed) <= refs  # no person nobody names
    known = {p.id for p in telegram.persons}
    # the persons with a source are exactly those reading identified; the rest are slugs
    assert {i for i, source in listed.items() if source} == known & set(listed)
    assert known <= set(listed)

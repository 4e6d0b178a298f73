"""tei.authority alone: who is who, from TEI listPerson files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.authority import (
    BUNDLED_SOURCE,
    Authority,
    AuthorityPerson,
    bundled_authority,
    load_authority_bytes,
    load_authority_file,
    normalise_name,
)
from tei.errors import AuthorityError

STALIN = AuthorityPerson("stalin", (("main", "Joseph Stalin"), ("pseudonym", "Filippov")))
CHIANG = AuthorityPerson("chiang", (("main", "Chiang Kai-shek"), ("reg", "Jiang Jieshi")))


def listing(persons: str) -> bytes:
    return f'<listPerson xmlns="http://www.tei-c.org/ns/1.0">{persons}</listPerson>'.encode()


@pytest.mark.parametrize("written", ["Chiang Kai-shek", "chiang kai shek", "Chiang  Kai‐shek"])
def test_names_are_found_whatever_their_case_spacing_and_hyphens(written: str) -> None:
    assert Authority([CHIANG]).find(written) is CHIANG
    assert normalise_name(written) == "chiang kai shek"


def test_a_name_finds_its_person_and_says_which_name_it_is() -> None:
    authority = Authority([STALIN, CHIANG])
    assert authority.find("Filippov") is STALIN
    assert authority.get("chiang") is CHIANG and authority.get("nobody") is None
    assert STALIN.name_type("filippov") == "pseudonym" and STALIN.main_name == "Joseph Stalin"
    assert authority.find("Molotov") is None


def test_the_longest_known_name_at_the_end_of_a_text_wins() -> None:
    authority = Authority([CHIANG, AuthorityPerson("kai", (("main", "Kai-shek"),))])
    assert authority.longest_name_ending("a reply of Chiang Kai-shek") == (
        "Chiang Kai-shek",
        CHIANG,
    )
    assert authority.longest_name_ending("nobody here") is None


def test_a_merged_authority_lets_the_later_file_win_by_id_and_by_name() -> None:
    mine = AuthorityPerson("iosif", (("main", "Joseph Stalin"), ("pseudonym", "Filippov")), (), "m")
    also_stalin = AuthorityPerson("stalin", (("main", "J. V. Stalin"),), (), "m")
    merged = Authority([STALIN, CHIANG]).merged(Authority([mine, also_stalin]))
    assert merged.find("Filippov") is mine
    assert merged.get("stalin") is also_stalin
    assert merged.get("chiang") is CHIANG
    assert len(merged) == 3


def test_a_file_is_read_with_its_names_ids_and_label(tmp_path: Path) -> None:
    path = tmp_path / "persons.xml"
    path.write_bytes(
        listing(
            '<person xml:id="k"><persName>Ivan Kovalev</persName>'
            '<persName type="variant">I. Kovalev</persName>'
            '<idno type="viaf">1</idno><idno>untyped</idno></person>'
        )
    )
    [person] = list(load_authority_file(path))
    assert person == AuthorityPerson(
        "k",
        (("main", "Ivan Kovalev"), ("variant", "I. Kovalev")),
        (("viaf", "1"), ("", "untyped")),
        "persons.xml",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (listing("<person><persName>X</persName></person>"), "a person has no xml:id"),
        (listing('<person xml:id="x"/>'), "person 'x' has no persName"),
        (listing(""), "no <person> elements in the TEI namespace"),
        (b"<listPerson><person", "not well-formed"),
    ],
)
def test_a_broken_file_is_one_located_error(data: bytes, message: str) -> None:
    with pytest.raises(AuthorityError) as raised:
        load_authority_bytes(data, "mine.xml")
    assert message in raised.value.message
    assert raised.value.location.source == "mine.xml"


def test_an_unreadable_file_is_an_authority_error(tmp_path: Path) -> None:
    with pytest.raises(AuthorityError, match="cannot read the authority file"):
        load_authority_file(tmp_path / "missing.xml")


def test_the_bundled_persons_are_marked_as_bundled() -> None:
    bundled = bundled_authority()
    assert len(bundled) > 0 and {p.source for p in bundled} == {BUNDLED_SOURCE}
    assert bundled.find("Filippov").id == "stalin"

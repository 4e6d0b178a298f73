"""Bracketed editorial insertions: each form of the contract's table becomes the right node."""

from __future__ import annotations

import pytest

from tei.authority import Authority, AuthorityPerson
from tei.errors import InputError
from tei.model import (
    Explained,
    ExplanationKind,
    Illegible,
    InlineList,
    Note,
    NoteKind,
    Omission,
    Regularised,
    Sic,
    Supplied,
    SuppliedReason,
    Text,
    Uncertain,
)
from tei.readers.brackets import parse_inline

AUTHORITY = Authority(
    [
        AuthorityPerson(
            "stalin", (("main", "Joseph Stalin"), ("pseudonym", "Filippov"), ("variant", "Stalin"))
        ),
        AuthorityPerson("chiang", (("main", "Chiang Kai-shek"), ("reg", "Jiang Jieshi"))),
    ]
)


def parse(text: str) -> tuple[tuple, list[str]]:
    warnings: list[str] = []
    nodes = parse_inline(
        text, 5, AUTHORITY, lambda message, line, kind="other": warnings.append(message)
    )
    return nodes, warnings


@pytest.mark.parametrize("mark", ["....", "...", "…"])
def test_omission_marks_are_kept_exactly(mark: str) -> None:
    nodes, _ = parse(f"[{mark}]")
    assert nodes == (Omission(mark, 5),)


def test_pseudonym_explained_links_the_person() -> None:
    nodes, _ = parse("Mao Zedong to Filippov [Stalin]")
    assert nodes == (
        Text("Mao Zedong to "),
        Explained("Filippov", "Stalin", ExplanationKind.PERSON, "stalin", " ", 5),
    )


def test_modern_spelling_is_a_regularisation() -> None:
    nodes, _ = parse("On January 1 Chiang Kai-shek [Jiang Jieshi] delivered")
    assert nodes[1] == Regularised("Chiang Kai-shek", "Jiang Jieshi", "chiang", 5)
    assert nodes[0] == Text("On January 1 ")
    assert nodes[2] == Text(" delivered")


def test_words_supplied_for_sense() -> None:
    nodes, _ = parse("the government, [which is] bearing the blame")
    assert nodes[1] == Supplied("which is", SuppliedReason.SUBAUDIBLE, 5)


def test_completed_word() -> None:
    nodes, _ = parse("Com[rade] Mao")
    assert nodes == (Text("Com"), Supplied("rade", SuppliedReason.OMITTED, 5), Text(" Mao"))


def test_abbreviation_expanded() -> None:
    nodes, _ = parse("the CC [Central Committee] decided")
    assert nodes[1] == Explained(
        "CC", "Central Committee", ExplanationKind.ABBREVIATION, None, " ", 5
    )


def test_uncertain_and_sic_wrap_the_word_before() -> None:
    nodes, _ = parse("he went to Harbin [?] and recieved [sic] it")
    assert Uncertain("Harbin", 5) in nodes
    assert Sic("recieved", 5) in nodes


def test_illegible_and_notes() -> None:
    nodes, _ = parse("[illegible] [Translator's note: see above] [signature] [Stamp: Secret]")
    assert nodes[0] == Illegible("illegible", 5)
    assert Note("Translator's note: see above", NoteKind.EDITORIAL, "translator", 5) in nodes
    assert Note("signature", NoteKind.PHYSICAL, "signature", 5) in nodes
    assert Note("Stamp: Secret", NoteKind.PHYSICAL, "stamp", 5) in nodes


def test_unclassifiable_is_encoded_and_warned() -> None:
    nodes, warnings = parse("text [#&!] more")
    assert nodes[1] == Supplied("#&!", SuppliedReason.UNDEFINED, 5)
    assert warnings and "could not classify" in warnings[0]


def test_lettered_items_become_an_inline_list() -> None:
    nodes, _ = parse("possible. i.e.: a) to accept; b) to conduct [which is] talks; c) to end.")
    assert nodes[0] == Text("possible. i.e.: ")
    listing = nodes[1]
    assert isinstance(listing, InlineList)
    assert [item.n for item in listing.items] == ["a", "b", "c"]
    assert listing.items[1].content[1] == Supplied("which is", SuppliedReason.SUBAUDIBLE, 5)


@pytest.mark.parametrize(("text", "column"), [("a [b", 3), ("a ] b", 3), ("x [y [z]", 3)])
def test_unbalanced_brackets_name_line_and_column(text: str, column: int) -> None:
    with pytest.raises(InputError, match="unbalanced bracket") as caught:
        parse(text)
    assert caught.value.location.line == 5
    assert caught.value.location.column == column


def test_nested_brackets_are_a_note_with_its_own_insertions() -> None:
    nodes, warnings = parse("see [Ed. comment [illegible] here] now")
    note = nodes[1]
    assert isinstance(note, Note) and note.subtype == "nested"
    assert note.inner == (Text("Ed. comment "), Illegible("illegible", 5), Text(" here"))
    assert "nested brackets" in warnings[0]

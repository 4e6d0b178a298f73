"""The conventions other publishers' letters share: headings, datelines in four languages and
two calendars, explicit signatures, and the generic reader that puts them together."""

from __future__ import annotations

import pytest

from tei.dates import PartialDate
from tei.readers import generic
from tei.readers.conventions.letter_heading import parse_field, parse_letter_heading
from tei.readers.conventions.place_dateline import parse_place_dateline
from tei.readers.conventions.signature import is_explicit, parse_signature
from tei.readers.conventions.world_date import read_date


@pytest.mark.parametrize(
    ("text", "new", "old"),
    [
        ("May 3, 1940", (1940, 5, 3), None),
        ("le 9 novembre 1870", (1870, 11, 9), None),
        ("den 31. Juli 1914", (1914, 7, 31), None),
        ("21 сентября 1938 г.", (1938, 9, 21), None),
        ("le 3/16 Août 1914", (1914, 8, 16), (1914, 8, 3)),
        ("March 1 (14), 1917", (1917, 3, 14), (1917, 3, 1)),
        ("June 18/July 1, 1914", (1914, 7, 1), (1914, 6, 18)),
        ("26 февраля /11 марта 1917 г.", (1917, 3, 11), (1917, 2, 26)),
        ("August 1, 1914.(1)", (1914, 8, 1), None),
    ],
)
def test_dates_in_four_languages_and_two_calendars(text, new, old) -> None:
    found = read_date(text)
    assert found is not None and found.date == PartialDate(*new)
    assert found.old_style == (PartialDate(*old) if old else None)


@pytest.mark.parametrize(
    "text", ["1914", "Vienna", "the 29th Shawal, 1333", "31 février 1914", "I wrote on May 3, 1940"]
)
def test_near_misses_are_no_dates(text) -> None:
    assert read_date(text) is None


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [
        ("ROME, May 3, 1940.", "ROME", (1940, 5, 3)),
        ("Vienna, November 2, 1938", "Vienna", (1938, 11, 2)),
        ("Londres, le 3/16 Août 1914", "Londres", (1914, 8, 16)),
        ("PETROGRAD, March 1 (14), 1917", "PETROGRAD", (1917, 3, 14)),
        ("Saint-Pétersbourg, le 31 juillet 1914.", "Saint-Pétersbourg", (1914, 7, 31)),
        ("Vera Cruz, le 10 7bre 1869", "Vera Cruz", (1869, 9, 10)),
    ],
)
def test_datelines_with_a_place(line, place, date) -> None:
    found = parse_place_dateline(line)
    assert found is not None and (found.place, found.date) == (place, PartialDate(*date))


@pytest.mark.parametrize(
    "line", ["I wrote, May 3, 1940.", "Rome, the eternal city", "ROME, 1940", "May 3, 1940."]
)
def test_near_misses_are_no_datelines(line) -> None:
    assert parse_place_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "sender", "recipient"),
    [
        ("Sir Edward Grey to Sir E. Goschen.", "Sir Edward Grey", "Sir E. Goschen"),
        ("_Sir Edward Grey to Sir E. Goschen_.", "Sir Edward Grey", "Sir E. Goschen"),
        ("FROM ZIMMERMANN TO ECKHARDT", "ZIMMERMANN", "ECKHARDT"),
        ("A. B. SMITH TO C. D. JONES", "A. B. SMITH", "C. D. JONES"),
        (
            "Der Botschafter in Wien an das Auswärtige Amt",
            "Der Botschafter in Wien",
            "Auswärtige Amt",
        ),
        (
            "L'Ambassadeur en Angleterre au Ministre des Affaires Etrangeres.",
            "L'Ambassadeur en Angleterre",
            "Ministre des Affaires Etrangeres",
        ),
    ],
)
def test_headings_that_name_both_parties(line, sender, recipient) -> None:
    found = parse_letter_heading(line)
    assert found is not None
    assert (found[0].name, found[1].name.removeprefix("das ")) == (sender, recipient)


@pytest.mark.parametrize(
    "line",
    [
        "Return to Index",
        "I went to London.",
        "He wrote to Grey.",
        "LETTER TO G. V. CHICHERIN AND ASSIGNMENT TO SECRETARIES",
        "Il a dit a Paris.",
        "Dear Sir Edward, I write to London",
    ],
)
def test_near_misses_are_no_headings(line) -> None:
    assert parse_letter_heading(line) is None


def test_from_and_to_fields() -> None:
    assert parse_field("From: Washington (Nomura)") == ("from", "Washington (Nomura)")
    assert parse_field("**To:** Vichy") == ("to", "Vichy")
    assert parse_field("To whom it may concern") is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("(Signed) Grey.", "Grey"),
        ("(Signé) Sazonow.", "Sazonow"),
        ("Signed, ZIMMERMANN.", "ZIMMERMANN"),
        ("Signé: CHAUDORDY.", "CHAUDORDY"),
        ("gez. Nikolaus.", "Nikolaus"),
        ("(Signed) E. GREY.", "E. GREY"),
    ],
)
def test_explicit_signatures(line, name) -> None:
    facts = parse_signature(line)
    assert facts is not None and facts.name == name and is_explicit(line)


@pytest.mark.parametrize(
    "line", ["signed the treaty yesterday.", "(Signed) the treaty was signed by all of them"]
)
def test_near_misses_are_no_explicit_signatures(line) -> None:
    assert not is_explicit(line)


PAGE = """Site Name · Home · Links
Previous Document Next Document

Sir Edward Grey to Sir E. Goschen.
Foreign Office, August 1, 1914.

Sir,
The German Ambassador called today.

(Signed) E. GREY.
"""


def test_generic_reader_reads_heading_and_dateline_and_names_what_it_leaves_out() -> None:
    parts = generic.split(PAGE)
    assert parts.title == "Sir Edward Grey to Sir E. Goschen."
    assert parts.head_sender.name == "Sir Edward Grey"
    assert parts.head_recipient.name == "Sir E. Goschen"
    datelines = [(f.place, f.date) for f in parts.front if f.kind == "dateline"]
    assert datelines == [("Foreign Office", PartialDate(1914, 8, 1))]
    left_out = [w for w in parts.warnings if w.kind == "page-matter"]
    assert left_out and "lines 1, 2" in left_out[0].message
    body = " ".join(b.text for b in parts.body)
    assert "The German Ambassador called today." in body and "(Signed) E. GREY." in body


def test_generic_reader_keeps_the_other_lines_of_a_title_block() -> None:
    parts = generic.split("A note without heading\nsecond line of it\n\nText of the note.\n")
    assert parts.title == "A note without heading"
    assert [b.text for b in parts.body] == ["second line of it", "Text of the note."]


def test_a_heading_is_not_joined_with_the_salutation_under_it() -> None:
    parts = generic.split("The Ambassador to the Minister\nDear Sir,\n\nText of the letter.\n")
    assert parts.title == "The Ambassador to the Minister"
    assert parts.body[0].text.startswith("Dear Sir,")


def test_a_heading_broken_over_two_lines_is_one_heading() -> None:
    parts = generic.split(
        "Memorandum by the State Secretary in the German Foreign\nOffice (Weizsäcker)\n\nText.\n"
    )
    assert (
        parts.title == "Memorandum by the State Secretary in the German Foreign Office (Weizsäcker)"
    )
    assert parts.head_sender is not None and parts.head_sender.name == "Weizsäcker"


def test_a_dash_heading_with_its_date() -> None:
    parts = generic.split("Сайт\n\nГеорг V — Николаю II, 19 июля / 1 августа 1914 г.\n\nТекст.\n")
    assert (parts.head_sender.name, parts.head_recipient.name) == ("Георг V", "Николаю II")
    assert parts.date == PartialDate(1914, 8, 1)


@pytest.mark.parametrize("line", ["Moscow — a city of churches", "The war — and the peace"])
def test_near_misses_are_no_dash_headings(line) -> None:
    assert parse_letter_heading(line) is None


@pytest.mark.parametrize(
    ("line", "name"), [("Милюков.", "Милюков"), ("Édouard Sempé", "Édouard Sempé")]
)
def test_signatures_in_other_scripts(line, name) -> None:
    facts = parse_signature(line)
    assert facts is not None and facts.name == name


@pytest.mark.parametrize("line", ["мы получили ваше письмо.", "Édouard a écrit hier"])
def test_sentences_in_other_scripts_are_no_signatures(line) -> None:
    assert parse_signature(line) is None


def test_an_editors_bracket_on_the_first_line_is_no_title() -> None:
    parts = generic.split("[Secret]\nFrom: Washington (Nomura)\nTo: Tokyo\n\nText.\n")
    assert parts.title is None
    assert parts.body[0].lines[0] == "[Secret]"
    assert (parts.head_sender.name, parts.head_recipient.name) == ("Washington", "Tokyo")

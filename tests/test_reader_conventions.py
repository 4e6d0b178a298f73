"""Each recogniser of tei.readers.conventions, with the forms it must take and near misses."""

from __future__ import annotations

import pytest

from tei.readers.conventions.address import parse_address
from tei.readers.conventions.classification import is_marking
from tei.readers.conventions.clock import parse_time
from tei.readers.conventions.dateline import parse_dateline
from tei.readers.conventions.footnotes import find_markers, footnote_line
from tei.readers.conventions.furniture import dropped_warning, furniture_label, is_sidebar_start
from tei.readers.conventions.heading import parse_heading
from tei.readers.conventions.received import parse_received
from tei.readers.conventions.relay import (
    parse_for_line,
    parse_pass_on,
    parse_transmitting,
    split_via,
)
from tei.readers.conventions.signature import parse_signature
from tei.readers.conventions.source_note import parse_source_note
from tei.readers.conventions.telegram_number import telegram_number


def test_parties_persons_offices_and_bodies() -> None:
    from tei.readers.conventions.parties import parse_party

    assert parse_party("USSR Foreign Ministry").org
    assert parse_party("the Secretary of State").org
    assert not parse_party("Minister Molotov").org
    assert not parse_party("SovAmbassador").org
    filippov = parse_party("Cde. Filippov [Stalin]")
    assert (filippov.name, filippov.explanation, filippov.org) == ("Filippov", "Stalin", False)


def test_heading_office_with_person_and_office_alone() -> None:
    sender, recipient = parse_heading("The Ambassador in China (Gauss) to the Secretary of State")
    assert (sender.name, sender.role, sender.org) == ("Gauss", "Ambassador in China", False)
    assert (recipient.name, recipient.org) == ("Secretary of State", True)
    sender, recipient = parse_heading("The Secretary of State to the Chargé in China (Vincent)")
    assert sender.org and recipient.role == "Chargé in China" and recipient.name == "Vincent"
    assert parse_heading("The Ambassador in China ( Gauss ) to the Secretary of State")


@pytest.mark.parametrize(
    "line",
    [
        "The troops went to the city and stayed there for a long time.",
        "Terebin to Stalin",
        "the Ambassador in China (Gauss) to the Secretary of State",
        "The Ambassador in China (Gauss) reported that he went to the Secretary of State",
    ],
)
def test_heading_near_misses(line: str) -> None:
    assert parse_heading(line) is None


def test_dateline_forms() -> None:
    facts = parse_dateline("Chungking, March 28, 1943—9 a.m.")
    assert (facts.place, facts.date.iso, facts.time) == ("Chungking", "1943-03-28", "09:00")
    assert parse_dateline("Washington, March 20, 1943—11 p.m.").time == "23:00"
    assert parse_dateline("Seoul, February 12, 1949.").time is None
    assert parse_dateline("Moscow, 3 July 1946").place == "Moscow"


def test_dateline_place_with_particle() -> None:
    assert parse_dateline("Rio de Janeiro, May 2, 1942—6 p.m.").place == "Rio de Janeiro"


def test_by_heading() -> None:
    from tei.readers.conventions.heading import parse_by_heading

    author = parse_by_heading(
        "Memorandum of Conversation, by the Chief of the Division of Far Eastern Affairs (Hamilton)"
    )
    assert (author.name, author.role) == (
        "Hamilton",
        "Chief of the Division of Far Eastern Affairs",
    )
    assert parse_by_heading("Memorandum by the Secretary of State").org
    assert parse_by_heading("The report was written by the Secretary of State.") is None
    assert parse_by_heading("Telegrams sent by the embassy were lost") is None


@pytest.mark.parametrize(
    "line", ["March 28, 1943", "He left Chungking, March 28, 1943", "Chungking, Tuesday—9 a.m."]
)
def test_dateline_near_misses(line: str) -> None:
    assert parse_dateline(line) is None


def test_clock() -> None:
    assert parse_time("9:33 a.m.") == "09:33"
    assert parse_time("12 p.m.") == "12:00"
    assert parse_time("12:05 a.m.") == "00:05"
    assert parse_time("noon") == "12:00"
    assert parse_time("13 p.m.") is None
    assert parse_time("nine") is None


def test_received_line() -> None:
    facts = parse_received("[Received March 5—9:33 a.m.]")
    assert (facts.month, facts.day, facts.time) == (3, 5, "09:33")
    only_time = parse_received("[Received 11:20 p.m.]")
    assert (only_time.month, only_time.time) == (None, "23:20")


@pytest.mark.parametrize(
    "line", ["[Received]", "Received March 5—9:33 a.m.", "[Received the telegram at once]"]
)
def test_received_near_misses(line: str) -> None:
    assert parse_received(line) is None


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("893.51/7427: Telegram", "893.51/7427"),
        ("893.5151/900 Suppl.: Telegram", "893.5151/900 Suppl."),
        ("501.BB Korea/2–1249: Telegram", "501.BB Korea/2–1249"),
        ("740.00119 Control (Korea)/4–1449: Telegram", "740.00119 Control (Korea)/4–1449"),
    ],
)
def test_source_note(line: str, number: str) -> None:
    note = parse_source_note(line)
    assert note.file_number == number and note.kind == "Telegram"


@pytest.mark.parametrize("line", ["Note: Telegram", "1949: a year", "190. From Adler: Telegram"])
def test_source_note_near_misses(line: str) -> None:
    assert parse_source_note(line) is None


def test_markings() -> None:
    for line in ("confidential", "top secret", "priority", "Strictly Secret", "TOP SECRET"):
        assert is_marking(line)
    assert not is_marking("Top secret agreements were signed")
    assert not is_marking("Cable Strictly Secret")


def test_address_line() -> None:
    address = parse_address("Destination: PEKING  To Whom: SovAmbassador")
    assert (address.place, address.whom) == ("PEKING", "SovAmbassador")
    assert parse_address("Destination: PEKING") is None
    assert parse_address("To Whom it may concern") is None


def test_relay_phrases() -> None:
    assert split_via("Terebin to Stalin [via Kuznetsov]") == ("Terebin to Stalin", "Kuznetsov")
    assert split_via("Kim Il Sung to Stalin (via Shtykov)") == ("Kim Il Sung to Stalin", "Shtykov")
    assert split_via("Terebin to Stalin [Kuznetsov]") is None
    relay = parse_transmitting(
        "Shtykov to Gromyko, transmitting 16 November 1950 message form Kim Il Sung to Stalin"
    )
    assert (relay.outer, relay.author, relay.addressee) == (
        "Shtykov to Gromyko",
        "Kim Il Sung",
        "Stalin",
    )
    assert parse_transmitting("Shtykov to Gromyko, transmitting his regards") is None
    assert parse_for_line("For Mao Zedong.") == "Mao Zedong"
    assert parse_for_line("For the Chinese government, the grain is urgent.") is None
    assert parse_pass_on("Visit Cde. MAO ZEDONG and pass him the following reply") == (
        "Cde. MAO ZEDONG"
    )
    assert parse_pass_on("Visit the airfield and pass the fuel") is None


@pytest.mark.parametrize(
    ("line", "name", "date"),
    [
        ("Gauss", "Gauss", None),
        ("/Khosrow Eghbal/", "Khosrow Eghbal", None),
        ("Signed A. Gromyko", "A. Gromyko", None),
        ("No. 15 T. SHTYKOV", "T. SHTYKOV", None),
        ("Nº 274 KOVALEV, 11 November", "KOVALEV", "11 November"),
        ("13.1.51 ROSHCHIN", "ROSHCHIN", "13.1.51"),
        ("20 October 1949 SAVEL’YEV", "SAVEL’YEV", "20 October 1949"),
        ("Respectfully, KIM IL SUNG", "KIM IL SUNG", None),
        (
            "Faithfully, KIM IL SUNG, Chairman of the Cabinet of Ministers DPRK.",
            "KIM IL SUNG",
            None,
        ),
        ("With respect KIM IL SUNG", "KIM IL SUNG", None),
    ],
)
def test_signatures(line: str, name: str, date: str | None) -> None:
    facts = parse_signature(line)
    assert (facts.name, facts.date_text) == (name, date)


@pytest.mark.parametrize(
    "line",
    [
        "I support KIM IL SUNG'S request.",
        "17 January 1952",
        "Copies: Stalin (2), Molotov",
        "Yours faithfully, the undersigned",
    ],
)
def test_signature_near_misses(line: str) -> None:
    assert parse_signature(line) is None


def test_footnotes_lines_and_markers() -> None:
    assert footnote_line("  1. Not printed.") == "Not printed."
    assert footnote_line("- See footnote 3, p. 997.↩") == "See footnote 3, p. 997."
    assert footnote_line("1. In accordance with") is None
    lines = ["190. From Adler28 for Secretary of the Treasury.29", "TF–18. 1. Hall-Patch30 told"]
    markers = find_markers(lines, 3)
    assert [(i, m.n) for i, m in markers] == [(0, "28"), (0, "29"), (1, "30")]
    # a year with its marker glued on, when the numbering is known to start at 1
    from tei.readers.conventions.footnotes import find_markers_numbered

    year = find_markers_numbered(["the treaty of 18831 is", "for Saturday.2"], 2, 1)
    assert [(i, m.n, m.start) for i, m in year] == [(0, "1", 18), (1, "2", 13)]
    assert find_markers(["TF–18. No. 75 and 1,000 tons"], 1) == []


def test_furniture() -> None:
    assert furniture_label("Skip to content") == "Skip to content"
    assert furniture_label("July 8, 1950 | Handwritten Letter, Kim Il Sung to Joseph Stalin |")
    assert furniture_label("Original Ar", last=True) == "Original Archive (cut)"
    assert furniture_label("Original Ar") is None
    assert furniture_label("The Source of the river is in the mountains.") is None
    assert is_sidebar_start("Document Information") and not is_sidebar_start("Skip to content")
    warning = dropped_warning(["Skip to content", "Rights", "Rights"])
    assert warning == "dropped 3 lines of site furniture: Skip to content, Rights"


def test_telegram_number() -> None:
    assert telegram_number("190. From Adler for the Secretary") == "190"
    assert telegram_number("1. In accordance with") is None
    assert telegram_number("1949. A year") == "1949"


def test_registry_date_forms() -> None:
    from tei.dates import ShortYearError, is_date, parse_date

    assert parse_date("17.XII.1947").iso == "1947-12-17"
    assert parse_date("13.1.1951").iso == "1951-01-13"
    assert is_date("8.7.50")
    with pytest.raises(ShortYearError):
        parse_date("8.7.50")  # the century is not printed: never guessed
    assert not is_date("1.2")
    assert not is_date("27.1 To")


def test_repeat_and_info_addressees() -> None:
    from tei.readers.conventions.repeats import find_repeats

    assert find_repeats("From AmRep Seoul to Secretary State, repeated CINCFE.") == ["CINCFE"]
    assert find_repeats("To SecState info CINCFE April 29.") == ["CINCFE"]
    assert find_repeats("Repeated SCAP 23.") == ["SCAP"]
    assert find_repeats("Sent to the Department as 123, repeated to Nanking as 45.") == ["Nanking"]
    assert find_repeats("Repeated London and Paris.") == ["London", "Paris"]
    assert find_repeats("After repeated attempts we failed.") == []
    assert find_repeats("This is for your info only.") == []
    assert find_repeats("He repeated April 29 as the date.") == []


def test_repeat_stops_at_the_sentence_end() -> None:
    from tei.readers.conventions.repeats import find_repeats

    assert find_repeats("repeated CINCFE. President Rhee has not yet decided") == ["CINCFE"]


def test_heading_without_the_needs_an_office() -> None:
    sender, recipient = parse_heading(
        "President Roosevelt to the Chinese Minister for Foreign Affairs (Soong)"
    )
    assert sender.name == "President Roosevelt" and not sender.org
    assert (recipient.name, recipient.role) == ("Soong", "Chinese Minister for Foreign Affairs")
    assert parse_heading("Terebin to Stalin") is None


def test_a_remark_in_parentheses_is_not_an_office_holder() -> None:
    from tei.readers.conventions.parties import parse_party

    party = parse_party("Filippov [Stalin] (Excerpt)")
    assert (party.name, party.role, party.explanation) == ("Filippov", None, "Stalin")

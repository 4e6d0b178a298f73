"""The document title → its kind, telegram numbers and correspondents.

Archive titles name the journey: ``Cable, Filippov [Stalin] to Cde. Mao Zedong`` or ``Ciphered
Telegrams No. 50450, 50470, and 50490, Terebin to Kuznetsov, transmitting a Message from Mao
Zedong to Filippov [Stalin]``. Names are kept as written (``Filippov``); the bracketed
explanation and the authority file say who is meant; honorifics are not part of a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei.authority import Authority
from tei.model import Person
from tei.readers.conventions.parties import Party, parse_party
from tei.readers.conventions.relay import parse_transmitting, split_via

KINDS = {
    "telegram": "telegram",
    "telegrams": "telegram",
    "cable": "cable",
    "cables": "cable",
    "letter": "letter",
    "letters": "letter",
    "note": "note",
    "memorandum": "memorandum",
    "message": "message",
    "report": "report",
    "record": "record",
    "directive": "directive",
    "instruction": "instruction",
    "despatch": "despatch",
    "dispatch": "despatch",
    "airgram": "airgram",
}

_NUMBERS = re.compile(r",?\s*No\.\s*(?P<list>\d+(?:\s*,\s*(?:and\s+)?\d+|\s+and\s+\d+)*)\s*,?")
_FROM = re.compile(r"^from\s+", re.I)
_TO_ONLY = re.compile(r"^to\s+(?P<to>.+?)(?:\s+(?:on|about|concerning|regarding)\s+.+)?$", re.I)
_IN_PLACE = re.compile(r"^(?P<name>.+?)\s+in\s+(?P<place>[A-Z][\w'’\-]+)$")
_DIRECT = re.compile(r"^(?P<from>.+?)\s+to\s+(?P<to>.+?)$")


@dataclass(frozen=True)
class TitleFacts:
    """What a title says: document kind, telegram numbers, who wrote to whom, and any relay."""

    kind: str | None = None
    numbers: tuple[str, ...] = ()
    sender: Person | None = None
    recipient: Person | None = None
    relay_from: Person | None = None
    relay_to: Person | None = None
    place: str | None = None
    #: relays named with ``[via X]`` / ``(via X)``
    via: tuple[Person, ...] = ()


def parse_title(title: str, authority: Authority) -> TitleFacts:
    """Read kind, numbers and correspondents from a title; parts it lacks stay None."""
    numbers: tuple[str, ...] = ()
    number_match = _NUMBERS.search(title)
    if number_match:
        numbers = tuple(re.findall(r"\d+", number_match.group("list")))
        title = title[: number_match.start()] + ", " + title[number_match.end() :]
    title = " ".join(title.replace(" ,", ",").split()).strip(" ,")
    kind, title = _kind(title)
    title = _FROM.sub("", title)
    via: tuple[Person, ...] = ()
    split = split_via(title)
    if split:
        title, name = split
        via = (person_from(name, authority),)
    relay = parse_transmitting(title)
    if relay:
        outer = _DIRECT.match(relay.outer)
        return TitleFacts(
            kind,
            numbers,
            sender=person_from(relay.author, authority),
            recipient=person_from(relay.addressee, authority),
            relay_from=person_from(outer.group("from"), authority) if outer else None,
            relay_to=person_from(outer.group("to"), authority) if outer else None,
        )
    to_only = _TO_ONLY.match(title)
    if to_only:
        return TitleFacts(
            kind, numbers, recipient=person_from(to_only.group("to"), authority), via=via
        )
    direct = _DIRECT.match(title)
    if direct:
        return TitleFacts(
            kind,
            numbers,
            sender=person_from(direct.group("from"), authority),
            recipient=person_from(direct.group("to"), authority),
            via=via,
        )
    placed = _IN_PLACE.match(title)
    if placed and title:
        return TitleFacts(
            kind,
            numbers,
            sender=person_from(placed.group("name"), authority),
            place=placed.group("place"),
        )
    return TitleFacts(kind, numbers)


def _kind(title: str) -> tuple[str | None, str]:
    """``Ciphered Telegram, X to Y`` / ``Telegram from X`` → (``telegram``, the rest)."""
    words = re.match(r"^(\S+)(?:\s+(\S+))?(?:\s+(\S+))?", title)
    if not words:
        return None, title
    for position, word in enumerate(w for w in words.groups() if w):
        kind = KINDS.get(word.rstrip(",").lower())
        if kind:
            rest = title[words.end(position + 1) :].lstrip(" ,")
            return kind, rest
        if not word[:1].isupper() or word.endswith(","):
            break
    return None, title


def person_from(text: str, authority: Authority) -> Person:
    """``Cde. Filippov [Stalin]`` → Person("Filippov", id of Stalin when the authority knows);
    ``Generalissimo Stalin, Chairman of …`` → the name, the office after the comma as its role;
    ``USSR Foreign Ministry`` → an organisation."""
    text = " ".join(text.split()).strip(" ,.")
    role = None
    name_part, comma, office = text.partition(", ")
    if comma and office[:1].isupper() and "[" not in office:
        text, role = name_part, office
    party = parse_party(text) or Party(text)
    if party.org and role:
        # ``Ministry of Foreign Affairs, Moscow``: the body's name runs on past the comma
        party, role = Party(f"{party.name}, {role}", org=True), None
    name = party.name
    known = authority.find(name) or (
        authority.find(party.explanation) if party.explanation else None
    )
    return Person(name, known.id if known else None, role=party.role or role, org=party.org)

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
}

_NUMBERS = re.compile(r",?\s*No\.\s*(?P<list>\d+(?:\s*,\s*(?:and\s+)?\d+|\s+and\s+\d+)*)\s*,?")
_HONORIFIC = re.compile(r"^(?:Comrade|Cde\.?|Com\.|Tov\.|Mr\.?|Dear)\s+", re.I)
# ``A to B, transmitting a message from C to D``: the keyword phrase is found first, and each
# side read as ``X to Y`` on its own (one lazy run each): linear, where one pattern with four
# lazy runs took seconds on a title of repeated phrases.
_TRANSMITTING = re.compile(
    r",?\s+transmitting\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+)?"
    r"(?:message|letter|telegram|cable|note)s?\s+from\s+",
    re.I,
)
#: how many "transmitting … from" phrases of one title are tried
_RELAY_TRIES = 4
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


def parse_title(title: str, authority: Authority) -> TitleFacts:
    """Read kind, numbers and correspondents from a title; parts it lacks stay None."""
    numbers: tuple[str, ...] = ()
    number_match = _NUMBERS.search(title)
    if number_match:
        numbers = tuple(re.findall(r"\d+", number_match.group("list")))
        title = title[: number_match.start()] + ", " + title[number_match.end() :]
    title = " ".join(title.replace(" ,", ",").split()).strip(" ,")
    kind = None
    head, _, rest = title.partition(",")
    head_words = head.strip().split()
    if rest and head_words and head_words[-1].lower() in KINDS:
        kind = KINDS[head_words[-1].lower()]
        title = rest.strip()
    relay = _relay(title)
    if relay:
        relayed, original = relay
        return TitleFacts(
            kind,
            numbers,
            sender=person_from(original.group("from"), authority),
            recipient=person_from(original.group("to"), authority),
            relay_from=person_from(relayed.group("from"), authority),
            relay_to=person_from(relayed.group("to"), authority),
        )
    direct = _DIRECT.match(title)
    if direct:
        return TitleFacts(
            kind,
            numbers,
            sender=person_from(direct.group("from"), authority),
            recipient=person_from(direct.group("to"), authority),
        )
    return TitleFacts(kind, numbers)


def _relay(title: str) -> tuple[re.Match[str], re.Match[str]] | None:
    """``A to B`` before a "transmitting a message from" phrase and ``C to D`` after it."""
    for number, phrase in enumerate(_TRANSMITTING.finditer(title)):
        if number == _RELAY_TRIES:
            break
        relayed = _DIRECT.match(title[: phrase.start()])
        original = _DIRECT.match(title[phrase.end() :])
        if relayed and original:
            return relayed, original
    return None


def person_from(text: str, authority: Authority) -> Person:
    """``Cde. Filippov [Stalin]`` → Person("Filippov", id of Stalin when the authority knows)."""
    text = " ".join(text.split()).strip(" ,.")
    while _HONORIFIC.match(text):
        text = _HONORIFIC.sub("", text, count=1)
    explanation = None
    bracket = re.match(r"^(?P<name>[^\[]+?)\s*\[(?P<explanation>[^\]]+)\]$", text)
    if bracket:
        text, explanation = bracket.group("name").strip(), bracket.group("explanation").strip()
    known = authority.find(text) or (authority.find(explanation) if explanation else None)
    return Person(text, known.id if known else None)

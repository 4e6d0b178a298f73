"""The party heading of a printed letter or telegram: ``The X (Name) to the Y``.

FRUS prints every document under such a head (``The Ambassador in China (Gauss) to the
Secretary of State``, ``The Secretary of State to the Chargé in China (Vincent)``, ``President
Roosevelt to the Chinese Minister for Foreign Affairs (Soong)``). The head
starts with ``The`` and names an office or person on each side of `` to ``; a sentence that only
happens to contain " to " is not one (it would run on, end with a full stop, or have lower-case
words where the names go).
"""

from __future__ import annotations

import re

from tei.readers.conventions.parties import Party, parse_party

_HEAD = re.compile(
    r"^(?P<the>The\s+)?(?P<sender>[A-Z][^.;:]*?(?:\([^()]+\))?)\s+to\s+(?:the\s+)?"
    r"(?P<recipient>[A-Z][^.;:]*?(?:\([^()]+\))?)$"
)
_MAX_WORDS = 20
_BY = re.compile(
    r"^(?P<kind>[A-Z][\w ,]*?),?\s+by\s+(?:the\s+)?(?P<author>[A-Z][^.;:]*?(?:\([^()]+\))?)$"
)
_SMALL_WORDS = {"in", "of", "the", "for", "and", "at", "on", "to", "de"}


def parse_heading(line: str) -> tuple[Party, Party] | None:
    """Sender and recipient of a party heading, or None when the line is not one."""
    line = " ".join(line.split())
    if len(line.split()) > _MAX_WORDS:
        return None
    match = _HEAD.match(line)
    if not match:
        return None
    for side in ("sender", "recipient"):
        words = re.sub(r"\([^()]*\)", "", match.group(side)).split()
        if not all(w[:1].isupper() or w in _SMALL_WORDS for w in words):
            return None
    sender, recipient = parse_party(match.group("sender")), parse_party(match.group("recipient"))
    if sender is None or recipient is None:
        return None
    if not match.group("the") and not any(p.role or p.org for p in (sender, recipient)):
        # without "The", only an office on one side makes a head ("President Roosevelt to
        # the Chinese Minister for Foreign Affairs (Soong)"); "Terebin to Stalin" is a title
        return None
    return sender, recipient


def parse_by_heading(line: str) -> Party | None:
    """``Memorandum by the Secretary of State``, ``Memorandum of Conversation, by the Chief of
    the Division of Far Eastern Affairs (Hamilton)`` → the author; None when the line is not
    such a head."""
    line = " ".join(line.split())
    if len(line.split()) > _MAX_WORDS or line.endswith("."):
        return None
    match = _BY.match(line)
    if not match:
        return None
    words = re.sub(r"\([^()]*\)", "", match.group("author")).split()
    if not all(w[:1].isupper() or w in _SMALL_WORDS for w in words):
        return None
    return parse_party(match.group("author"))

"""Headings of printed letters that name both parties, in the forms other publishers use.

``Sir Edward Grey to Sir E. Goschen.`` (a final full stop), ``FROM X TO Y``, ``A. B. SMITH TO
C. D. JONES``, ``Der Botschafter in Wien an das Auswärtige Amt``, ``Георг V — Николаю II, 19
июля / 1 августа 1914 г.`` (a dash between the parties, the date after a comma), ``From: X`` /
``To: Y`` on two lines. Each side is a short run of capitalised words (small words between); a
sentence that happens to hold ``to`` has lower-case words where a name would be, or runs too long.
"""

from __future__ import annotations

import re

from tei.readers.conventions.parties import Party, parse_party
from tei.readers.conventions.world_date import read_date

_MAX_WORDS = 22
_SMALL = {
    "in", "of", "the", "for", "and", "at", "on", "to", "de", "du", "des", "la", "le", "von",
    "der", "die", "das", "en", "au", "aux", "près", "auprès", "im", "am", "zu", "all", "his",
    "her", "majesty's", "majesty’s",
}  # fmt: skip
#: words that start a site's link or a sentence, never a correspondent (``Return to Index``)
_NOT_PARTY = {
    "return", "go", "back", "jump", "skip", "click", "link", "links", "next", "previous", "home",
    "welcome", "subscribe", "contact", "add", "sign", "log", "login", "it", "this", "that", "we",
    "i", "he", "she", "they", "you", "there", "page", "index", "top", "up", "contents",
}  # fmt: skip
_ARTICLES = {"the", "das", "den", "dem", "die", "der", "la", "le", "les", "l'", "all"}
_FROM_TO = re.compile(r"^FROM:?\s+(?P<s>.+?)\s+TO:?\s+(?P<r>.+?)\.?$")
_TO = re.compile(r"^(?P<s>.+?)\s+(?:to|TO|an|à|a|au|aux)\s+(?P<r>.+?)\.?$")
#: kinds of document: ``LETTER TO G. V. CHICHERIN`` is a title, its first word no sender
_KINDS = {
    "letter", "telegram", "telegramme", "telegramm", "note", "message", "report", "memorandum",
    "dispatch", "despatch", "cable", "reply", "answer", "circular", "lettre", "brief",
}  # fmt: skip
#: ``Георг V — Николаю II, 19 июля / 1 августа 1914 г.``: sender, dash, recipient (a date after)
_DASH = re.compile(r"^(?P<s>[^—–]+?)\s+[—–]\s+(?P<r>[^—–]+?)\.?$")
_FIELD = re.compile(r"^\**(?P<k>From|To|An|De|À|A)\**:\**\s*(?P<v>[^*]+?)\**\s*$", re.I)
_MARKER = re.compile(r"(?:\s*\(\d{1,3}\)|\s*\[\d{1,3}\]|\d)$")


def parse_letter_heading(line: str) -> tuple[Party, Party] | None:
    """Sender and recipient a heading line names, or None when the line is not one."""
    line = " ".join(line.split()).strip("_*")
    line = re.sub(r"[_*]+\.$", ".", line).strip("_*")
    if not line or len(line.split()) > _MAX_WORDS or line.endswith((",", ":", ";", "?", "!")):
        return None
    if "," in line:
        head, _, tail = line.partition(",")
        if read_date(tail):
            line = head
    match = _FROM_TO.match(line) or _TO.match(line) or _DASH.match(line)
    if not match:
        return None
    sender, recipient = match.group("s").strip(" ,"), _MARKER.sub("", match.group("r")).strip()
    sender = re.sub(r"^(?:Message\s+)?from\s+", "", sender, flags=re.I)
    if not (_named(sender) and _named(recipient)):
        return None
    first, second = parse_party(sender), parse_party(recipient)
    if first is None or second is None:
        return None
    return first, second


def _named(side: str) -> bool:
    """A side of a heading: capitalised words, small words between, at most twelve words."""
    words = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", "", side).replace(",", " ").split()
    if words and re.match(r"^[lL]['’]\w", words[0]):
        words[0] = words[0][2:]
    if words and words[0].casefold() in _ARTICLES:
        words = words[1:]
    if not words or len(words) > 12 or not words[0][:1].isupper():
        return False
    if words[0].casefold() in _KINDS:
        return False
    if words[0].casefold() in _NOT_PARTY or words[-1].casefold() in _NOT_PARTY:
        return False
    return all(w[:1].isupper() or w.casefold() in _SMALL for w in words)


def parse_field(line: str) -> tuple[str, str] | None:
    """``From: Washington (Nomura)`` → ("from", "Washington (Nomura)"); ``**To:** Vichy`` →
    ("to", "Vichy"); None for any other line."""
    match = _FIELD.match(line.strip())
    if not match:
        return None
    key = match.group("k").casefold()
    key = {"an": "to", "à": "to", "a": "to", "de": "from"}.get(key, key)
    return key, match.group("v").strip()

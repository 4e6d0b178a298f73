"""A dateline with a place in any of the letter languages: ``ROME, May 3, 1940.``,
``Vienna, November 2, 1938``, ``Londres, le 3/16 Août 1914``, ``PETROGRAD, March 1 (14), 1917``,
``Wien, den 31. Juli 1914``, ``Vera Cruz, le 10 7bre 1869``.

The place is one to three capitalised words (``Saint-Pétersbourg``, ``Vera Cruz``) before a
comma; the rest must be a whole date (:mod:`world_date`), so a sentence that mentions a date is
not a dateline. A footnote marker the page glues to the end (``1914.(1)``) is not part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei.dates import PartialDate
from tei.readers.conventions.world_date import read_date

_PLACE_WORD = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]*\.?"
_LINE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:\s(?:(?:de|da|del|la|le|am|on|upon)\s)?{_PLACE_WORD}){{0,2}})"
    r",\s+(?P<date>.+?)\s*$"
)
_MARKER = re.compile(r"(?:\s*\(\d{1,3}\)|\s*\[\d{1,3}\]|\*+)$")


@dataclass(frozen=True)
class PlaceDateline:
    place: str
    date: PartialDate
    date_text: str
    old_style: PartialDate | None = None


def parse_place_dateline(text: str) -> PlaceDateline | None:
    """Place and date of a dateline, or None when the text is not one."""
    text = _MARKER.sub("", " ".join(text.split()))
    if len(text) > 90:
        return None
    match = _LINE.match(text)
    if not match:
        return None
    found = read_date(match.group("date"))
    if found is None:
        return None
    date_text = match.group("date").rstrip(".")
    return PlaceDateline(match.group("place"), found.date, date_text, found.old_style)

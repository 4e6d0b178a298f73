"""The dateline of a dispatch: place, date and time of writing.

``Chungking, March 28, 1943—9 a.m.``, ``Washington, October 24, 1942—11 a.m.``, ``Seoul,
February 12, 1949.``, ``Moscow, 3 July 1946``, ``Pyongyang. 8 July 1950.`` A bare date is not a
dateline of this kind (it has no place), and neither is a sentence that ends with a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei.dates import PartialDate, is_date, parse_date
from tei.readers.conventions.clock import parse_time

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z'’\-]+(?:\s(?:(?:de|da|do|del|la|el|al|on|upon)\s)?[A-Z][A-Za-z'’\-]+){0,2})"
    r"[,.]\s+"
    r"(?P<date>[^—–]+?)(?:\s*[—–]\s*(?P<time>[^—–]+?))?\s*\.?$"
)


_MAX_LENGTH = 120


@dataclass(frozen=True)
class DatelineFacts:
    """What a dateline says; ``time`` is ``HH:MM`` when printed."""

    place: str
    date: PartialDate
    date_text: str
    time: str | None = None


def parse_dateline(text: str) -> DatelineFacts | None:
    """Place, date and time of a dateline, or None when the text is not one."""
    text = " ".join(text.split())
    if len(text) > _MAX_LENGTH:
        return None  # a paragraph, not a dateline (and no long match to try)
    match = _DATELINE.match(text)
    if not match or not is_date(match.group("date")):
        return None
    time = None
    if match.group("time"):
        time = parse_time(match.group("time"))
        if time is None:
            return None
    date = parse_date(match.group("date"))
    return DatelineFacts(match.group("place"), date, match.group("date").strip(), time)

"""The receipt line the State Department's editors print under a dateline.

``[Received March 5—9:33 a.m.]``, ``[Received August 6—9:35 a.m.]``, ``[Received 11:20 p.m.]``.
It is the ``received`` step of the message's journey, not an insertion into the text. Where it
gives no month and day, FRUS means the day of the dateline (its editors print the date only when
it differs); the year is always the dateline's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei.dates import MONTHS
from tei.readers.conventions.clock import TWELVE_HOUR, parse_time

_RECEIVED = re.compile(
    r"^\[Received\s+(?:(?P<month>[A-Z][a-z]+)\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?"
    r"\s*(?:[—–,]\s*)?)?(?P<time>" + TWELVE_HOUR + r"|noon|midnight)?\s*\.?\]$",
    re.I,
)


@dataclass(frozen=True)
class ReceivedFacts:
    """Month/day (None when not printed), year when printed, and ``HH:MM`` when printed."""

    text: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    time: str | None = None


def parse_received(line: str) -> ReceivedFacts | None:
    """The facts of a ``[Received …]`` line, or None when the line is not one."""
    line = " ".join(line.split())
    match = _RECEIVED.match(line)
    if not match or not (match.group("month") or match.group("time")):
        return None
    month = None
    if match.group("month"):
        month = MONTHS.get(match.group("month").lower())
        if month is None:
            return None
    time = parse_time(match.group("time")) if match.group("time") else None
    return ReceivedFacts(
        line[1:-1],
        month,
        int(match.group("day")) if match.group("day") else None,
        int(match.group("year")) if match.group("year") else None,
        time,
    )

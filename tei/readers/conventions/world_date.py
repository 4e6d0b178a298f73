"""Dates as letters in English, French, German and Russian print them, one or two calendars.

``May 3, 1940``, ``le 9 novembre 1870``, ``den 31. Juli 1914``, ``26 февраля 1917 г.``, and the
Old Style/New Style pairs of Russian and Balkan correspondence: ``3/16 Août 1914``,
``March 1 (14), 1917``, ``June 18/July 1, 1914``, ``26 февраля /11 марта 1917 г.``. Of a pair the
second date is the New Style (Gregorian) one, which is the date TEI's ``@when`` holds; the first
is the Julian date as printed. A text that names no month, or an impossible day, is no date.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from tei.dates import MONTHS, PartialDate

_FOREIGN = {
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "7bre": 9, "8bre": 10, "9bre": 11, "xbre": 12, "10bre": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
    # Russian (genitive, as dates print them)
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}  # fmt: skip
#: a footnote marker glued to the end of the line (``August 1, 1914.(1)``)
_MARKER = re.compile(r"(?:\s*\(\d{1,3}\)|\s*\[\d{1,3}\]|\*+)$")
_ALL = {**MONTHS, **_FOREIGN}
_M = r"(?:" + "|".join(sorted((re.escape(m) for m in _ALL), key=len, reverse=True)) + r")\.?"
_D = r"\d{1,2}(?:st|nd|rd|th|er)?\.?"
_Y = r"\d{4}"
_LEAD = r"^(?:(?:le|den|am|the)\s+)?"
_TAIL = r"(?:\s*(?:г\.?|года|goda))?$"
_SEP = r"\s*[/⁄]\s*"
_FORMS = (
    # 3/16 Août 1914 · 26 февраля /11 марта 1917 г. · 18 June/1 July 1914 · 31. Juli 1914
    re.compile(
        _LEAD + rf"(?:(?P<d1>{_D})\s*(?P<m1>{_M})?{_SEP})?(?P<d>{_D})\s*(?P<m>{_M}),?\s+(?P<y>{_Y})"
        + _TAIL, re.I,
    ),
    # June 18/July 1, 1914 · March 1 (14), 1917 · March 1/14, 1917 · May 3, 1940
    re.compile(
        _LEAD + rf"(?:(?P<m1>{_M})\s+(?P<d1>{_D})(?:{_SEP}|\s+\(\s*)(?=\S))?"
        rf"(?P<m>{_M})?\s*(?P<d>{_D})\)?,?\s+(?P<y>{_Y})" + _TAIL, re.I,
    ),
)  # fmt: skip


@dataclass(frozen=True)
class WorldDate:
    """The date (New Style when two are printed) and the Old Style one when printed."""

    date: PartialDate
    old_style: PartialDate | None = None


def read_date(text: str) -> WorldDate | None:
    """The date a short text is, in any of the four languages; None when it is not one."""
    text = _MARKER.sub("", " ".join(text.split())).strip().rstrip(".,;").strip()
    if len(text) > 60:
        return None
    for form in _FORMS:
        match = form.match(text)
        if match and (match.group("m") or match.group("m1")):
            return _build(match.groupdict())
    return None


def _build(groups: dict[str, str | None]) -> WorldDate | None:
    year = int(groups["y"] or 0)
    month_name = groups["m"] or groups["m1"]
    month = _month(month_name)
    day = _day(groups["d"])
    if month is None or not _valid(year, month, day):
        return None
    new = PartialDate(year, month, day)
    if not groups.get("d1"):
        return WorldDate(new)
    old_month = _month(groups["m1"]) if groups.get("m1") else month
    old_day = _day(groups["d1"])
    old_year = year - 1 if old_month == 12 and month == 1 else year
    if old_month is None or not _valid(old_year, old_month, old_day):
        return None
    return WorldDate(new, PartialDate(old_year, old_month, old_day))


def _month(name: str | None) -> int | None:
    return _ALL.get(name.lower().rstrip(".")) if name else None


def _day(text: str | None) -> int:
    return int(re.sub(r"\D", "", text or "0") or 0)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return True

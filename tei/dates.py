"""English archival dates to ISO 8601, keeping their precision.

Why a small parser and not ``dateutil``/``dateparser``: those fill missing parts from today's
date and accept almost anything ("fuzzy"), while an encoder must never invent a fact — ``August
1949`` is ``1949-08``, not ``1949-08-23`` — and must reject ``31 February 1949`` instead of
quietly moving it. The forms archives use are few (``January 13, 1949``, ``12 January 1949``,
``January 1949``, ``1949``, with optional weekday), so a strict grammar over them is short and
fully tested; the calendar check itself is the standard library's.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from tei.errors import DateError

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_FORMS = [
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),  # January 13, 1949
    re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR, re.I),  # 12 January 1949
    re.compile(_MONTH + r",?\s+" + _YEAR, re.I),  # January 1949
    re.compile(r"(?P<year>1[0-9]{3}|20[0-9]{2})", re.I),  # 1949
    # the registry's numeric forms: 17.XII.1947, 13.1.1951, and 8.7.50 (century not printed)
    re.compile(r"(?P<day>\d{1,2})\.(?P<roman>[IVX]{1,4})\.(?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2})\.(?P<number>\d{1,2})\.(?P<year>\d{4}|(?P<short>\d{2}))"),
]
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
_ROMAN.update({"X": 10, "XI": 11, "XII": 12})

#: forms a reader may look for inside running text (a bare year is too ambiguous there)
_SEARCH_FORMS = [re.compile(r"\b" + form.pattern + r"\b", re.I) for form in _FORMS[:3]]


class ShortYearError(DateError):
    """A date whose year is printed with two digits (``8.7.50``): kept as text, never given a
    guessed century."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a year, a month or a day; ``iso`` is its ISO 8601 form."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        """``1949``, ``1949-01`` or ``1949-01-12``: the value for TEI ``@when``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    def sort_key(self) -> tuple[int, int, int]:
        """Earliest possible day, so partial dates order sensibly among full ones."""
        return (self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        return self.iso


def parse_date(text: str, *, line: int | None = None) -> PartialDate:
    """Parse the whole of ``text`` as one date; raise :class:`DateError` if it is not one.

    An impossible calendar date (``31 February 1949``) is an error, not a guess.
    """
    cleaned = text.strip().strip("*").strip().rstrip(".,;")
    for form in _FORMS:
        match = form.fullmatch(cleaned)
        if match:
            return _from_match(match.groupdict(), text, line)
    raise DateError(
        f"not a date: {text.strip()!r}",
        line=line,
        hint="write dates as 'January 13, 1949', '12 January 1949', 'January 1949' or '1949'",
    )


def find_date(text: str, *, line: int | None = None) -> tuple[PartialDate, str] | None:
    """Find the first full or month date inside ``text``; return it with the matched text."""
    matches = [m for m in (form.search(text) for form in _SEARCH_FORMS) if m]
    if not matches:
        return None
    match = min(matches, key=lambda m: (m.start(), -len(m.group(0))))
    return _from_match(match.groupdict(), match.group(0), line), match.group(0)


def is_date(text: str) -> bool:
    """True if ``text`` as a whole is a date of one of the accepted forms (valid or not)."""
    cleaned = text.strip().strip("*").strip().rstrip(".,;")
    return any(form.fullmatch(cleaned) for form in _FORMS)


def _from_match(groups: dict[str, str | None], text: str, line: int | None) -> PartialDate:
    if groups.get("short"):
        raise ShortYearError(
            f"the year of {text.strip()!r} has two digits: its century is not given",
            line=line,
            hint="the date is kept as printed, without @when",
        )
    year = int(groups["year"])  # type: ignore[arg-type]
    month_name = groups.get("month")
    month = MONTHS[month_name.lower()] if month_name else None
    if groups.get("roman"):
        month = _ROMAN.get(groups["roman"])  # type: ignore[index]
        if month is None:
            raise DateError(f"not a month: {groups['roman']!r} in {text.strip()!r}", line=line)
    elif groups.get("number"):
        month = int(groups["number"])  # type: ignore[arg-type]
        if not 1 <= month <= 12:
            raise DateError(f"not a month: {month} in {text.strip()!r}", line=line)
    day = int(groups["day"]) if groups.get("day") else None
    if year == 0:
        raise DateError(
            f"impossible date: {text.strip()!r} (there is no year 0: 1 BC is followed by AD 1)",
            line=line,
            hint="correct the year in the source",
        )
    if day is not None and month is not None:
        try:
            _dt.date(year, month, day)
        except ValueError:
            raise DateError(
                f"impossible date: {text.strip()!r} (no such day in that month)",
                line=line,
                hint="correct the day or month in the source",
            ) from None
    return PartialDate(year, month, day)

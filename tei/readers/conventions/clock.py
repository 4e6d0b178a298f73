"""Times of day as dispatches print them: ``9 a.m.``, ``9:33 a.m.``, ``11:20 p.m.``, ``noon``,
``midnight``, and the 24-hour clock (``13:55``, ``0105``) → ``HH:MM``."""

from __future__ import annotations

import re

TWELVE_HOUR = r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<half>[ap])\.\s?m\.?"
_TWELVE = re.compile(TWELVE_HOUR, re.I)
_NAMED = {"noon": "12:00", "midnight": "00:00"}


def parse_time(text: str) -> str | None:
    """``9:33 a.m.`` → ``09:33``; ``noon`` → ``12:00``; None when ``text`` is not a time."""
    text = text.strip().rstrip(",;")
    if text.lower() in _NAMED:
        return _NAMED[text.lower()]
    match = _TWELVE.fullmatch(text)
    if not match:
        return None
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    if match.group("half").lower() == "a":
        hour = 0 if hour == 12 else hour
    else:
        hour = 12 if hour == 12 else hour + 12
    return f"{hour:02d}:{minute:02d}"

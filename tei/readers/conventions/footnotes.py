"""Footnote markers glued to words, and the footnotes printed at the end of a page.

History.state.gov copies as plain text with each marker glued to the word it follows
(``Adler28``, ``Treasury.29``, ``provinces,2``, ``Saturday.2``, even ``18831`` for the year 1883
and note 1) and the footnotes after the signature, as an indented numbered list (``  1. Not
printed.``, renumbered from 1) or as bullet lines ending with a return arrow (``- K. C. Wu, …↩``).
Markers run in order and are consecutive, so the first one found fixes the numbering, and a
marker is only taken where a footnote exists for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBERED_NOTE = re.compile(r"^\s{2,}(?P<n>\d{1,3})\.\s+(?P<text>\S.*)$")
_ARROW_NOTE = re.compile(r"^-\s+(?P<text>\S.*?)\s*↩$")
#: a marker glued after a letter, a closing quote or bracket, or sentence punctuation
_GLUED = r"(?:(?<=[A-Za-z”’\)\]])|(?<=[A-Za-z”’\)\]][.,;:]))"


@dataclass(frozen=True)
class Marker:
    """A footnote marker: where it stands in a line (start, end of the digits) and its number."""

    start: int
    end: int
    n: str


def footnote_line(raw: str) -> str | None:
    """The text of a footnote line (either form), or None."""
    for pattern in (_NUMBERED_NOTE, _ARROW_NOTE):
        match = pattern.match(raw.rstrip())
        if match:
            return match.group("text")
    return None


def find_markers_numbered(lines: list[str], count: int, first: int) -> list[tuple[int, Marker]]:
    """Like :func:`find_markers`, with the first marker's number known."""
    return _scan(lines, count, first)


def find_markers(lines: list[str], count: int) -> list[tuple[int, Marker]]:
    """Up to ``count`` consecutive markers in ``lines``, as (line index, marker), in order.

    The first marker is the first number glued to a word; the next must be the next number.
    A year with a marker glued to it (``18831``) is split when the next marker is expected
    there and nothing else fits.
    """
    return _scan(lines, count, None)


def _scan(lines: list[str], count: int, expected: int | None) -> list[tuple[int, Marker]]:
    found: list[tuple[int, Marker]] = []
    index, column = 0, 0
    while index < len(lines) and len(found) < count:
        marker = _next_marker(lines[index], column, expected)
        if marker is None:
            index, column = index + 1, 0
            continue
        found.append((index, marker))
        expected = int(marker.n) + 1
        column = marker.end
    return found


def _next_marker(line: str, column: int, expected: int | None) -> Marker | None:
    if expected is None:
        pattern = re.compile(_GLUED + r"(?P<n>\d{1,3})(?=[\s,.;:]|$)")
    else:
        # with the number known, a marker may also follow a number's punctuation ("April
        # 27.1", "27,3"), but never three digits after a comma (1,000)
        after_number = r"|(?<=\d[.])" + ("" if len(str(expected)) == 3 else r"|(?<=\d,)")
        glued = _GLUED[:-1] + after_number + ")"
        pattern = re.compile(
            glued
            + rf"(?P<n>{expected})(?=\s|$)"
            + "|"
            + _GLUED
            + rf"(?P<m>{expected})(?=[\s,.;:]|$)"
        )
    match = pattern.search(line, column)
    if expected is not None:
        year = re.compile(rf"\b(?:1[6-9]|20)\d\d(?P<n>{expected})(?=[\s,.;:]|$)").search(
            line, column
        )
        if year and (match is None or year.start() < match.start()):
            return Marker(year.start("n"), year.end("n"), str(expected))
    if match is None:
        return None
    group = "n" if match.group("n") else "m"
    return Marker(match.start(group), match.end(group), match.group(group))

"""Text in no known layout: any publisher's letter or telegram, read by the shared conventions.

The reader looks, near the top, for a heading that names the parties (``The X (Name) to the Y``,
``Sir Edward Grey to Sir E. Goschen.``, ``FROM X TO Y``, ``Der Botschafter in Wien an das
Auswärtige Amt``, ``Memorandum by …``); the page matter above it (site names, navigation,
running heads) is left out and named, line by line, in one warning. Under the heading, or at the
top when there is none, come markings, the dateline (with a place, in four languages, one or two
calendars), a bare date, receipt lines; the rest is the message, whose salutation, points and
signature the shared body grammar finds. ``From:``/``To:`` lines name the parties and stay in
the text. No line is dropped without a warning naming it.
"""

from __future__ import annotations

from tei.dates import is_date
from tei.model import FrontLine, ReaderWarning
from tei.readers.blocks import Block, clean_line, split_blocks, split_lines
from tei.readers.body import _POINT, _SALUTE
from tei.readers.conventions import furniture
from tei.readers.conventions.classification import is_marking
from tei.readers.conventions.dateline import parse_dateline
from tei.readers.conventions.heading import parse_by_heading, parse_heading
from tei.readers.conventions.letter_heading import parse_field, parse_letter_heading
from tei.readers.conventions.parties import parse_party
from tei.readers.conventions.place_dateline import parse_place_dateline
from tei.readers.conventions.received import parse_received
from tei.readers.conventions.world_date import read_date
from tei.readers.parts import SourceParts

NAME = "generic"
#: how many non-blank lines from the top a heading may stand (a web copy opens with its site)
_HEAD_REACH = 40
#: a paragraph this long above a candidate heading is text, not page matter: no heading there
_TEXT_WORDS = 60
#: how many lines under the heading may hold markings, dateline and receipt lines
_FRONT_REACH = 6

Line = tuple[int, str]


def detect(text: str) -> int:
    """The generic reader takes anything; it is chosen only when no layout claims the text."""
    return 0


def split(text: str) -> SourceParts:
    """Heading, front lines and body; the parties from ``From:``/``To:`` lines when no heading."""
    parts = SourceParts(layout=NAME)
    raw = split_lines(text)
    lines = [(n, clean_line(line)) for n, line in enumerate(raw, 1) if clean_line(line)]
    head = _find_heading(lines)
    start = _take_heading(lines, head, parts) + 1 if head is not None else 0
    start, kept = _front(lines, start, parts)
    first_body = lines[start][0] if start < len(lines) else len(raw) + 1
    blocks = [*kept, *split_blocks(raw[first_body - 1 :], first_body)]
    if head is None and parts.title is None:
        blocks = _untitled_top(blocks, parts)
    if parts.head_sender is None and parts.head_recipient is None:
        _fields(lines[:_HEAD_REACH], parts)
    if parts.date_text is None:
        _date_in_text(lines[start : start + _HEAD_REACH], parts)
    parts.body = blocks
    return parts


def _find_heading(lines: list[Line]) -> int | None:
    """Index of the first line near the top that is a party heading, unless text stands above."""
    for index, (_, line) in enumerate(lines[:_HEAD_REACH]):
        if len(line.split()) > _TEXT_WORDS:
            return None
        if parse_heading(line) or parse_letter_heading(line) or parse_by_heading(line):
            return index
    return None


def _take_heading(lines: list[Line], head: int, parts: SourceParts) -> int:
    """Record the heading (joined with a short line that ends it, ``Office (Weizsäcker)``) and
    report the page matter above it; the index of the heading's last line."""
    number, line = lines[head]
    if head + 1 < len(lines):
        joined = f"{line} {lines[head + 1][1]}"
        after = lines[head + 1][1]
        if len(after.split()) <= 6 and _continues(line, after) and _ends(joined):
            line, head = joined, head + 1
    for above_number, above in lines[:head]:
        parts.dropped.append((f"page matter {above!r}", above_number))
    if parts.dropped:
        parts.warnings.append(
            ReaderWarning(
                furniture.dropped_report(parts.dropped), parts.dropped[0][1], "page-matter"
            )
        )
    ends = parse_heading(line) or parse_letter_heading(line)
    if ends:
        parts.head_sender, parts.head_recipient = ends
    else:
        parts.head_sender = parse_by_heading(line)
    parts.title, parts.title_line = line, number
    tail = line.partition(",")[2].strip()
    found = read_date(tail) if tail else None
    if found is not None:  # ``Георг V — Николаю II, 19 июля / 1 августа 1914 г.``
        parts.date_text, parts.date_line, parts.date = tail, number, found.date
    return head


def _ends(line: str) -> bool:
    """The line (a heading joined with its next line) is still a heading."""
    return bool(parse_heading(line) or parse_letter_heading(line) or parse_by_heading(line))


def _continues(line: str, after: str) -> bool:
    """The next line finishes the heading: the heading breaks off after a small word or an
    unclosed name, and the next line is no dateline, marking or sentence."""
    last = line.split()[-1]
    opened = line.count("(") > line.count(")")
    small = last.casefold() in {"of", "the", "in", "to", "and", "for", "at"} or last[:1].isupper()
    return (
        (small or opened)
        and not line.endswith((".", ")"))
        and not is_marking(after)
        and parse_place_dateline(after) is None
        and read_date(after) is None
        and after[:1].isupper()
        and not _SALUTE.match(after)
        and not after.endswith((",", ":", ";", "!"))
    )


def _date_in_text(lines: list[Line], parts: SourceParts) -> None:
    """No dateline under a heading: the first dateline or date line near the top dates the
    letter (``Vera Cruz, le 10 7bre 1869`` under an editor's introduction); it stays in the
    text, where it is printed."""
    for number, line in lines:
        placed = parse_place_dateline(line)
        found = placed.date if placed else (read_date(line).date if read_date(line) else None)
        if found is not None:
            parts.date_text, parts.date_line, parts.date = line, number, found
            return


def _front(lines: list[Line], index: int, parts: SourceParts) -> tuple[int, list[Block]]:
    """Markings, dateline, date and receipt lines under the heading; site furniture among them
    is dropped and named, any other line before the last front line stays as text."""
    kept: list[Block] = []
    pending: list[Line] = []
    end = index
    for position in range(index, min(len(lines), index + _FRONT_REACH)):
        number, line = lines[position]
        if _front_line(number, line, parts):
            kept.extend(Block((text,), n) for n, text in pending)
            pending = []
            end = position + 1
        elif furniture.furniture_label(line):
            parts.dropped.append((furniture.furniture_label(line) or line, number))
            warning = ReaderWarning(f"dropped site furniture {line!r}", number, "page-matter")
            parts.warnings.append(warning)
            end = position + 1
        elif _SALUTE.match(line) or _POINT.match(line) or len(line.split()) > 12:
            break
        else:
            pending.append((number, line))
    return end, kept


def _front_line(number: int, line: str, parts: SourceParts) -> bool:
    """Record a marking, dateline, date or receipt line; False for any other line."""
    if is_marking(line) and not line.startswith("["):  # ``[Secret]`` is the editor's
        parts.front.append(FrontLine("marking", line, line=number))
        return True
    if parts.date_text is None:
        dateline = parse_dateline(line)
        if dateline is not None:
            parts.front.append(
                FrontLine("dateline", line, dateline.place, dateline.date, dateline.time, number)
            )
            parts.date_text, parts.date_line = dateline.date_text, number
            return True
        placed = parse_place_dateline(line)
        if placed is not None:
            parts.front.append(FrontLine("dateline", line, placed.place, placed.date, None, number))
            parts.date_text, parts.date_line, parts.date = placed.date_text, number, placed.date
            return True
        found = read_date(line)
        if found is not None:
            # a bare date line is the header's date, its text kept there (``date_text``)
            parts.date_text, parts.date_line, parts.date = line, number, found.date
            return True
    received = parse_received(line)
    if received is not None:
        parts.front.append(FrontLine("received", received.text, None, None, received.time, number))
        return True
    return False


def _untitled_top(blocks: list[Block], parts: SourceParts) -> list[Block]:
    """No heading: a short first line without a final stop is the title; the other lines of its
    paragraph stay in the text."""
    if not blocks:
        return blocks
    first = blocks[0]
    line = first.lines[0]
    if (
        _SALUTE.match(line)
        or _POINT.match(line)
        or line.endswith((".", ",", ":"))
        or len(line.split()) > 25
        or is_date(line)
        or (line.startswith("[") and line.endswith("]"))  # the editor's ``[Secret]``, no title
    ):
        return blocks
    parts.title, parts.title_line = line, first.line
    rest = first.lines[1:]
    return [Block(rest, first.line + 1), *blocks[1:]] if rest else blocks[1:]


def _fields(lines: list[Line], parts: SourceParts) -> None:
    """``From: Washington (Nomura)`` and ``To: Tokyo`` name the parties (the lines stay)."""
    for _, line in lines:
        field = parse_field(line)
        if field is None:
            continue
        party = parse_party(field[1])
        if field[0] == "from" and parts.head_sender is None:
            parts.head_sender = party
        elif field[0] == "to" and parts.head_recipient is None:
            parts.head_recipient = party

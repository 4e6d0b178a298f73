"""Foreign Relations of the United States, as history.state.gov pages copy to plain text.

The page runs: the source note (``893.51/7427: Telegram``), the party heading (``The Ambassador
in China (Gauss) to the Secretary of State``), classification and precedence lines, the dateline
(``Chungking, March 28,`` / ``1943—9 a.m.``, on one line or two), ``[Received …]`` lines, the
text (its first word the telegram's number, ``605.``), the signature, and the footnotes. Every
line of the text is a paragraph (the newer pages put no blank line between them); the newer
pages print list labels as lines of their own (``- 1.`` then ``- In accordance …``).
"""

from __future__ import annotations

import re

from tei.dates import PartialDate
from tei.model import FrontLine, ReaderWarning
from tei.readers.blocks import Block, clean_line, split_lines
from tei.readers.conventions import furniture
from tei.readers.conventions.classification import is_marking
from tei.readers.conventions.dateline import parse_dateline
from tei.readers.conventions.footnotes import find_markers, find_markers_numbered, footnote_line
from tei.readers.conventions.heading import parse_by_heading, parse_heading
from tei.readers.conventions.received import parse_received
from tei.readers.conventions.repeats import find_repeats
from tei.readers.conventions.source_note import parse_source_note
from tei.readers.conventions.telegram_number import telegram_number
from tei.readers.parts import FOOTNOTE_MARK, SourceParts

NAME = "frus"
_LIST_LABEL = re.compile(r"^-\s+(?P<n>\d{1,2}\.)$")
_LIST_ITEM = re.compile(r"^-\s+(?P<text>\S.*)$")


#: how far down the page the source note may stand (a copy may begin with the site's heading)
_NOTE_REACH = 12


def detect(text: str) -> int:
    """A source note near the top and a party heading under it, receipt lines."""
    lines = [clean_line(line) for line in split_lines(text) if clean_line(line)]
    note = next((i for i, line in enumerate(lines[:_NOTE_REACH]) if parse_source_note(line)), None)
    if note is None:
        return sum(1 for line in lines[:3] if parse_heading(line))
    score = 2 + 2 * any(
        parse_heading(line) or parse_by_heading(line) for line in lines[note : note + 3]
    )
    score += any(parse_received(line) for line in lines[note : note + 8])
    return score


def split(text: str) -> SourceParts:
    parts = SourceParts(layout=NAME)
    raw_lines = split_lines(text)
    numbered = [(n, clean_line(line), line) for n, line in enumerate(raw_lines, 1)]
    lines = [(n, line, raw) for n, line, raw in numbered if line]
    index = _head(lines, parts)
    index = _front(lines, index, parts)
    body, notes = _split_notes(lines[index:], parts.warnings)
    blocks = _paragraphs(body)
    parts.footnotes = notes
    if notes:
        blocks = _anchor_markers(blocks, notes, parts)
    if blocks:
        number = telegram_number(blocks[0].text)
        if number:
            parts.telegram_numbers.append(number)
    for block in blocks:
        for name in find_repeats(block.text):
            if name not in parts.copies_to:
                parts.copies_to.append(name)
    parts.body = blocks
    return parts


def _head(lines: list[tuple[int, str, str]], parts: SourceParts) -> int:
    """Source note and heading; lines above the source note are the site's, dropped and named."""
    index = next(
        (i for i, (_, line, _) in enumerate(lines[:_NOTE_REACH]) if parse_source_note(line)), 0
    )
    for number, line, _ in lines[:index]:
        parts.dropped.append((f"page heading {line!r}", number))
    if parts.dropped:
        parts.warnings.append(ReaderWarning(furniture.dropped_report(parts.dropped)))
    if index < len(lines):
        note = parse_source_note(lines[index][1])
        if note:
            parts.source_note, parts.file_number = note.text, note.file_number
            parts.kind = note.kind.lower()
            index += 1
    if index < len(lines):
        line = lines[index][1]
        heading = parse_heading(line)
        author = None if heading else parse_by_heading(line)
        if heading:
            parts.head_sender, parts.head_recipient = heading
        elif author:
            parts.head_sender = author
        # under a source note the next line is the document's head, whatever its form
        head = heading or author or (parts.source_note and _looks_like_head(line))
        if head:
            parts.title, parts.title_line = " ".join(line.split()), lines[index][0]
            index += 1
    return index


def _looks_like_head(line: str) -> bool:
    """A short line without a final full stop that is not a marking, dateline or receipt."""
    return (
        len(line.split()) <= 25
        and not line.endswith(".")
        and not is_marking(line)
        and parse_dateline(line) is None
        and parse_received(line) is None
    )


def _front(lines: list[tuple[int, str, str]], index: int, parts: SourceParts) -> int:
    """Markings, the dateline (one line or two) and receipt lines, in any order."""
    sent: PartialDate | None = None
    while index < len(lines):
        number, line, _ = lines[index]
        joined = f"{line} {lines[index + 1][1]}" if index + 1 < len(lines) else line
        dateline = parse_dateline(line)
        span = 1
        if dateline is None and index + 1 < len(lines):
            dateline, span = parse_dateline(joined), 2
        received = parse_received(line)
        if is_marking(line):
            parts.front.append(FrontLine("marking", line, line=number))
        elif dateline is not None:
            text = line if span == 1 else joined
            parts.front.append(
                FrontLine("dateline", text, dateline.place, dateline.date, dateline.time, number)
            )
            parts.date_text, parts.date_line = dateline.date_text, number
            sent = dateline.date
        elif received is not None:
            date = _received_date(received, sent)
            if any(f.kind == "received" and f.text == received.text for f in parts.front):
                parts.warnings.append(ReaderWarning("the receipt line is printed twice", number))
            parts.front.append(
                FrontLine("received", received.text, None, date, received.time, number)
            )
        else:
            break
        index += span if dateline is not None and not is_marking(line) else 1
    return index


def _received_date(received, sent: PartialDate | None) -> PartialDate | None:
    """The receipt's day: as printed, else the dateline's (FRUS prints it only when it differs)."""
    if sent is None:
        return None
    if received.month is None:
        return sent
    return PartialDate(received.year or sent.year, received.month, received.day)


def _split_notes(
    lines: list[tuple[int, str, str]], warnings: list[ReaderWarning]
) -> tuple[list, list[tuple[str, str, int]]]:
    """Footnote lines at the end of the page (either form); renumbered in the page's order."""
    end = len(lines)
    cut = None
    if len(lines) > 1 and lines[-1][1].startswith("- ") and lines[-2][1].endswith("↩"):
        # the page is cut short inside its last footnote
        cut = lines[-1]
        lines = [*lines[:-1], (cut[0], cut[1], cut[2].rstrip() + " ↩")]
    while end > 0 and footnote_line(lines[end - 1][2]) is not None:
        end -= 1
    notes = [
        (str(k), footnote_line(raw) or "", number)
        for k, (number, _, raw) in enumerate(lines[end:], 1)
    ]
    if cut is not None and notes:
        warnings.append(ReaderWarning("the page ends inside its last footnote", cut[0]))
    return lines[:end], notes


def _paragraphs(lines: list[tuple[int, str, str]]) -> list[Block]:
    """One paragraph a line; a ``- 1.`` label line joins the item line that follows it."""
    blocks: list[Block] = []
    pending: str | None = None
    for number, line, _ in lines:
        label = _LIST_LABEL.match(line)
        if label:
            pending = label.group("n")
            continue
        item = _LIST_ITEM.match(line)
        if pending and item:
            blocks.append(Block((f"{pending} {item.group('text')}",), number))
            pending = None
            continue
        blocks.append(Block((line,), number))
    return blocks


def _anchor_markers(
    blocks: list[Block], notes: list[tuple[str, str, int]], parts: SourceParts
) -> list[Block]:
    """Replace each footnote marker glued to a word by a placeholder for the note."""
    texts = [b.text for b in blocks]
    reserved = range(FOOTNOTE_MARK, FOOTNOTE_MARK + len(notes))
    if any(ord(c) in reserved for text in texts for c in text):
        # the page itself holds the private-use characters that stand for markers here
        parts.warnings.append(
            ReaderWarning("private-use characters in the text: footnotes kept at the end")
        )
        parts.footnotes_anchored = False
        return blocks
    markers = find_markers(texts, len(notes))
    if markers and markers[0][1].n != "1":
        from_one = find_markers_numbered(texts, len(notes), 1)
        if len(from_one) == len(notes):
            markers = from_one
    if len(markers) < len(notes):
        parts.warnings.append(
            ReaderWarning(
                f"{len(notes) - len(markers)} footnote markers not found: notes kept at the end"
            )
        )
    lines = list(texts)
    for k, (index, marker) in reversed(list(enumerate(markers))):
        line = lines[index]
        lines[index] = line[: marker.start] + chr(FOOTNOTE_MARK + k) + line[marker.end :]
        notes[k] = (marker.n, notes[k][1], notes[k][2])
    return [Block((text,), block.line) for text, block in zip(lines, blocks, strict=True)]

"""The Wilson Center Digital Archive's current web site, copied as plain text.

Two renderings reach users: blocks with blank lines between them (some copies put lines of only
U+00A0 between paragraphs), and single line breaks with the sidebar labels and ``Related
Documents`` rows, which often begins with the end of the previous document's summary. Either
way the page runs: [``Skip to content``], the date, the title, an optional ``This document was
made possible with support from …``, the text, its summary, then the sidebar (``Document
Information`` and the source statement, ``Rights``, ``Record ID`` …). The sidebar and the site's
lines are dropped and named in one warning; the source statement, original language and record
id are kept.
"""

from __future__ import annotations

import re

from tei.dates import is_date
from tei.model import FrontLine, ReaderWarning
from tei.readers.blocks import Block, clean_line, split_blocks, split_lines
from tei.readers.conventions import furniture
from tei.readers.conventions.address import parse_address
from tei.readers.conventions.classification import is_marking
from tei.readers.conventions.dateline import parse_dateline
from tei.readers.conventions.relay import parse_for_line, parse_pass_on
from tei.readers.conventions.spans import join_open_brackets
from tei.readers.parts import SourceParts

NAME = "wilson-site"
_FUNDER = re.compile(r"^This document was made possible with support from (?:the )?(?P<f>.+?)\.?$")
_ORIGINAL = re.compile(r"\bTranslated (?:for \w+ )?from (?P<lang>[A-Z][a-z]+)\b")
_RELAY_REACH = 20
_URL = re.compile(r"https?://\S+")


def detect(text: str) -> int:
    """The site's marks: ``Skip to content`` (counts twice: only this site opens so), each
    sidebar label, the funder sentence, the rights paragraph."""
    lines = [clean_line(line) for line in split_lines(text)]
    score = 2 if lines and lines[0] == "Skip to content" else 0
    score += len({line for line in lines if line in furniture.SIDEBAR_START})
    score += any(_FUNDER.match(line) for line in lines)
    score += any(furniture.furniture_label(line) == "Rights text" for line in lines)
    return score


def split(text: str) -> SourceParts:
    """Cut the page into head, text, summary and sidebar; drop and name the site's lines."""
    parts = SourceParts(layout=NAME)
    blocks = _blocks(split_lines(text))
    start = _head(blocks, parts)
    end = next(
        (
            i
            for i in range(start, len(blocks))
            if furniture.is_sidebar_start(blocks[i].text, last=i == len(blocks) - 1)
        ),
        None,
    )
    body = blocks[start:end] if end is not None else blocks[start:]
    if end is None and body:
        parts.warnings.append(
            ReaderWarning(
                "the page ends before its sidebar (cut short): without the sidebar after it the "
                "summary cannot be told from the text, so its last paragraph is kept as text",
                body[-1].line,
            )
        )
    if end is not None and len(body) > 1:
        parts.summary = body[-1].text
        body = body[:-1]
        _sidebar(blocks[end:], parts)
    joined = join_open_brackets(body, cut=end is None)
    parts.warnings.extend(ReaderWarning(m, line) for m, line in joined.warnings)
    parts.body = _front(joined.blocks, parts)
    _relay_lines(parts.body, parts)
    if parts.dropped:
        parts.warnings.append(ReaderWarning(furniture.dropped_report(parts.dropped)))
    return parts


def _blocks(lines: list[str]) -> list[Block]:
    """Blank-line blocks when the copy has them, else one block a line."""
    blank = sum(1 for line in lines if not clean_line(line))
    if blank >= 3:
        return split_blocks(lines)
    return [Block((clean_line(line),), n) for n, line in enumerate(lines, 1) if clean_line(line)]


def _head(blocks: list[Block], parts: SourceParts) -> int:
    """Date, title and funder; what comes before the date is dropped. Returns the text's start."""
    date_at = next((i for i, b in enumerate(blocks[:6]) if is_date(b.text)), None)
    if date_at is None:
        return 0
    for block in blocks[:date_at]:
        label = furniture.furniture_label(block.text)
        if label is None:
            # the single-line copy begins with the tail of the previous document's summary;
            # anything else above the date is named with its text
            prose = block.text.endswith(".") and len(block.text.split()) > 4
            label = "the end of the previous document's summary" if prose else repr(block.text)
        parts.dropped.extend((label, block.line + k) for k in range(len(block.lines)))
    date = blocks[date_at]
    parts.date_text, parts.date_line = date.text, date.line
    index = date_at + 1
    if index < len(blocks):
        parts.title, parts.title_line = blocks[index].text, blocks[index].line
        index += 1
    if index < len(blocks):
        funder = _FUNDER.match(blocks[index].text)
        if funder:
            # the funder is kept (titleStmt/funder); the site's sentence around it is not
            parts.funder = funder.group("f")
            parts.dropped.append(("the words of the funder line", blocks[index].line))
            index += 1
    return index


def _sidebar(blocks: list[Block], parts: SourceParts) -> None:
    """Keep the source statement, language and record id; drop and name everything else."""
    label = None
    statement: list[Block] = []
    for position, block in enumerate(blocks):
        last = position == len(blocks) - 1
        found = furniture.furniture_label(block.text, last=last)
        if found is not None:
            label = found
            parts.dropped.extend((found, block.line + k) for k in range(len(block.lines)))
            continue
        if _URL.fullmatch(block.text) and parts.url is None:
            parts.url = block.text
            continue
        if label in ("Document Information", "Source") and not parts.source_statement:
            statement.append(block)
            continue
        if label == "Language" and re.fullmatch(r"[A-Z][a-z]+", block.text):
            parts.original_language = block.text
            parts.original_language_line = block.line
        elif label == "Record ID" and block.text.isdigit():
            parts.record_id = block.text
        else:
            parts.dropped.append((f"sidebar text {block.text!r}", block.line))
    if statement:
        parts.source_statement = " ".join(b.text for b in statement)
        parts.source_statement_line = statement[0].line
        original = _ORIGINAL.search(parts.source_statement)
        if original and parts.original_language is None:
            parts.original_language = original.group("lang")
            parts.original_language_line = statement[0].line


def _front(body: list[Block], parts: SourceParts) -> list[Block]:
    """Markings and a dateline at the top of the text become front lines."""
    index = 0
    while index < len(body):
        text = body[index].text
        dateline = parse_dateline(text)
        if is_marking(text):
            parts.front.append(FrontLine("marking", text, line=body[index].line))
        elif dateline is not None:
            parts.front.append(
                FrontLine(
                    "dateline", text, dateline.place, dateline.date, dateline.time, body[index].line
                )
            )
        else:
            break
        index += 1
    return body[index:]


def _relay_lines(body: list[Block], parts: SourceParts) -> None:
    """The address line, ``For X.`` and ``Visit X and pass him …`` near the top of the text."""
    for block in body[:_RELAY_REACH]:
        address = parse_address(block.text)
        if address and parts.delivered_to is None:
            parts.delivered_to = address.whom
        name = parse_for_line(block.text) or parse_pass_on(block.text)
        if name and parts.final_addressee is None:
            parts.final_addressee = name

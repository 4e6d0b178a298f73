"""The archive's Markdown-like export: bold title lines, then ``**Citation:**``, ``**Summary:**``,
``**Original Language:**`` and ``**Contents:**`` sections."""

from __future__ import annotations

import re

from tei.dates import is_date
from tei.readers.blocks import split_blocks, split_lines, unbold
from tei.readers.parts import SourceParts

NAME = "markdown-export"
_SECTION = re.compile(r"^\*\*(?P<name>[A-Z][A-Za-z ]+):\*\*\s*(?P<rest>.*)$")
_FUNDER = re.compile(r"made possible with support from (?:the )?(?P<funder>.+?)\.?$", re.I)
_TRANSLATION = re.compile(r"^(?:Translation|Transcript(?:ion)?|Original)\s*[-–—:]\s*(?P<lang>.+)$")


def detect(text: str) -> int:
    """How sure we are this is the Markdown export: the number of its section headings."""
    return len({m.group("name") for m in map(_SECTION.match, split_lines(text)) if m})


def split(text: str) -> SourceParts:
    """Cut the export into its sections."""
    lines = split_lines(text)
    parts = SourceParts(layout=NAME)
    sections: dict[str, tuple[int, list[str]]] = {}
    current = "_head"
    sections[current] = (1, [])
    for number, line in enumerate(lines, start=1):
        match = _SECTION.match(line.strip())
        if match:
            current = match.group("name").strip().lower()
            sections[current] = (number + 1, [match.group("rest")] if match.group("rest") else [])
            if match.group("rest"):
                sections[current] = (number, [match.group("rest")])
            continue
        sections[current][1].append(line)
    head_start, head_lines = sections["_head"]
    title_lines: list[str] = []
    for block in split_blocks(head_lines, head_start):
        for offset, raw in enumerate(block.lines):
            line = unbold(raw)
            funder = _FUNDER.search(line)
            if funder:
                parts.funder = funder.group("funder")
            elif parts.date_text is None and not title_lines and is_date(line):
                parts.date_text, parts.date_line = line, block.line + offset
            else:
                if parts.title_line is None:
                    parts.title_line = block.line + offset
                title_lines.append(line)
    parts.title = " ".join(title_lines) or None
    if "citation" in sections:
        start, body = sections["citation"]
        blocks = split_blocks(body, start)
        if blocks:
            parts.citation, parts.citation_line = " ".join(b.text for b in blocks), blocks[0].line
    if "summary" in sections:
        start, body = sections["summary"]
        parts.summary = " ".join(b.text for b in split_blocks(body, start)) or None
    if "original language" in sections:
        start, body = sections["original language"]
        blocks = split_blocks(body, start)
        if blocks:
            parts.original_language, parts.original_language_line = blocks[0].text, blocks[0].line
    if "contents" in sections:
        start, body = sections["contents"]
        blocks = split_blocks(body, start)
        if blocks:
            translation = _TRANSLATION.match(blocks[0].text)
            if translation:
                parts.text_language = translation.group("lang")
                blocks = blocks[1:]
        parts.body = blocks
    return parts

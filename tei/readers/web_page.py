"""A plain copy of the archive's web page: site navigation, ``• Citation`` / ``get citation``,
the summary and citation, ``• share document``, ``English HTML``, the text, and PDF notices.

Navigation, buttons and PDF notices are dropped: they are the site, not the document.
"""

from __future__ import annotations

import re

from tei.dates import is_date
from tei.readers.blocks import Block, clean_line, split_blocks, split_lines
from tei.readers.parts import SourceParts

NAME = "web-page"
_MARKERS = re.compile(
    r"^(?:•\s*Citation|get citation|•\s*share document|(?P<lang>[A-Z][a-z]+) (?:HTML|PDF))$"
)
_NAVIGATION = re.compile(
    r"^(?:Search in|Digital Archive International History Declassified|Search|Menu|Home)$"
)
_PDF_NOTICE = re.compile(
    r"(?:not configured to display PDF|click here to (?:download|view) the PDF|"
    r"PDFs cannot be printed inline)",
    re.I,
)
_FUNDER = re.compile(r"made possible with support from (?:the )?(?P<funder>.+?)\.?$", re.I)


def detect(text: str) -> int:
    """How sure we are this is a web-page copy: the number of the page's markers present."""
    return sum(1 for line in split_lines(text) if _MARKERS.match(clean_line(line)))


def split(text: str) -> SourceParts:
    """Find the page's parts by its markers and drop everything that belongs to the site."""
    parts = SourceParts(layout=NAME)
    # Markers are lines of their own, sometimes without a blank line around them: turn each
    # into a paragraph break and remember the state it starts.
    lines = split_lines(text)
    starts: dict[int, str] = {}
    for index, raw in enumerate(lines):
        marker = _MARKERS.match(clean_line(raw))
        if marker:
            lines[index] = ""
            if marker.group("lang"):
                parts.text_language = marker.group("lang")
                starts[index + 1] = "body"
            elif marker.group(0).endswith("share document"):
                starts[index + 1] = "after-citation"
            else:
                starts[index + 1] = "citation"
    state = "head"
    body: list[Block] = []
    for block in split_blocks(lines):
        if _is_site(block):
            continue
        state = next((starts[n] for n in sorted(starts, reverse=True) if n <= block.line), "head")
        if state == "head":
            funder = _FUNDER.search(block.text)
            if funder:
                parts.funder = funder.group("funder")
            elif parts.date_text is None and is_date(block.text):
                parts.date_text, parts.date_line = block.text, block.line
            elif parts.title is None:
                parts.title, parts.title_line = block.text, block.line
        elif state == "citation":
            _take_citation_block(block, parts)
        elif state == "body":
            body.append(block)
    parts.body = body
    return parts


def _take_citation_block(block: Block, parts: SourceParts) -> None:
    """In the citation panel, a line in quotes is the citation and the other is the summary."""
    for offset, line in enumerate(block.lines):
        if line[:1] in '"“' and parts.citation is None:
            parts.citation, parts.citation_line = line, block.line + offset
        elif parts.summary is None:
            parts.summary = line
        else:
            parts.summary += " " + line


def _is_site(block: Block) -> bool:
    return bool(_NAVIGATION.match(block.text) or _PDF_NOTICE.search(block.text))

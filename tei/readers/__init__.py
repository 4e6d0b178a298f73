"""Text → model. One reader per source layout, chosen by looking at the content.

Adding a layout is one module with ``NAME``, ``detect(text) -> int`` (how many of its markers
the text has) and ``split(text) -> SourceParts``, plus one row in :data:`LAYOUTS`. The file name
never decides: real collections name files any way they like.
"""

from __future__ import annotations

import re
from types import ModuleType

from tei.model import ReaderWarning
from tei.readers import frus, generic, markdown_export, web_page, wilson_site
from tei.readers.blocks import split_lines
from tei.readers.parts import FOOTNOTE_MARK

#: the layouts, most specific first; the generic reader is the fallback
LAYOUTS: tuple[ModuleType, ...] = (markdown_export, web_page, wilson_site, frus)
#: how many of a layout's markers a text needs before that layout claims it
MIN_MARKERS = 2


def detect_layout(text: str) -> ModuleType:
    """The layout whose markers the text shows most (at least two), else the generic reader."""
    best, score = generic, MIN_MARKERS - 1
    for layout in LAYOUTS:
        found = layout.detect(text)
        if found > score:
            best, score = layout, found
    return best


# C0 controls other than tab, LF and CR, and the non-characters XML 1.0 cannot hold
_NON_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def replace_non_xml_characters(text: str) -> tuple[str, list[ReaderWarning]]:
    """Replace characters XML cannot hold by spaces, with a warning naming each line.

    Such characters come from copying out of PDFs and word processors (form feeds, vertical
    tabs); they carry no text, so a space keeps the words apart and nothing readable is lost.
    """
    if not _NON_XML.search(text):
        return text, []
    warnings = []
    for number, line in enumerate(split_lines(text), start=1):
        found = sorted({f"U+{ord(c):04X}" for c in _NON_XML.findall(line)})
        if found:
            warnings.append(
                ReaderWarning(
                    f"control character {', '.join(found)} replaced by a space",
                    number,
                    "control-character",
                )
            )
    return _NON_XML.sub(" ", text), warnings


def reading_text(text: str) -> list[str]:
    """The body of the source as its paragraphs, the way a reader reads it (round-trip tests).

    Layout matter (site navigation, headings, citation) is left out, as in the TEI; the text
    of each paragraph is kept verbatim, brackets and quotation marks included.
    """
    parts = detect_layout(text).split(text)
    front = [f"[{line.text}]" if line.kind == "received" else line.text for line in parts.front]
    marks = parts.footnotes if parts.footnotes_anchored else []
    body = [_markers_back(block.text, marks) for block in parts.body]
    notes = [f"{n}. {note}" for n, note, _ in parts.footnotes]
    return [*front, *body, *notes]


def _markers_back(text: str, footnotes: list[tuple[str, str, int]]) -> str:
    """A paragraph with each footnote placeholder (U+E000 + index) back as its marker."""
    for index, (n, _, _) in enumerate(footnotes):
        text = text.replace(chr(FOOTNOTE_MARK + index), n)
    return text


__all__ = ["LAYOUTS", "detect_layout", "reading_text", "replace_non_xml_characters"]

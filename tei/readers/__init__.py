"""Text → model. One reader per source layout, chosen by looking at the content.

Adding a layout is one module with ``NAME``, ``detect(text) -> int`` (how many of its markers
the text has) and ``split(text) -> SourceParts``, plus one row in :data:`LAYOUTS`. The file name
never decides: real collections name files any way they like.
"""

from __future__ import annotations

import re
from dataclasses import replace
from types import ModuleType

from tei.authority import Authority, bundled_authority
from tei.errors import InputError, TeiError
from tei.model import ReaderWarning, Telegram
from tei.readers import generic, markdown_export, web_page
from tei.readers.blocks import split_lines
from tei.readers.parts import assemble

#: the layouts, most specific first; the generic reader is the fallback
LAYOUTS: tuple[ModuleType, ...] = (markdown_export, web_page)
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


def read(text: str, source_name: str = "<input>", authority: Authority | None = None) -> Telegram:
    """Read a telegram's text into the model; raise :class:`InputError` when it cannot be."""
    if not text.strip():
        raise InputError("the input is empty", source=source_name, hint="give a telegram's text")
    authority = authority if authority is not None else bundled_authority()
    text, cleaned = replace_non_xml_characters(text)
    layout = detect_layout(text)
    try:
        telegram = assemble(layout.split(text), source_name, authority)
    except TeiError as error:
        raise error.with_source(source_name) from None
    if cleaned:
        telegram = replace(telegram, warnings=(*cleaned, *telegram.warnings))
    return telegram


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
                ReaderWarning(f"control character {', '.join(found)} replaced by a space", number)
            )
    return _NON_XML.sub(" ", text), warnings


def reading_text(text: str) -> list[str]:
    """The body of the source as its paragraphs, the way a reader reads it (round-trip tests).

    Layout matter (site navigation, headings, citation) is left out, as in the TEI; the text
    of each paragraph is kept verbatim, brackets and quotation marks included.
    """
    layout = detect_layout(text)
    return [block.text for block in layout.split(text).body]


__all__ = ["LAYOUTS", "detect_layout", "read", "reading_text"]

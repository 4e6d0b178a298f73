"""What a layout reader cuts out of a source: the pieces and the line each starts on.

Layout readers only find *where* things are (the title lines, the citation, the body); turning
those pieces into header facts and a body is the same for every layout and lives in
:mod:`tei.transforms.assemble`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tei.dates import PartialDate
from tei.model import FrontLine, ReaderWarning
from tei.readers.blocks import Block
from tei.readers.conventions.parties import Party

#: a footnote marker in a body paragraph is this code point plus the note's index (private use)
FOOTNOTE_MARK = 0xE000


@dataclass
class SourceParts:
    """Pieces of a source as a layout reader found them, each with its line."""

    layout: str
    title: str | None = None
    title_line: int | None = None
    date_text: str | None = None
    date_line: int | None = None
    #: the date already read (a form :func:`tei.dates.parse_date` does not know: other languages,
    #: two calendars); the assembly uses it over ``date_text``
    date: PartialDate | None = None
    citation: str | None = None
    citation_line: int | None = None
    summary: str | None = None
    original_language: str | None = None
    original_language_line: int | None = None
    text_language: str | None = None
    funder: str | None = None
    body: list[Block] = field(default_factory=list)
    warnings: list[ReaderWarning] = field(default_factory=list)
    #: the archive's statement of its source (Wilson Center ``Document Information``), verbatim
    source_statement: str | None = None
    source_statement_line: int | None = None
    #: lines above the message: markings, dateline, receipt line
    front: list[FrontLine] = field(default_factory=list)
    #: the party heading's two ends (FRUS ``The X (Name) to the Y``)
    head_sender: Party | None = None
    head_recipient: Party | None = None
    #: who the message is finally for, from ``For X.`` or ``Visit X and pass him …``
    final_addressee: str | None = None
    #: ``To Whom:`` of the address line: who the telegram is delivered to
    delivered_to: str | None = None
    #: offices the telegram was also sent to (``repeated CINCFE``, ``info SCAP``)
    copies_to: list[str] = field(default_factory=list)
    telegram_numbers: list[str] = field(default_factory=list)
    file_number: str | None = None
    source_note: str | None = None
    kind: str | None = None
    record_id: str | None = None
    #: the document's own URL, when the page prints one
    url: str | None = None
    #: footnotes as (number, text, line); markers in the body are U+E000 + index
    footnotes: list[tuple[str, str, int]] = field(default_factory=list)
    #: whether the body holds placeholders for the footnotes (else they all go at the end)
    footnotes_anchored: bool = True
    #: furniture dropped: (label, line number) each
    dropped: list[tuple[str, int]] = field(default_factory=list)


__all__ = ["FOOTNOTE_MARK", "SourceParts"]

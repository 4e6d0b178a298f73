"""What a layout reader cuts out of a source: the pieces and the line each starts on.

Layout readers only find *where* things are (the title lines, the citation, the body); turning
those pieces into header facts and a body is the same for every layout and lives in
:mod:`tei.transforms.assemble`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tei.model import ReaderWarning
from tei.readers.blocks import Block


@dataclass
class SourceParts:
    """Pieces of a source as a layout reader found them, each with its line."""

    layout: str
    title: str | None = None
    title_line: int | None = None
    date_text: str | None = None
    date_line: int | None = None
    citation: str | None = None
    citation_line: int | None = None
    summary: str | None = None
    original_language: str | None = None
    original_language_line: int | None = None
    text_language: str | None = None
    funder: str | None = None
    body: list[Block] = field(default_factory=list)
    warnings: list[ReaderWarning] = field(default_factory=list)


__all__ = ["SourceParts"]

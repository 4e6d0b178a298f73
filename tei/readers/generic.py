"""Text in no known layout: a bare telegram with at most a title and a date line above it.

It takes only what the text itself gives — a first line that is a title, a date line near the
top, then the message (salutation, points, signature, dateline, brackets) — and the assembly
step warns, by name, about each header fact it could not find.
"""

from __future__ import annotations

from tei.dates import is_date
from tei.readers.blocks import split_blocks, split_lines
from tei.readers.body import _POINT, _SALUTE
from tei.readers.parts import SourceParts

NAME = "generic"


def detect(text: str) -> int:
    """The generic reader takes anything; it is chosen only when no layout claims the text."""
    return 0


def split(text: str) -> SourceParts:
    """Title and date from the opening lines (until the salutation), the rest is the body."""
    parts = SourceParts(layout=NAME)
    blocks = split_blocks(split_lines(text))
    body_start = 0
    for index, block in enumerate(blocks[:3]):
        if _SALUTE.match(block.text) or _POINT.match(block.text) or len(block.text) > 200:
            break
        head_lines = list(block.lines)
        taken = False
        for offset, line in enumerate(head_lines):
            if parts.date_text is None and is_date(line):
                parts.date_text, parts.date_line = line, block.line + offset
                taken = True
            elif parts.title is None and index == 0 and not line.endswith((".", ",")):
                parts.title, parts.title_line = line, block.line + offset
                taken = True
        if not taken:
            break
        body_start = index + 1
    parts.body = blocks[body_start:]
    return parts

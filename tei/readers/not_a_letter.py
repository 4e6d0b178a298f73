"""Text that is not a letter or telegram at all: an index, a catalogue record, a page of links.

Encoding such a page would give an "empty letter": a TEI file with no sender, no date and a
body of table cells, which a user might publish without noticing. The rule looks at the shape
of the text, not at any site's words. A page is refused only when all four hold:

1. it is laid out as a table or list: at least :data:`MIN_CELLS` lines, and
   :data:`CELL_SHARE` of its lines, are cells — a lone number (``3``, ``12.``), a lone bullet
   or a bullet with at most three words (``- Home``), a short date cell (``Apr. 17``);
2. it is mostly fragments: :data:`FRAGMENT_SHARE` of its lines have fewer than four words or
   are items of a bulleted list;
3. the cells run to the end: fewer than :data:`TAIL_WORDS` words follow the last cell (a list
   of links above a letter is site furniture, and the letter below it is read);
4. nobody is addressed: no word of the first or second person (``I``, ``we``, ``you``, ``je``,
   ``vous``, ``ich``, ``Sie``, ``я``, ``вы`` …), which every letter and nearly every telegram
   has, and no salutation or signature mark (``Dear``, ``Monsieur``, ``(Signed)``, ``gez.``),
   outside the cells (a link ``- About us`` addresses no one).

A telegram in telegraphese keeps short lines but has no table cells; a letter listing points
addresses someone. Either way one condition fails and the text is read as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_CELLS = 5
CELL_SHARE = 0.15
FRAGMENT_SHARE = 0.5
TAIL_WORDS = 80

_CELL = re.compile(r"[-•*·–](?:\s+\S+){0,3}|\d{1,4}\.?|[A-Z][a-z]{2}\.? \d{1,2}")
_BULLET = re.compile(r"[-•*·–]\s")
_ADDRESSED = re.compile(
    r"\bI (?=[a-z])"
    r"|\b(?:we|you|your|my|our|us|me|je|nous|vous|votre|mon|ma|moi|ich|wir|Sie|Ihr|Ihnen"
    r"|mein|unser|dich|dir|du|я|мы|вы|вас|вам|нам|нас|мне|мой|наш|ваш)\b"
    r"|\b(?:Dear|Sir,|Monsieur|Madame|Comrade|Товарищ|Господин|Signed|Signé|Signe|gez\.)",
)


@dataclass(frozen=True)
class NotALetter:
    """Why a text was taken for something other than a letter, and the line to look at."""

    line: int
    cells: int
    lines: int

    @property
    def message(self) -> str:
        return (
            f"this does not read as a letter or telegram: {self.cells} of its {self.lines} lines "
            "are table or list cells, most are fragments or list items, and no one is addressed"
        )


def not_a_letter(text: str) -> NotALetter | None:
    """The reason to refuse ``text``, or None when it may be a letter (see the module doc)."""
    numbered = [(n, line.strip()) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    if not numbered:
        return None
    cells = [n for n, line in numbered if _CELL.fullmatch(line)]
    fragments = sum(1 for _, line in numbered if len(line.split()) < 4 or _BULLET.match(line))
    if len(cells) < MIN_CELLS or len(cells) < CELL_SHARE * len(numbered):
        return None
    cell_lines = set(cells)
    prose = "\n".join(line for n, line in numbered if n not in cell_lines)
    if fragments < FRAGMENT_SHARE * len(numbered) or _ADDRESSED.search(prose):
        return None
    if sum(len(line.split()) for n, line in numbered if n > cells[-1]) >= TAIL_WORDS:
        return None
    return NotALetter(cells[0], len(cells), len(numbered))


__all__ = ["NotALetter", "not_a_letter"]

"""The archive's source note above a printed document: file number and document kind.

FRUS gives the State Department's decimal file number and the kind: ``893.51/7427: Telegram``,
``893.5151/900 Suppl.: Telegram``, ``501.BB Korea/2–1249: Telegram``, ``740.00119 Control
(Korea)/4–1449: Telegram``. The number always holds a ``/`` and starts with digits; the kind is
one capitalised word or two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NOTE = re.compile(
    r"^(?P<file>\d{3}(?:\.[\w]+)?(?:\s[A-Z][\w()]*(?:\s\([A-Z][\w]*\))?)?/[\w–\-]+(?:\s[A-Z]\w*\.)?)"
    r":\s+(?P<kind>[A-Z][a-z]+(?:\s[A-Za-z]+)?)$"
)


@dataclass(frozen=True)
class SourceNote:
    text: str
    file_number: str
    kind: str


def parse_source_note(line: str) -> SourceNote | None:
    line = " ".join(line.split())
    match = _NOTE.match(line)
    if not match:
        return None
    return SourceNote(line, match.group("file"), match.group("kind"))

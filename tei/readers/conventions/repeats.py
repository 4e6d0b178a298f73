"""Repeat and info addressees of a dispatch: the offices a telegram was also sent to.

FRUS telegrams say so in their text: ``From AmRep Seoul to Secretary State, repeated CINCFE``,
``To SecState info CINCFE April 29``, ``Repeated SCAP 23.``, ``Sent to the Department as 123,
repeated to Nanking as 45``. Each named office received the telegram too. ``repeated attempts``
or ``for your info`` name nobody.
"""

from __future__ import annotations

import re

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NAME = rf"(?!(?:{_MONTHS})\b)[A-Z][A-Za-z]*"
_REPEATED = re.compile(
    rf"\b[Rr]epeated(?:\s+to)?\s+(?P<to>{_NAME}(?:\s+(?:and\s+)?{_NAME}){{0,2}})"
    r"(?:\s+(?:as\s+)?(?:No\.\s*)?\d+)?(?=[\s,.;]|$)"
)
_INFO = re.compile(rf"\binfo\s+(?P<to>{_NAME})(?=[\s,.;]|$)")


def find_repeats(text: str) -> list[str]:
    """The offices a line says the telegram was repeated to, in order, each once."""
    names: list[str] = []
    for pattern in (_REPEATED, _INFO):
        for match in pattern.finditer(text):
            for name in re.split(r"\s+and\s+", match.group("to")):
                name = name.rstrip(".")
                if name and name not in names:
                    names.append(name)
    return names


def is_acronym(name: str) -> bool:
    """``CINCFE``, ``SCAP``: an office written as an acronym (an organisation, not a person)."""
    return bool(re.fullmatch(r"[A-Z]{3,}", name))

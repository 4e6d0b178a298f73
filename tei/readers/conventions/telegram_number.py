"""The telegram's own number at the start of its text: ``190. From Adler …``, ``1688.
Department's 1251 …``. FRUS prints it as the first word of the first paragraph; a numbered point
(``1. In accordance …``) is told apart by the layout reader, which asks only of the first line."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^(?P<n>\d{2,5})\.\s+\S")


def telegram_number(first_line: str) -> str | None:
    match = _NUMBER.match(first_line.strip())
    return match.group("n") if match else None

"""Located messages (warnings and validation findings), printed as ``path:line:col: level: text``.

Readers, the encoder and every validator speak this one type, so the CLI prints and counts them
the same way whatever stage they came from (the docutils habit).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from tei.errors import format_message


class Severity(str, Enum):
    """How bad a finding is; ``error`` makes a document invalid, ``warning`` does not."""

    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Diagnostic:
    """One finding about one place in one document."""

    message: str
    source: str = "<input>"
    line: int | None = None
    column: int | None = None
    severity: Severity = Severity.WARNING
    #: which check produced it: "reader", "encoder", "xsd", "schematron", "tei_all", …
    origin: str = ""

    def __str__(self) -> str:
        return format_message(
            self.source, self.line, self.column, self.severity.value, self.message
        )


#: white space in XML: nothing else is collapsed or separates tokens
XML_WHITE_SPACE = frozenset(" \t\r\n")


def hidden_characters(value: str) -> str | None:
    """The characters of ``value`` a reader cannot see or takes for a plain space, named
    (``U+00A0 (NO-BREAK SPACE)``), or None: white space that is not XML's (no-break, em,
    line separator) and format characters (zero-width space, joiners, BOM). A message can then
    say what to remove, where the character itself would be invisible."""
    import unicodedata

    hidden = sorted(
        {
            c
            for c in value
            if (c.isspace() and c not in XML_WHITE_SPACE) or unicodedata.category(c) == "Cf"
        }
    )
    if not hidden:
        return None
    return ", ".join(f"U+{ord(c):04X} ({unicodedata.name(c, 'unnamed')})" for c in hidden)

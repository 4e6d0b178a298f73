"""Located messages (warnings and validation findings), printed as ``path:line:col: level: text``.

Readers, the encoder and every validator speak this one type, so the CLI prints and counts them
the same way whatever stage they came from (the docutils habit).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.severity.value}: {self.message}"


#: white space in XML: nothing else is collapsed or separates tokens
XML_WHITE_SPACE = frozenset(" \t\r\n")


def odd_spaces(value: str) -> str | None:
    """The characters of ``value`` that look like white space but are not XML's, named
    (``U+00A0 (NO-BREAK SPACE)``), or None: a message can then say what to remove, where the
    character itself would be invisible."""
    odd = sorted({c for c in value if c.isspace() and c not in XML_WHITE_SPACE})
    if not odd:
        return None
    import unicodedata

    return ", ".join(f"U+{ord(c):04X} ({unicodedata.name(c, 'a space')})" for c in odd)

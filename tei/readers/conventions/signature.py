"""Signature lines as typed under dispatches and letters.

``Gauss``, ``SHTYKOV``, ``Terebin.``, ``Mao Zedong.``, ``/Khosrow Eghbal/`` (typed under a
signature), ``Signed A. Gromyko``, ``No. 15 T. SHTYKOV`` and ``Nº 274 KOVALEV, 11 November``
(the outgoing number before the name, a date after it), ``13.1.51 ROSHCHIN`` and ``20 October
1949 SAVEL’YEV`` (the date before the name), ``Respectfully, KIM IL SUNG`` and ``Faithfully,
KIM IL SUNG, Chairman of the Cabinet of Ministers DPRK.`` (a closing formula first). A name is
one to four capitalised words or initials; a line with lower-case words is a sentence, not a
signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei.dates import is_date

#: a capital in Latin (with accents) or Cyrillic script starts a name's word (``Édouard``,
#: ``Милюков``); the rest of the word is letters in either case
_CAP = r"[A-ZÀ-ÖØ-ÞА-ЯЁ]"
_WORD = rf"(?:{_CAP}\.|{_CAP}(?:[^\W\d_]|['’\-])+)"
_NAME = rf"{_WORD}(?:\s{_WORD}){{0,3}}"
_UPPER_WORD = r"(?:[A-Z]\.|[A-Z][A-Z'’\-]+)"
_UPPER_NAME = rf"{_UPPER_WORD}(?:\s{_UPPER_WORD}){{0,3}}"
_SLASHED = re.compile(rf"^/(?P<name>{_NAME})/$")
#: a name in any script, for the forms that say in words that a signature follows
_WIDE_WORD = r"(?:[^\W\d_]\.|[^\W\d_][\w'’\-]*\.?)"
_WIDE_NAME = rf"{_WIDE_WORD}(?:\s{_WIDE_WORD}){{0,3}}"
_SIGNED = re.compile(
    rf"^(?:Signed:?\s+(?P<name>{_NAME})"
    r"|(?:\((?:Signed|SIGNED|signed|Signé|Signe|signé|Sgd\.?|gez\.?|Gez\.?)\)|Signed,|SIGNED,"
    r"|Signé\s*:|Signe\s*:|gez\.)\s*"
    rf"(?P<wide>{_WIDE_NAME}))\.?$"
)
_NUMBERED = re.compile(
    rf"^(?:No\.|Nº|N°|#)\s*\d+(?:/\w+)?\s+(?P<name>{_UPPER_NAME})(?:,\s*(?P<date>.+))?$"
)
_DATED = re.compile(
    rf"^(?P<date>\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}})\s+(?P<name>{_UPPER_NAME})$"
)
_VALEDICTION = re.compile(
    rf"^(?:Respectfully|Faithfully|Sincerely|With (?:deep )?respect|Yours(?: faithfully| sincerely|"
    rf" truly)?|Regards|Best regards),?\s+(?P<name>{_NAME})(?:,\s*(?P<office>[^,].*))?\.?$"
)
_PLAIN = re.compile(rf"^(?P<name>{_NAME}(?:\s\[[A-Z][^\[\]]*\])?)\.?$")
#: words that start an address or a heading, never a name (``TO THE SOVIET AMBASSADOR``)
_NOT_NAME_WORDS = {"to", "the", "of", "for", "and", "in", "on", "from", "by", "with"}
_NOT_NAMES = {"Draft", "Copies", "Spravka", "Paragraph", "Incoming", "Source", "Rights", "Type"}


@dataclass(frozen=True)
class SignatureFacts:
    """The name as typed, and a date printed on the same line (``11 November``), if any."""

    name: str
    date_text: str | None = None


def parse_signature(line: str) -> SignatureFacts | None:
    """The signature a line holds, or None when it is not a signature line."""
    line = " ".join(line.split())
    for pattern in (_SLASHED, _SIGNED, _NUMBERED, _DATED, _VALEDICTION):
        match = pattern.match(line)
        if match:
            date = match.groupdict().get("date")
            name = match.group("name") or re.sub(r"(\w{2,})\.$", r"\1", match.group("wide"))
            return SignatureFacts(name, date)
    match = _PLAIN.match(line)
    if (
        match
        and not is_date(line)
        and line.split()[0] not in _NOT_NAMES
        and not any(word.casefold() in _NOT_NAME_WORDS for word in line.split())
    ):
        return SignatureFacts(match.group("name"))
    return None


def is_explicit(line: str) -> bool:
    """``Signed A. Gromyko``: the page says in words that this is the signature."""
    return bool(_SIGNED.match(" ".join(line.split())))


def is_signature(line: str) -> bool:
    return parse_signature(line) is not None

"""Several documents on one page: where each begins, by the conventions printed collections use.

Document collections number their documents (``No. 476.``, ``(35378) No. 476.``, ``N° 5.``,
``EXHIBIT 15.``, ``IV. Der Zar an Seine Majestät.``) and telegram decodes repeat their header
block (``From: Washington`` / ``To: Tokyo``). A page holding several documents shows the same
kind of head two or more times, numbered upwards; a single letter does not, because its own
numbered points are long paragraphs, not short heading lines. So a split needs:

- at least two heads of one family (numbered labels of one style, or repeated ``From:`` lines),
- each on a line of its own, or followed on its line by a short heading (a party heading such
  as ``Sir F. Villiers to Sir Edward Grey.``), never by running text,
- numbers that go up (a stray ``No. 473.`` in a footnote between 446 and 447 is not a head).

One head is enough when the text above it ends with an explicit signature mark (``(Signe)
Sazonow.``, ``Signé: CHAUDORDY.``, ``gez. Wilhelm.``): that text is the end of the previous
document, which becomes a document of its own. Other text before the first head (site
navigation, a headnote) stays with the first document, which the reader treats as it always has.
Anything less is one document: splitting a letter in two loses more than keeping two letters
together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: a numbered label at the start of a line; the registry number in brackets is the FO's
_NUMBERED = re.compile(
    r"(?:\(\d{4,}\)\s*)?"
    r"(?P<family>No\.?|Nr\.?|N°|№|EXHIBIT|Exhibit|Document|Doc\.)\s*(?P<n>\d{1,4})\s*\.?"
    r"(?P<rest>.*)"
)
_ROMAN = re.compile(r"(?P<n>[IVXLC]{1,7})\.(?P<rest>\s+.*)")
#: an explicit signature mark ending a document: ``(Signed) Grey.``, ``Signé: CHAUDORDY.``
_SIGNED = re.compile(
    r"\(?(?i:Signed|Sgd\.?|Signé|Signe|gez\.|Подп\.|Подписал)\)?\s*[:.]?\s+"
    r"[A-ZÀ-ÖØ-ÞА-ЯЁ].{0,60}"  # a name: "Signed in as guest" is a site's, not a signature
)
_FROM = re.compile(r"(?:\*\*)?From:(?:\*\*)?\s+\S.*")
#: a short line just above a header block that belongs to it: ``[Secret]``, ``(Urgent)``
_CLASSIFICATION = re.compile(r"\s*[\[(][A-Za-z ]{3,30}[\])]\s*")
#: a heading run on after a label is short and names parties, not a sentence of text
MAX_HEADING = 100
_PARTIES = re.compile(r"\s(to|an|à|a|au|aux|от|—|–)\s", re.IGNORECASE)
#: how far numbers may jump between two documents of one page
MAX_STEP = 30
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True)
class Head:
    """A line that begins a document: its 0-based index, family and number."""

    index: int
    family: str
    number: int


def split_documents(text: str) -> list[tuple[int, str]]:
    """The page's documents as (first line number, text); one item when it holds one.

    Each document's text keeps the page's line numbering: lines outside it are left empty, so
    messages about a document point at the page's own lines.
    """
    lines = text.split("\n")
    heads = document_heads(lines)
    if not heads:
        return [(1, text)]
    starts = [0] + [h.index for h in heads[1:]]
    if _ends_signed(lines[: heads[0].index]):
        starts.insert(1, heads[0].index)  # the end of the previous document, then this one
    ends = [*starts[1:], len(lines)]
    parts = []
    for start, end in zip(starts, ends, strict=True):
        blanked = [""] * start + lines[start:end] + [""] * (len(lines) - end)
        parts.append((start + 1, "\n".join(blanked)))
    return parts


def _ends_signed(lines: list[str]) -> bool:
    """True when the text before the first head ends with a signature mark: it is the end of
    the previous document, not site furniture above this one."""
    filled = [line.strip() for line in lines if line.strip()]
    return bool(filled) and bool(_SIGNED.fullmatch(filled[-1]))


def document_heads(lines: list[str]) -> list[Head]:
    """The heads of the family that begins most documents, in page order.

    Two heads of one family at least; a single head only when the text above it ends with a
    signature mark (the previous document's end). Empty when the page is one document.
    """
    families: dict[str, list[Head]] = {}
    for index, line in enumerate(lines):
        head = _head(line.strip(), index)
        if head is not None:
            families.setdefault(head.family, []).append(head)
    best: list[Head] = []
    for heads in families.values():
        kept = _rising(heads)
        if len(kept) > len(best):
            best = kept
    if not best or (len(best) < 2 and not _ends_signed(lines[: best[0].index])):
        return []
    return [_with_classification(lines, head) for head in best]


def _head(line: str, index: int) -> Head | None:
    if _FROM.fullmatch(line):
        return Head(index, "from", 0)
    numbered = _NUMBERED.fullmatch(line)
    if numbered and _heading_rest(numbered["rest"]):
        family = {"nr": "no", "n°": "no", "№": "no", "doc": "document"}.get(
            numbered["family"].rstrip(".").casefold(), numbered["family"].rstrip(".").casefold()
        )
        return Head(index, family, int(numbered["n"]))
    roman = _ROMAN.fullmatch(line)
    if roman and _PARTIES.search(roman["rest"]) and _heading_rest(roman["rest"]):
        value = _roman(roman["n"])
        return Head(index, "roman", value) if value else None
    return None


def _heading_rest(rest: str) -> bool:
    """Nothing after the label, or a short heading that names parties (not running text)."""
    rest = rest.strip()
    if not rest:
        return True
    return len(rest) <= MAX_HEADING and bool(_PARTIES.search(f" {rest} "))


def _rising(heads: list[Head]) -> list[Head]:
    """The heads whose numbers go up by small steps; repeated header blocks all count."""
    if heads and heads[0].family == "from":
        return heads
    kept: list[Head] = []
    for head in heads:
        if not kept or 0 < head.number - kept[-1].number <= MAX_STEP:
            kept.append(head)
    return kept


def _with_classification(lines: list[str], head: Head) -> Head:
    """A ``[Secret]`` line right above a header block begins the document with it."""
    index = head.index
    while index > 0 and _CLASSIFICATION.fullmatch(lines[index - 1]):
        index -= 1
    return Head(index, head.family, head.number)


def _roman(numeral: str) -> int:
    """I..CC as an integer; 0 when the letters are not a well-formed numeral."""
    total = 0
    for letter, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[letter]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total if _to_roman(total) == numeral else 0


def _to_roman(value: int) -> str:
    out = ""
    for number, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX")):
        while value >= number:
            out, value = out + letters, value - number
    for number, letters in ((5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out, value = out + letters, value - number
    return out


__all__ = ["Head", "document_heads", "split_documents"]

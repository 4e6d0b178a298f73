"""Site furniture of archive web pages: the lines that are the site, not the document.

The Wilson Center's current site: ``Skip to content``, the sidebar labels (``Author(s):``,
``Associated People & Organizations``, ``Associated Places``, ``Associated Topics``, ``Related
Documents`` and its rows ``July 8, 1950 | Handwritten Letter, … |``, ``Document Information``,
``Source``, ``Original Archive``, ``Rights`` and its two boilerplate paragraphs, ``Original
Uploaded Date``, ``Type``, ``Language``, ``Record ID``). A page cut short may end inside one of
them (``Original Ar``, ``… rights holders have been c``): a last line that begins such a label
or paragraph is furniture too. A sentence of the document that merely contains these words is
not.
"""

from __future__ import annotations

import re

LABELS = (
    "Skip to content",
    "Author(s):",
    "Associated People & Organizations",
    "Associated Places",
    "Associated Topics",
    "Related Documents",
    "Document Information",
    "Source",
    "Original Archive",
    "Rights",
    "Original Uploaded Date",
    "Type",
    "Language",
    "Record ID",
    "Subject(s)",
    "Subject(s):",
    "Theme(s)",
    "Theme(s):",
    "Collection(s)",
    "Collection(s):",
    "Keywords",
    "Document Type",
    "Original Language",
    "Funders",
    "Funder(s)",
    "Related Documents:",
)
BOILERPLATE = (
    "The History and Public Policy Program welcomes reuse of Digital Archive materials for "
    "research and educational purposes. Some documents may be subject to copyright, which is "
    "retained by the rights holders in accordance with US and international copyright laws. "
    "When possible, rights holders have been contacted for permission to reproduce their "
    "materials.",
    "To enquire about this document's rights status or request permission for commercial use, "
    "please contact the History and Public Policy Program at [email protected].",
)
_RELATED_ROW = re.compile(r"^[A-Z][a-z]+ \d{1,2}, \d{4} \| .+?(?: \|)?$")
#: sidebar labels that open the page's metadata: the document ends before the first of them
SIDEBAR_START = frozenset(LABELS) - {"Skip to content"}


def _clean(line: str) -> str:
    return " ".join(line.replace("\u00a0", " ").split())


def furniture_label(line: str, last: bool = False) -> str | None:
    """The name under which a furniture line is reported, or None when it is document text.

    ``last``: the line ends a page cut short, so the beginning of a label counts.
    """
    text = _clean(line)
    if not text:
        return None
    if text in LABELS:
        return text
    if _RELATED_ROW.match(text):
        return "Related Documents row"
    for paragraph in BOILERPLATE:
        if text == paragraph or (last and len(text) > 20 and paragraph.startswith(text)):
            return "Rights text"
    if last and len(text) >= 3:
        for label in LABELS:
            if label.startswith(text) and text != label:
                return f"{label} (cut)"
    return None


def is_sidebar_start(line: str, last: bool = False) -> bool:
    """True for the label that opens the sidebar, where the document's text has ended."""
    label = furniture_label(line, last)
    return label is not None and (label in SIDEBAR_START or label.endswith("(cut)"))


def dropped_warning(labels: list[str]) -> str:
    """One warning naming what was dropped: ``dropped 12 lines of site furniture: A, B, …``."""
    names = list(dict.fromkeys(labels))
    noun = "line" if len(labels) == 1 else "lines"
    return f"dropped {len(labels)} {noun} of site furniture: {', '.join(names)}"


def dropped_report(dropped: list[tuple[str, int]]) -> str:
    """The warning for (label, line) pairs, with the line numbers, so that a reader (and the
    test over every real page) can tell exactly which lines were left out."""
    numbers = ", ".join(str(line) for _, line in dropped)
    return f"{dropped_warning([label for label, _ in dropped])} (lines {numbers})"

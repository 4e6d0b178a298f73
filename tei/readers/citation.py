"""The archive's citation sentence → its parts (title, date, publisher, references, URL).

A Wilson Center citation reads: ``"Title", Date, Publisher, ARCHIVE, f. 45, op. 1, d. 330, pp.
110-113, and ARCHIVE2, f. …. Contributed by Name. <URL>``. The parts are found by their own
shapes, not by position, so a citation that lacks one still yields the others.
"""

from __future__ import annotations

import re

from tei.dates import find_date
from tei.model import ArchivalReference, Citation

_TITLE = re.compile(r'^\s*["“](?P<title>.+?),?["”]\s*,?\s*')
# The URL is a whole run of non-space characters, then checked for what follows (an end, a
# space, or trailing dots): one pass, where a lazy run with a look-ahead rescanned the dots.
_URL = re.compile(r"<?(?P<url>https?://[^\s<>]+)>?")
_URL_END = re.compile(r"[\s.]*$|\s")
# A name up to its full stop, bounded: a missing full stop costs one bounded scan per match.
_CONTRIBUTOR = re.compile(r"Contributed by (?P<name>[^.<]{1,300}?)\.(?:\s|$)")
_REFERENCE = re.compile(
    r"(?P<repo>\b[A-Z][A-Za-z]{2,})\s*[,:]\s*(?:f\.|F\.|Fond)\s*(?P<fond>[\w\-/]+)"
    r"(?:\s*,\s*(?:op\.|Op\.|Opis)\s*(?P<opis>[\w\-/]+))?"
    r"(?:\s*,\s*(?:d\.|D\.|Delo)\s*(?P<delo>[\w\-/]+))?"
    r"(?:\s*,\s*Papka\s*[\w\-/]+)?"
    r"(?:\s*,\s*(?P<unit>pp?\.|ll?\.|L\.|List)\s*(?P<pages>[\d\-–]+(?:\s*,\s*(?:and\s+)?[\d\-–]+"
    r"|\s+and\s+[\d\-–]+)*))?"
)
_TRANSLATOR = re.compile(r"\bTranslated (?:for \w+ )?(?:from [A-Z][a-z]+ )?by (?P<name>[^.]+?)\.")
_DOC_NUMBER = re.compile(r"/document/(?P<number>[\w\-]+)/?$")


def parse_citation(text: str) -> Citation:
    """Split the citation into the parts the header marks up; keep the whole text verbatim."""
    text = " ".join(text.split())
    title_match = _TITLE.match(text)
    title = title_match.group("title").strip() if title_match else None
    rest = text[title_match.end() :] if title_match else text
    date_text = None
    publisher = None
    found = find_date(rest)
    if found is not None:
        _, date_text = found
        after_date = rest[rest.index(date_text) + len(date_text) :].lstrip(" ,")
        # The publisher is the phrase right after the date, up to the next comma.
        candidate = after_date.split(",", 1)[0].strip()
        if candidate and not _REFERENCE.match(candidate + ", f.") and candidate[:1].isupper():
            publisher = candidate
    url_match = next((m for m in _URL.finditer(text) if _URL_END.match(text, m.end())), None)
    url = url_match.group("url").rstrip(".") if url_match else None
    verbatim = text.replace(f"<{url}>", url) if url else text
    return Citation(verbatim, title, date_text, publisher, url)


def parse_references(text: str) -> tuple[ArchivalReference, ...]:
    """Every ``REPO, f. N, op. N, d. N[, pp./ll. …]`` in the text, in order."""
    references = []
    for match in _REFERENCE.finditer(text):
        pages_text = match.group("pages")
        ranges: tuple[tuple[str, str], ...] = ()
        if pages_text:
            pieces = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", pages_text.strip())
            ranges = tuple(_page_range(piece) for piece in pieces if piece)
        references.append(
            ArchivalReference(
                repository=match.group("repo"),
                fond=match.group("fond"),
                opis=match.group("opis"),
                delo=match.group("delo"),
                unit=match.group("unit"),
                pages=ranges,
                pages_text=pages_text.strip() if pages_text else None,
                text=match.group(0),
            )
        )
    return tuple(references)


def parse_contributor(text: str) -> str | None:
    """``Contributed by Sergey Radchenko.`` → ``Sergey Radchenko``."""
    match = _CONTRIBUTOR.search(text)
    return match.group("name").strip() if match else None


def parse_translator(text: str) -> str | None:
    """``Translated for CWIHP from Russian by Sergey Radchenko.`` → ``Sergey Radchenko``."""
    match = _TRANSLATOR.search(text)
    return match.group("name").strip() if match else None


def document_number(url: str | None) -> str | None:
    """The archive's document number from its URL (``…/document/112663`` → ``112663``)."""
    if not url:
        return None
    match = _DOC_NUMBER.search(url)
    return match.group("number") if match else None


def _page_range(piece: str) -> tuple[str, str]:
    bounds = re.split(r"[\-–]", piece, maxsplit=1)
    return (bounds[0], bounds[1] if len(bounds) > 1 else bounds[0])

"""Where an element starts in its source text: line from lxml, column from the line itself.

lxml gives each element the line of its start tag but no column, and validators report the
element, not a position. Editors and CI annotations want ``line:col``, so the column is found by
looking for the start tag on that line: the n-th ``<name`` there for the n-th element of that
name that starts on that line. When the tag cannot be found (a start tag split over lines, say)
the column is left out rather than guessed.
"""

from __future__ import annotations

import re

from lxml import etree


class SourceText:
    """A document's text, split into lines only when a position is first asked for."""

    def __init__(self, data: bytes, encoding: str | None = None) -> None:
        self._data = data
        self._encoding = encoding or "utf-8"
        self._lines: list[str] | None = None
        # built once and reused, so placing many findings stays linear in the document's size
        self._starts: dict[tuple[int, str], list[int]] = {}
        self._ranks: dict[etree._Element, int] | None = None

    def line(self, number: int) -> str:
        """The text of line ``number`` (1-based), or an empty string past the end."""
        if self._lines is None:
            try:
                text = self._data.decode(self._encoding, "replace")
            except LookupError:
                text = self._data.decode("utf-8", "replace")
            self._lines = text.splitlines()
        return self._lines[number - 1] if 0 < number <= len(self._lines) else ""

    def position(self, element: etree._Element | None) -> tuple[int | None, int | None]:
        """``(line, column)`` of the start tag of ``element`` (both 1-based)."""
        if element is None or not isinstance(element.tag, str):
            return None, None
        line = element.sourceline
        if line is None:
            return None, None
        qname = element.tag.split("}", 1)[-1]
        if element.prefix:
            qname = f"{element.prefix}:{qname}"
        rank = self._rank_on_line(element)
        tag = re.compile(rf"<{re.escape(qname)}(?=[\s/>]|$)")
        starts = self._starts.get((line, qname))
        if starts is None:
            starts = [m.start() for m in tag.finditer(self.line(line))]
            self._starts[(line, qname)] = starts
        if rank < len(starts):
            return line, starts[rank] + 1
        # lxml gives the line where the start tag ends: one split over lines began above the
        # first '>' of this line
        end = self.line(line).find(">")
        opened = self.enclosing_tag(line, end if end >= 0 else len(self.line(line)))
        if opened is not None and opened[0] < line:
            text = self.line(opened[0])
            if tag.match(text, opened[1] - 1):
                return opened
        return line, None

    def _rank_on_line(self, element: etree._Element) -> int:
        """How many elements with the same tag start on the same line before this one (every
        element's rank found in one walk of the tree, on the first question)."""
        if self._ranks is None:
            self._ranks = {}
            seen: dict[tuple[object, int | None], int] = {}
            for other in element.getroottree().iter():
                key = (other.tag, other.sourceline)
                self._ranks[other] = seen.get(key, 0)
                seen[key] = self._ranks[other] + 1
        rank = self._ranks.get(element)
        return _rank_on_line(element, element.sourceline) if rank is None else rank

    def enclosing_tag(self, line: int, column: int) -> tuple[int, int] | None:
        """Where the last tag opened at or before ``line:column`` begins: its ``<``."""
        for number in range(line, max(line - 50, 0), -1):  # a start tag may span a few lines
            text = self.line(number)
            found = text.rfind("<", 0, column if number == line else len(text))
            if found >= 0:
                return number, found + 1
        return None

    def tag_start(self, line: int, utf16_column: int) -> tuple[int, int] | None:
        """Where the tag that ends just before ``line:utf16_column`` begins, its ``<``.

        jing places a finding just past the ``>`` of the tag concerned, counting UTF-16 code
        units as Java does (a character outside the BMP counts two); every other check of
        ``tei validate`` places it at the tag's ``<``, counting characters. None when no tag
        ends there.
        """
        text = self.line(line)
        column = _from_utf16(text, utf16_column)
        if not 1 < column <= len(text) + 1 or text[column - 2] != ">":
            return None
        return self.enclosing_tag(line, column - 2)


def _from_utf16(text: str, column: int) -> int:
    """The 1-based character column of ``text`` at 1-based UTF-16 column ``column``."""
    units = 0
    for index, character in enumerate(text):
        if units >= column - 1:
            return index + 1
        units += 2 if ord(character) > 0xFFFF else 1
    return len(text) + 1 + (column - 1 - units)


def _rank_on_line(element: etree._Element, line: int) -> int:
    """How many elements with the same tag start on the same line before this one."""
    rank = 0
    for other in element.getroottree().iter(element.tag):
        if other is element:
            return rank
        if other.sourceline == line:
            rank += 1
    return rank


def element_at(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    """The element an XPath from a validator names (an SVRL location, a libxml2 error's path),
    or the element of the attribute it names; None if it names nothing here."""
    if not path:
        return None
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        return None
    for node in found if isinstance(found, list) else []:
        element = node.getparent() if isinstance(node, etree._ElementUnicodeResult) else node
        if isinstance(element, etree._Element):
            return element
    return None

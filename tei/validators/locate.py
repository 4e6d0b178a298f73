"""Where an element starts in its source text: line and column of its start tag's ``<``.

lxml gives each element a line (where its start tag ends) but no column, and validators report
the element, not a position. Editors and CI annotations want ``line:col``, so the document is
read once more, when a position is first asked for, by expat (the standard library's
``pyexpat``), which reports where each start tag begins; the n-th element in document order is
the n-th start tag expat saw. Should expat refuse what lxml read, the column is left out rather
than guessed.
"""

from __future__ import annotations

from xml.parsers import expat

from lxml import etree


class SourceText:
    """A document's text, split into lines only when a position is first asked for."""

    def __init__(self, data: bytes, encoding: str | None = None) -> None:
        self._data = data
        self._encoding = encoding or "utf-8"
        self._lines: list[str] | None = None
        #: where each start tag begins, in document order (expat's reading)
        self._starts: list[tuple[int, int]] | None = None
        self._order: dict[etree._Element, int] = {}

    def text(self) -> str:
        """The document decoded as lxml read it (its declared encoding, else UTF-8)."""
        try:
            return self._data.decode(self._encoding, "replace")
        except LookupError:
            return self._data.decode("utf-8", "replace")

    def line(self, number: int) -> str:
        """The text of line ``number`` (1-based), or an empty string past the end."""
        if self._lines is None:
            self._lines = self.text().splitlines()
        return self._lines[number - 1] if 0 < number <= len(self._lines) else ""

    def position(self, element: etree._Element | None) -> tuple[int | None, int | None]:
        """``(line, column)`` of the start tag of ``element`` (both 1-based)."""
        if element is None or not isinstance(element.tag, str):
            return None, None
        line = element.sourceline
        if line is None:
            return None, None
        if self._starts is None:
            self._starts = _start_tags(self.text())
            elements = (e for e in element.getroottree().iter() if isinstance(e.tag, str))
            self._order = {e: n for n, e in enumerate(elements)}
        rank = self._order.get(element)
        if self._starts and rank is not None and rank < len(self._starts):
            return self._starts[rank]
        return line, None

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


def _start_tags(text: str) -> list[tuple[int, int]]:
    """``(line, column)`` of every start tag's ``<``, 1-based, in document order; [] if expat
    refuses the text. The text is handed over as UTF-8 whatever its declaration says (it is
    already decoded), so lines and columns count characters as :meth:`SourceText.line` does."""
    parser = expat.ParserCreate("UTF-8")
    starts: list[tuple[int, int]] = []

    def start(name: str, attributes: object) -> None:
        starts.append((parser.CurrentLineNumber, parser.CurrentColumnNumber + 1))

    parser.StartElementHandler = start
    try:
        parser.Parse(text.encode("utf-8"), True)
    except expat.ExpatError:
        return []
    return starts


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

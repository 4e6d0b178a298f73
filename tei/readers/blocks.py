"""Source text → paragraphs with line numbers: the one place that knows about line breaks.

Readers work on paragraphs (runs of non-blank lines), each keeping the number of its first line
and its separate lines, because a closer (``Mao Zedong`` / ``12 January 1949``) is one paragraph
of two lines in one layout and two paragraphs in another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKDOWN_BOLD = re.compile(r"^\*\*(.*?)\*\*$")


@dataclass(frozen=True)
class Block:
    """A paragraph of the source: its lines (stripped of layout) and where it starts."""

    lines: tuple[str, ...]
    line: int

    @property
    def text(self) -> str:
        """The paragraph as one line of text, lines joined by single spaces."""
        return " ".join(part for part in self.lines if part)


def split_lines(text: str) -> list[str]:
    """Lines of the text, whatever the line ends (LF, CRLF, CR)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def split_blocks(lines: list[str], first_line: int = 1) -> list[Block]:
    """Group lines into paragraphs at blank lines; trailing Markdown hard breaks are removed."""
    blocks: list[Block] = []
    current: list[str] = []
    start = first_line
    for offset, raw in enumerate(lines):
        number = first_line + offset
        line = clean_line(raw)
        if line:
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(Block(tuple(current), start))
            current = []
    if current:
        blocks.append(Block(tuple(current), start))
    return blocks


def clean_line(raw: str) -> str:
    """A line without surrounding space, tabs as spaces, non-breaking spaces as spaces."""
    return raw.replace("\t", " ").replace("\u00a0", " ").strip()


def unbold(line: str) -> str:
    """``**text**`` → ``text`` (Markdown bold around a whole line)."""
    match = _MARKDOWN_BOLD.match(line.strip())
    return match.group(1).strip() if match else line.strip()

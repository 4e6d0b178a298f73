"""Bracketed insertions that run over several paragraphs of a copied page.

An editor's stamp or header is often printed over several lines (``[Stamp:`` / ``Secretariat of
V. M. Molotov`` / ``17 1 1952`` / ``Incoming Nº M-740s]``), and a copy may put blank lines
between them: the paragraphs from the one that opens the bracket to the one that closes it are
one paragraph, so the insertion is one element. Two cases are not errors of the source:

- a page cut short inside a bracket: what it has is kept, the bracket closed, and a warning
  says so;
- a registry stamp whose ``[`` the page lost (``Subject to return to the`` / ``… Section
  16[71]`` / ``Incoming Nº 3462/shs 14 October 1949]``): a ``]`` that closes nothing at the
  end of a run of lines that begins with a stamp's wording is the end of that stamp, and the
  missing ``[`` is supplied, with a warning.

Any other unbalanced bracket is left for :func:`tei.readers.brackets.find_brackets` to refuse,
naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei.readers.blocks import Block

_STAMP_START = re.compile(r"^(?:Subject to return|Stamp\b|Secretariat of|Incoming\b)", re.I)
_STAMP_REACH = 4


@dataclass(frozen=True)
class Joined:
    blocks: list[Block]
    warnings: list[tuple[str, int]]


def depth(text: str) -> int:
    """How many brackets the text leaves open (negative: closes more than it opens)."""
    return text.count("[") - text.count("]")


def join_open_brackets(blocks: list[Block], cut: bool = False) -> Joined:
    """Join the paragraphs a bracket spans; ``cut``: the page ends short after the last one."""
    result: list[Block] = []
    warnings: list[tuple[str, int]] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if depth(block.text) < 0:
            block, taken = _lost_opening(result, block, warnings)
            del result[len(result) - taken :]
        open_count = depth(block.text)
        if open_count > 0:
            lines = list(block.lines)
            end = index
            # the depth is counted as paragraphs join, so a bracket left open early in a
            # long text costs one pass, not one per paragraph
            while open_count > 0 and end + 1 < len(blocks):
                end += 1
                lines.extend(blocks[end].lines)
                open_count += depth(blocks[end].text)
            if open_count > 0 and cut and end == len(blocks) - 1:
                warnings.append(
                    (
                        "the page ends inside a bracket: kept as far as it goes, bracket closed",
                        block.line,
                    )
                )
                lines[-1] = lines[-1] + "]" * open_count
                open_count = 0
            if open_count == 0:
                block = Block(tuple(lines), block.line)
                index = end
            else:
                # never closed: left as it is, for the bracket parser to refuse naming its line
                result.extend(blocks[index:])
                break
        result.append(block)
        index += 1
    return Joined(result, warnings)


def _lost_opening(
    before: list[Block], block: Block, warnings: list[tuple[str, int]]
) -> tuple[Block, int]:
    """A ``]`` that closes nothing ending a stamp that began up to a few paragraphs earlier."""
    if not block.text.rstrip().endswith("]") or depth(block.text) != -1:
        return block, 0
    run = [*before[-_STAMP_REACH:], block] if before else [block]
    for start in range(len(run)):
        candidate = run[start:]
        if _STAMP_START.match(candidate[0].text) and all(depth(b.text) <= 0 for b in candidate):
            lines = [line for b in candidate for line in b.lines]
            lines[0] = "[" + lines[0]
            warnings.append(
                (
                    "a ']' closes a stamp whose '[' the page lost: the stamp from "
                    f"line {candidate[0].line} is encoded as one insertion",
                    block.line,
                )
            )
            return Block(tuple(lines), candidate[0].line), len(candidate) - 1
    return block, 0

"""Classification and precedence lines: ``confidential``, ``top secret``, ``priority``,
``niact``, ``Strictly Secret``, ``Top Secret``, ``extremely urgent``, ``PRIORITY``.

A line is one only when it holds nothing but such words: ``Top secret agreements were …`` is a
sentence, not a marking.
"""

from __future__ import annotations

import re

_MARKING = re.compile(
    r"^(?:(?:strictly\s+|top\s+)?secret|confidential|restricted|personal(?:\s+and\s+"
    r"confidential)?|(?:extremely\s+|most\s+)?urgent|priority|niact|immediate|"
    r"eyes\s+only|special|molniya)\.?$",
    re.I,
)


def is_marking(line: str) -> bool:
    """True when the whole line is a classification or precedence marking."""
    return bool(_MARKING.match(" ".join(line.split())))

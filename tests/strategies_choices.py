"""hypothesis-backed choices for bench/corpus.compose, so generated telegrams shrink well."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st

from bench.corpus import Composed, compose

T = TypeVar("T")


class DrawChoices:
    """Draws each decision of the composer from hypothesis."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw

    def integer(self, low: int, high: int) -> int:
        return self.draw(st.integers(low, high))

    def pick(self, options: Sequence[T]) -> T:
        return self.draw(st.sampled_from(list(options)))


@st.composite
def telegrams(draw: st.DrawFn) -> Composed:
    """A whole synthetic telegram in one of the three layouts."""
    return compose(DrawChoices(draw), draw(st.integers(0, 9999)))

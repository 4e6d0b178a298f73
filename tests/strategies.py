"""hypothesis strategies for rendering tests, built on bench/corpus.compose.

``compose`` writes whole telegrams in the three layouts with every bracketed insertion of the
contract. For round trips the strategy also turns some of them into what seed 000 is: a relay
whose message is quoted (straight or curly quotation marks) between omission marks, so the
restored quotation marks of ``floatingText`` are exercised too.
"""

from __future__ import annotations

from hypothesis import strategies as st

from bench.corpus import compose
from tests.strategies_choices import DrawChoices

#: (opening mark, closing mark) of a quoted message, as the reader recognises them
QUOTES = (('"', '"'), ("“", "”"))
#: omission marks a relay puts around the quoted message
OMISSIONS = ("[....]", "[...]", "[…]")


@st.composite
def telegram_sources(draw: st.DrawFn) -> str:
    """The text of a generated telegram; about a quarter are relays of a quoted message."""
    composed = compose(DrawChoices(draw), draw(st.integers(0, 9999)))
    if not draw(st.booleans()) or not draw(st.booleans()):
        return composed.text
    return quote_message(
        composed.text, draw(st.sampled_from(QUOTES)), draw(st.sampled_from(OMISSIONS))
    )


def quote_message(text: str, quotes: tuple[str, str], omission: str) -> str:
    """Wrap the message, from its salutation to its dateline, in quotation marks and put an
    omission mark before and after it, as a transmitting telegram does."""
    salute = _salute_start(text)
    dateline_end = _dateline_end(text)
    if salute is None or dateline_end is None or dateline_end <= salute:
        return text
    opening, closing = quotes
    return (
        f"{text[:salute]}{omission}\n\n{opening}{text[salute:dateline_end]}{closing}"
        f"\n\n{omission}{text[dateline_end:]}"
    )


def _salute_start(text: str) -> int | None:
    starts = [text.find(f"\n\n{form}") for form in ("Comrade ", "To Comrade ")]
    found = [start + 2 for start in starts if start >= 0]
    return min(found) if found else None


def _dateline_end(text: str) -> int | None:
    """The end of the message's last paragraph: the dateline ``12 January 1949``."""
    lines = text.rstrip("\n").split("\n")
    for index in range(len(lines) - 1, -1, -1):
        words = lines[index].split()
        if len(words) == 3 and words[0].isdigit() and words[2].isdigit():
            return sum(len(line) + 1 for line in lines[:index]) + len(lines[index])
    return None

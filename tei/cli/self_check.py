"""What ``tei convert`` checks about its own output before it says "converted" (black's habit).

1. The TEI passes ``tei validate`` at the project level (libxml2 on ``telegram.xsd`` and the
   project Schematron), so exit 0 means ``tei validate`` passes: a letter with no sender, which
   the project level refuses, is reported and not written.
2. No word of the source's body was lost: the words of the reading text (the body as a reader
   reads it) are the words of the TEI's reading text, in order. A difference is a bug in the
   toolkit, reported as an internal error at the line of the first lost word.
"""

from __future__ import annotations

import re

from lxml import etree

from tei.errors import InternalError, TeiError

_WORD = re.compile(r"\w+")


class InvalidOutput(TeiError):
    """The TEI made from a source fails the project level: nothing is written."""


def check_output(
    source: str,
    text: str,
    data: bytes,
    tree: etree._ElementTree,
    rendered: bytes | None = None,
) -> None:
    """Raise :class:`InvalidOutput` or :class:`InternalError` unless ``data`` (the TEI made from
    ``text``) is valid at the project level and keeps every word of the source's body.
    ``rendered`` is the text rendering when the caller already has it (``--to text``)."""
    check_valid(source, data)
    check_words(source, text, tree, rendered)


def check_valid(source: str, data: bytes) -> None:
    """The project level's verdict on the TEI about to be written."""
    from tei.diagnostics import Severity
    from tei.validators.validate import iter_diagnostics

    errors = [d for d in iter_diagnostics(source, data, "project") if d.severity is Severity.ERROR]
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise InvalidOutput(
            "nothing written: its TEI would fail tei validate (level project): "
            f"{errors[0].message}{more}",
            source=source,
        )


def check_words(
    source: str, text: str, tree: etree._ElementTree, rendered: bytes | None = None
) -> None:
    """Every word of the source's reading text, in order, in the TEI's reading text (its text
    rendering, which shows each editorial insertion as the source wrote it)."""
    from tei.readers import reading_text, replace_non_xml_characters
    from tei.render.xslt import render_text

    paragraphs = reading_text(replace_non_xml_characters(text)[0])
    expected = _WORD.findall(" ".join(paragraphs))
    lines = (rendered or render_text(tree, source)).decode("utf-8").split("\n")
    body = lines[lines.index("") + 1 :] if "" in lines else lines
    found = _WORD.findall(" ".join(body))
    if expected == found:
        return
    at = next(
        (i for i, (a, b) in enumerate(zip(expected, found, strict=False)) if a != b),
        min(len(expected), len(found)),
    )
    if at < len(expected):
        word = expected[at]
        problem = f"the word {word!r} of the source is missing from its TEI"
    else:
        word = found[at]
        problem = f"its TEI holds the word {word!r}, which is not in the source"
    raise InternalError(
        f"internal error: {problem}; nothing written",
        source=source,
        line=_line_of(text, expected, at),
        hint="please report this with the input file",
    )


def _line_of(text: str, words: list[str], index: int) -> int | None:
    """The source line of the ``index``-th body word: where its run of up to three words
    (``words[index - 2 : index + 1]``) first occurs, so a common word is placed right."""
    if index >= len(words):
        return None
    run = r"\W+".join(re.escape(w) for w in words[max(0, index - 2) : index + 1])
    match = re.search(rf"(?<!\w){run}(?!\w)", text)
    if match is None:
        return None
    return text.count("\n", 0, match.end()) + 1

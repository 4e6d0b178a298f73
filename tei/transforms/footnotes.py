"""Footnotes anchored where their markers stand.

A layout reader replaces each marker glued to a word (``Adler28``) by a placeholder character
(U+E000 + the note's index) and hands the notes' texts over; this pass puts a
:class:`~tei.model.Footnote` in the placeholder's place, so the encoder writes ``note`` exactly
there. Notes whose marker was not found are anchored at the end of the text (the reader warned).
"""

from __future__ import annotations

from dataclasses import replace

from tei.model import Body, Closer, Footnote, Inline, Message, Paragraph, Point, QuotedMessage, Text
from tei.readers.parts import FOOTNOTE_MARK


def anchor_footnotes(body: Body, notes: list[Footnote], anchored: bool = True) -> Body:
    """The body with every placeholder replaced by its footnote; leftovers go at the end.

    ``anchored``: the reader put placeholders in the body; when it could not (the page holds
    such characters itself), every note goes at the end and the text is left alone."""
    if not notes:
        return body
    if not anchored:
        return _at_end(body, tuple(notes))
    used: set[int] = set()

    def inline(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in nodes:
            if isinstance(node, Text) and any(
                FOOTNOTE_MARK <= ord(c) < FOOTNOTE_MARK + len(notes) for c in node.text
            ):
                buffer = ""
                for char in node.text:
                    k = ord(char) - FOOTNOTE_MARK
                    if 0 <= k < len(notes):
                        if buffer:
                            out.append(Text(buffer))
                        out.append(notes[k])
                        used.add(k)
                        buffer = ""
                    else:
                        buffer += char
                if buffer:
                    out.append(Text(buffer))
            else:
                out.append(node)
        return tuple(out)

    def paragraph(p: Paragraph) -> Paragraph:
        return replace(p, content=inline(p.content))

    def message(m: Message) -> Message:
        closer = m.closer
        if closer is not None:
            closer = Closer(inline(closer.signature), closer.dateline, closer.line)
        return replace(
            m,
            salute=inline(m.salute),
            paragraphs=tuple(paragraph(p) for p in m.paragraphs),
            points=tuple(
                replace(pt, paragraphs=tuple(paragraph(p) for p in pt.paragraphs))
                for pt in m.points
            ),
            closer=closer,
            postscript=tuple(paragraph(p) for p in m.postscript),
        )

    blocks = tuple(
        paragraph(b)
        if isinstance(b, Paragraph)
        else replace(b, message=message(b.message))
        if isinstance(b, QuotedMessage)
        else b
        for b in body.blocks
    )
    result = replace(body, message=message(body.message) if body.message else None, blocks=blocks)
    return _at_end(result, tuple(n for k, n in enumerate(notes) if k not in used))


def _at_end(body: Body, notes: tuple[Footnote, ...]) -> Body:
    """Notes whose marker was not found, at the end of the message's last paragraph."""
    if notes and body.message is not None:
        last = _last_paragraph(body.message)
        if last is not None:
            return replace(body, message=_append(body.message, last, notes))
    return body


def _last_paragraph(message: Message) -> Paragraph | None:
    if message.points:
        return message.points[-1].paragraphs[-1] if message.points[-1].paragraphs else None
    return message.paragraphs[-1] if message.paragraphs else None


def _append(message: Message, last: Paragraph, notes: tuple[Footnote, ...]) -> Message:
    extended = replace(last, content=(*last.content, *notes))
    if message.points and message.points[-1].paragraphs:
        point: Point = message.points[-1]
        point = replace(point, paragraphs=(*point.paragraphs[:-1], extended))
        return replace(message, points=(*message.points[:-1], point))
    return replace(message, paragraphs=(*message.paragraphs[:-1], extended))

"""Footnotes anchored where their markers stand.

A layout reader replaces each marker glued to a word (``Adler28``) by a placeholder character
(U+E000 + the note's index) and hands the notes' texts over; this pass puts a
:class:`~tei.model.Footnote` in the placeholder's place, so the encoder writes ``note`` exactly
there. Notes whose marker was not found are anchored at the end of the text (the reader warned).
"""

from __future__ import annotations

from dataclasses import replace

from tei.model import Body, Closer, Footnote, Inline, Message, Paragraph, Point, QuotedMessage, Text

BASE = 0xE000


def anchor_footnotes(body: Body, notes: list[Footnote]) -> Body:
    """The body with every placeholder replaced by its footnote; leftovers go at the end."""
    if not notes:
        return body
    used: set[int] = set()

    def inline(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in nodes:
            if isinstance(node, Text) and any(
                BASE <= ord(c) < BASE + len(notes) for c in node.text
            ):
                buffer = ""
                for char in node.text:
                    k = ord(char) - BASE
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
    left = tuple(n for k, n in enumerate(notes) if k not in used)
    if left and result.message is not None:
        last = _last_paragraph(result.message)
        if last is not None:
            result = replace(result, message=_append(result.message, last, left))
    return result


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

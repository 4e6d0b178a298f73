"""Body paragraphs → the message structure every layout shares.

Salutation, paragraphs, numbered points, signature, dateline, postscript, and a message quoted
inside a transmitting telegram are found by their shapes, which are the same whatever the layout
around them; so the readers only cut out the body and hand its paragraphs here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tei.authority import Authority
from tei.dates import ShortYearError, is_date, parse_date
from tei.errors import DateError
from tei.model import (
    Block as BodyBlock,
)
from tei.model import (
    Body,
    Closer,
    Dateline,
    Inline,
    Message,
    Omission,
    OmissionBlock,
    Paragraph,
    PersonName,
    Point,
    QuotedMessage,
    QuoteStyle,
    RoleName,
    Text,
)
from tei.readers.blocks import Block
from tei.readers.brackets import _OMISSION, parse_inline
from tei.readers.conventions.signature import is_explicit, parse_signature

Warn = Callable[..., None]  # (message, line, kind)

_POINT = re.compile(r"^(?P<n>\d{1,2})\.\s+(?P<rest>\S.*)$", re.S)
_SALUTE = re.compile(
    r"^(?P<to>To\s+)?(?P<role>(?:Dear\s+)?(?:Comrade|Cde\.|Com\.|Tov\.|Dear|Mr\.|Marshal|General)"
    r"\s+)?(?P<name>[A-Z][\w'’\-]*\.?(?:\s+[A-Z][\w'’\-]*\.?){0,3})(?P<end>[,.:!])$"
)
_POSTSCRIPT = re.compile(r"^P\.\s?S\.")
_OPEN_QUOTES = {'"': QuoteStyle.STRAIGHT, "“": QuoteStyle.CURLY}
_CLOSE_QUOTES = {QuoteStyle.STRAIGHT: '"', QuoteStyle.CURLY: "”"}


def build_body(blocks: list[Block], kind: str, authority: Authority, warn: Warn) -> Body:
    """Turn the body's paragraphs into a :class:`Body`: a quoted message or a direct one."""
    quoted = _find_quote(blocks)
    if quoted is None:
        return Body(kind=kind, message=build_message(blocks, authority, warn))
    first, last, style = quoted
    inner = list(blocks[first : last + 1])
    inner[0] = _strip_block(inner[0], start=1)
    inner[-1] = _strip_block(inner[-1], end=1)
    message = build_message(inner, authority, warn)
    result: list[BodyBlock] = [_outer_block(b, authority, warn) for b in blocks[:first]]
    result.append(QuotedMessage(message, style, blocks[first].line))
    after, registry = split_registry(list(blocks[last + 1 :]))
    closer = None
    if registry or after:
        closer, after = _closer(after, authority, warn, alone=True)
    result.extend(_outer_block(b, authority, warn) for b in after)
    return Body(
        kind=kind,
        blocks=tuple(result),
        closer=closer,
        registry=tuple(_paragraph(b, authority, warn) for b in registry),
    )


#: how far before the end a signature may stand with registry matter after it
_REGISTRY_REACH = 15


def split_registry(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """Cut off the registry matter typed after the signature: (message, registry).

    Cipher telegrams end with the sender's name and then the registry's lines (``No. 481/sh``,
    ``Copies: Stalin (2), …``, ``Deciphered by …``, stamps); a report signed ``Signed X`` may
    print its enclosures after that. Only a signature of a strong form
    (all capitals, ``Signed X``, ``No. 15 T. SHTYKOV``, ``/Name/``) is looked for before the
    end: a plain capitalised line in the middle of the text (``About Moscow.``) is not one.
    A date right after the signature stays with it (the closer's dateline).
    """
    explicit = next((i for i, b in enumerate(blocks[:-1]) if is_explicit(b.text)), None)
    # "Signed X" is the signature however much the page prints after it
    candidates = (
        [explicit]
        if explicit is not None
        else range(len(blocks) - 2, max(-1, len(blocks) - 2 - _REGISTRY_REACH), -1)
    )
    for index in candidates:
        if _strong_signature(blocks[index].text):
            end = index + 1
            if end < len(blocks) and is_date(blocks[end].text):
                end += 1
            return blocks[:end], blocks[end:]
    return blocks, []


def _strong_signature(text: str) -> bool:
    facts = parse_signature(text)
    if facts is None:
        return False
    words = [w for w in re.split(r"[\s.]+", facts.name) if len(w) > 1]
    plain = facts.name == text.strip().rstrip(".")
    return not plain or (bool(words) and all(w.isupper() for w in words))


def build_message(blocks: list[Block], authority: Authority, warn: Warn) -> Message:
    """Salutation, paragraphs, points, closer and postscript of one message."""
    blocks = list(blocks)
    if not blocks:
        return Message()
    postscript: list[Paragraph] = []
    for index, block in enumerate(blocks):
        if _POSTSCRIPT.match(block.text):
            postscript = [_paragraph(b, authority, warn) for b in blocks[index:]]
            blocks = blocks[:index]
            break
    salute: tuple[Inline, ...] = ()
    if blocks and _SALUTE.match(blocks[0].text):
        salute = _salute(blocks[0].text, authority)
        blocks = blocks[1:]
    blocks, registry_blocks = split_registry(blocks)
    closer, blocks = _closer(blocks, authority, warn)
    registry = tuple(_paragraph(b, authority, warn) for b in registry_blocks)
    paragraphs: list[Paragraph] = []
    points: list[Point] = []
    expected = 1
    for block in blocks:
        match = _POINT.match(block.text)
        if match and int(match.group("n")) == expected:
            label = f"{match.group('n')}."
            text = match.group("rest")
            first = Paragraph(parse_inline(text, block.line, authority, warn), block.line)
            points.append(Point(match.group("n"), label, (first,), block.line))
            expected += 1
        elif points:
            last = points[-1]
            paragraph = _paragraph(block, authority, warn)
            points[-1] = Point(last.n, last.label, (*last.paragraphs, paragraph), last.line)
        else:
            paragraphs.append(_paragraph(block, authority, warn))
    line = blocks[0].line if blocks else (closer.line if closer else 0)
    if not paragraphs and not points:
        warn(
            "the message has no text between its salutation and its closing",
            line or None,
            "empty-message",
        )
    return Message(
        salute, tuple(paragraphs), tuple(points), closer, tuple(postscript), line, registry
    )


def _paragraph(block: Block, authority: Authority, warn: Warn) -> Paragraph:
    return Paragraph(parse_inline(block.text, block.line, authority, warn), block.line)


def _outer_block(block: Block, authority: Authority, warn: Warn) -> BodyBlock:
    """A paragraph outside a quoted message; an omission mark alone becomes its own block."""
    text = block.text
    if text.startswith("[") and text.endswith("]") and _OMISSION.fullmatch(text[1:-1]):
        return OmissionBlock(Omission(text[1:-1], block.line), block.line)
    return _paragraph(block, authority, warn)


def _find_quote(blocks: list[Block]) -> tuple[int, int, QuoteStyle] | None:
    """The paragraphs of a message quoted whole: one opens with a quote mark, a later one
    closes with the matching mark, and the quote spans more than one paragraph."""
    for first, block in enumerate(blocks):
        style = _OPEN_QUOTES.get(block.text[:1])
        if style is None:
            continue
        close = _CLOSE_QUOTES[style]
        for last in range(len(blocks) - 1, first, -1):
            if blocks[last].text.endswith(close):
                return first, last, style
        return None
    return None


def _strip_block(block: Block, start: int = 0, end: int = 0) -> Block:
    lines = list(block.lines)
    if start:
        lines[0] = lines[0][start:].lstrip()
    if end:
        lines[-1] = lines[-1][: len(lines[-1]) - end].rstrip()
    return Block(tuple(lines), block.line)


def _closer(
    blocks: list[Block], authority: Authority, warn: Warn, alone: bool = False
) -> tuple[Closer | None, list[Block]]:
    """Signature and dateline at the end: ``Name`` then ``12 January 1949``, in one paragraph
    of two lines or in two paragraphs; either alone also counts. ``alone``: the closer may be
    all there is (a relay's own signature after the quoted message)."""
    if not blocks:
        return None, blocks
    last = blocks[-1]
    dateline = None
    signature_text = None
    signature_line = last.line
    remaining = blocks
    if is_date(last.lines[-1]):
        date_line_number = last.line + len(last.lines) - 1
        dateline = _dateline(last.lines[-1], date_line_number, warn)
        if len(last.lines) > 1:
            candidate = " ".join(last.lines[:-1])
            if _looks_like_signature(candidate):
                signature_text = candidate
                remaining = blocks[:-1]
            else:
                remaining = [*blocks[:-1], Block(last.lines[:-1], last.line)]
        else:
            remaining = blocks[:-1]
            if remaining and _looks_like_signature(remaining[-1].text):
                signature_text = remaining[-1].text
                signature_line = remaining[-1].line
                remaining = remaining[:-1]
    elif _looks_like_signature(last.text) and (len(blocks) > 1 or alone):
        signature_text = last.text
        remaining = blocks[:-1]
    if dateline is None and signature_text is None:
        return None, blocks
    date_first = False
    if dateline is None and signature_text is not None:
        signature_text, dateline, date_first = _dated_signature(signature_text, signature_line)
    signature: tuple[Inline, ...] = ()
    if signature_text:
        signature = _signature(signature_text, signature_line, authority, warn)
    return Closer(signature, dateline, signature_line, date_first), remaining


def _dated_signature(text: str, line: int) -> tuple[str, Dateline | None, bool]:
    """A signature line that carries its date: ``Nº 274 KOVALEV, 11 November`` (after the
    name) or ``13.1.51 ROSHCHIN`` (before it) → (signature, dateline, date first)."""
    facts = parse_signature(text)
    if facts is None or not facts.date_text:
        return text, None, False
    at = text.rfind(facts.date_text)
    date_text = facts.date_text
    try:
        date = parse_date(date_text, line=line) if is_date(date_text) else None
    except DateError:  # 8.7.50: the century is not printed
        date = None
    dateline = Dateline(date_text, date, line)
    if at > 0:
        return text[:at].rstrip(), dateline, False
    return text[len(date_text) :].strip(), dateline, True


def _dateline(text: str, line: int, warn: Warn) -> Dateline:
    try:
        return Dateline(text, parse_date(text, line=line), line)
    except ShortYearError as error:
        warn(f"dateline {text!r} kept without @when: {error.message}", line)
        return Dateline(text, None, line)


def _looks_like_signature(text: str) -> bool:
    """A name: at most six words, each capitalised or bracketed, no sentence punctuation; or
    one of the signature lines of :mod:`tei.readers.conventions.signature`."""
    text = text.strip()
    if text and _strong_signature(text):
        return True
    if text.endswith(".") and len(text.split()) <= 3 and parse_signature(text) is not None:
        return True  # "Terebin.", "Mao Zedong." typed with a full stop
    if not text or text[-1] in ".,;:!?" or len(text.split()) > 6:
        return False
    words = re.sub(r"\[[^\]]*\]", "", text).split()
    return bool(words) and all(w[:1].isupper() for w in words)


def _signature(text: str, line: int, authority: Authority, warn: Warn) -> tuple[Inline, ...]:
    """A signature is a name: recognised persons become names, brackets are parsed as usual."""
    nodes = parse_inline(text, line, authority, warn)
    if len(nodes) == 1 and isinstance(nodes[0], Text):
        # only the name is the persName: "Signed ", "Nº 274 ", the slashes stay text
        facts = parse_signature(text.rstrip(" ,;"))
        name = facts.name if facts and facts.name in text else text
        at = text.find(name)
        person = authority.find(name)
        parts: list[Inline] = [Text(text[:at])] if at else []
        parts.append(PersonName(name, person.id if person else None))
        if text[at + len(name) :]:
            parts.append(Text(text[at + len(name) :]))
        return tuple(parts)
    return nodes


def _salute(text: str, authority: Authority) -> tuple[Inline, ...]:
    """``To Comrade Mao Zedong.`` → To, roleName Comrade, persName Mao Zedong, ``.``."""
    match = _SALUTE.match(text)
    assert match is not None
    nodes: list[Inline] = []
    if match.group("to"):
        nodes.append(Text(match.group("to")))
    role = match.group("role")
    if role:
        nodes.append(RoleName(role.strip()))
        nodes.append(Text(role[len(role.rstrip()) :]))
    name = match.group("name")
    person = authority.find(name)
    nodes.append(PersonName(name, person.id if person else None))
    nodes.append(Text(match.group("end")))
    return tuple(nodes)

"""Model body → TEI ``text``: opener, paragraphs, points, closer, and every bracketed insertion.

Mixed content is written exactly: text goes into ``.text`` or the previous child's ``.tail``,
never with added white space, so paragraphs keep the source's text. Each editorial encoding used
is recorded (by its key in :mod:`tei.encode.editorial`) for the header's ``editorialDecl``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lxml import etree

from tei.io.xmlio import TEI_NS, XML_NS
from tei.model import (
    Body,
    Closer,
    Explained,
    ExplanationKind,
    Footnote,
    FrontLine,
    Illegible,
    Inline,
    InlineList,
    Message,
    Note,
    Omission,
    OmissionBlock,
    PageBreak,
    Paragraph,
    PersonName,
    QuotedMessage,
    Regularised,
    RoleName,
    Sic,
    Supplied,
    Text,
    Uncertain,
)

#: the xml:id to point at for a name: its known person (by id), else a correspondent of that name
PersonRef = Callable[[str | None, str], str | None]


def tei(tag: str) -> str:
    """The Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{tag}"


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """Append a TEI child with attributes in the given order (so output is byte-stable)."""
    element = etree.SubElement(parent, tei(tag))
    for name, value in attrs.items():
        # ``xml__id=…`` stands for xml:id, which Python keywords cannot spell
        key = f"{{{XML_NS}}}{name[5:]}" if name.startswith("xml__") else name
        element.set(key, value)
    if text is not None:
        element.text = text
    return element


class BodyEncoder:
    """Writes a body; collects the editorial encodings it used."""

    def __init__(self, person_ref: PersonRef) -> None:
        self.person_ref = person_ref
        self.used: set[str] = set()
        self.front: tuple[FrontLine, ...] = ()

    def encode(self, body: Body, text: etree._Element) -> None:
        """Append ``body/div[@type]`` with the message or the relay's blocks to ``text``."""
        div = sub(sub(text, "body"), "div", type=body.kind)
        self.front = body.front
        if body.front and body.message is None:
            self._opener(div, ())
        if body.message is not None:
            self._message(body.message, div)
        for block in body.blocks:
            if isinstance(block, OmissionBlock):
                self._inline(sub(div, "p"), (block.omission,))
            elif isinstance(block, QuotedMessage):
                floating = sub(
                    div, "floatingText", type="message", rend=f"{block.quotes.value}-quotes"
                )
                self._message(block.message, sub(floating, "body"))
            else:
                self._inline(sub(div, "p"), block.content)
        if body.closer is not None:
            self._closer(body.closer, div)
        self._registry(body.registry, div)

    def _opener(self, parent: etree._Element, salute: tuple[Inline, ...]) -> None:
        """Markings, dateline and receipt lines above the message, then its salutation."""
        opener = sub(parent, "opener")
        for line in self.front:
            self._front_line(opener, line)
        self.front = ()
        if salute:
            self._inline(sub(opener, "salute"), salute)

    def _front_line(self, opener: etree._Element, line: FrontLine) -> None:
        if line.kind == "marking":
            sub(opener, "seg", line.text, type="classification")
            return
        if line.kind == "received":
            self.used.add("received")
            holder = sub(opener, "seg", type="received")
            attrs = {}
            when = iso_when(line.date.iso if line.date else None, line.time)
            if when:
                attrs["when"] = when
            sub(holder, "date", line.text, **attrs)
            return
        dateline = sub(opener, "dateline")
        text = line.text
        if line.place and text.startswith(line.place):
            sub(dateline, "placeName", line.place)
            text = text[len(line.place) :]
        separator = len(text) - len(text.lstrip(" ,."))
        _append_text(dateline, text[:separator])
        when = iso_when(line.date.iso if line.date else None, line.time)
        sub(dateline, "date", text[separator:], **({"when": when} if when else {}))

    def _registry(self, paragraphs: tuple[Paragraph, ...], parent: etree._Element) -> None:
        if paragraphs:
            postscript = sub(parent, "postscript", n="registry")
            for paragraph in paragraphs:
                self._paragraph(paragraph, postscript)

    def _message(self, message: Message, parent: etree._Element) -> None:
        if message.salute or self.front:
            self._opener(parent, message.salute)
        for paragraph in message.paragraphs:
            self._paragraph(paragraph, parent)
        if not message.paragraphs and not message.points:
            sub(parent, "p")  # TEI needs content between opener and closer; the source has none
        for point in message.points:
            div = sub(parent, "div", type="point", n=point.n)
            sub(div, "label", point.label)
            for paragraph in point.paragraphs:
                self._paragraph(paragraph, div)
        if message.closer is not None:
            self._closer(message.closer, parent)
        if message.postscript:
            postscript = sub(parent, "postscript")
            for paragraph in message.postscript:
                self._paragraph(paragraph, postscript)
        self._registry(message.registry, parent)

    def _paragraph(self, paragraph: Paragraph, parent: etree._Element) -> None:
        self._inline(sub(parent, "p"), paragraph.content)

    def _closer(self, closer: Closer, parent: etree._Element) -> None:
        element = sub(parent, "closer")
        if closer.date_first:
            self._closer_dateline(closer, element)
        if closer.signature:
            self._inline(sub(element, "signed"), closer.signature)
        if not closer.date_first:
            self._closer_dateline(closer, element)

    def _closer_dateline(self, closer: Closer, element: etree._Element) -> None:
        if closer.dateline is not None:
            dateline = sub(element, "dateline")
            if closer.dateline.date is not None:
                sub(dateline, "date", closer.dateline.text, when=closer.dateline.date.iso)
            else:
                dateline.text = closer.dateline.text

    # ------------------------------------------------------------------ inline content

    def _inline(self, parent: etree._Element, nodes: Iterable[Inline]) -> None:
        for node in nodes:
            if isinstance(node, Text):
                _append_text(parent, node.text)
            else:
                self._element(parent, node)

    def _element(self, parent: etree._Element, node: Inline) -> None:
        if isinstance(node, Omission):
            self.used.add("omission")
            sub(sub(parent, "ellipsis"), "metamark", node.mark)
        elif isinstance(node, Illegible):
            self.used.add("illegible")
            sub(sub(parent, "gap", reason="illegible"), "desc", node.text)
        elif isinstance(node, Explained):
            self._explained(parent, node)
        elif isinstance(node, Regularised):
            self.used.add("regularisation")
            ref = self.person_ref(node.person_id, node.orig)
            holder = sub(parent, "persName", ref=f"#{ref}") if ref else sub(parent, "name")
            choice = sub(holder, "choice")
            sub(choice, "orig", node.orig)
            sub(choice, "reg", node.reg)
        elif isinstance(node, Supplied):
            self.used.add(node.reason.value)
            sub(parent, "supplied", node.text, reason=node.reason.value)
        elif isinstance(node, Uncertain):
            self.used.add("uncertain")
            sub(parent, "unclear", node.text)
        elif isinstance(node, Sic):
            self.used.add("sic")
            sub(parent, "sic", node.text)
        elif isinstance(node, Note):
            self.used.add(f"note-{node.kind.value}")
            attrs = {"type": node.kind.value, "place": "inline"}
            if node.subtype:
                attrs["subtype"] = node.subtype
            if node.inner:
                self._inline(sub(parent, "note", **attrs), node.inner)
            else:
                sub(parent, "note", node.text, **attrs)
        elif isinstance(node, PersonName):
            ref = self.person_ref(node.person_id, node.text)
            if ref:
                sub(parent, "persName", node.text, ref=f"#{ref}")
            else:
                sub(parent, "persName", node.text)
        elif isinstance(node, RoleName):
            sub(parent, "roleName", node.text)
        elif isinstance(node, InlineList):
            self._list(parent, node)
        elif isinstance(node, Footnote):
            self.used.add("footnote")
            self._inline(sub(parent, "note", type="footnote", place="foot", n=node.n), node.content)
        elif isinstance(node, PageBreak):
            self.used.add("page")
            sub(parent, "pb", n=node.n)
        else:  # pragma: no cover - the model's Inline union is closed
            raise TypeError(f"unknown inline node {node!r}")

    def _explained(self, parent: etree._Element, node: Explained) -> None:
        if node.kind is ExplanationKind.ABBREVIATION:
            self.used.add("abbreviation")
            choice = sub(parent, "choice")
            sub(choice, "abbr", node.term)
            sub(choice, "expan", node.explanation)
            return
        self.used.add("explanation")
        if node.term:
            ref = self.person_ref(node.person_id, node.term)
            if node.kind is ExplanationKind.PERSON and ref:
                sub(parent, "persName", node.term, ref=f"#{ref}")
            else:
                sub(parent, "name", node.term)
            _append_text(parent, node.separator)
        sub(parent, "supplied", node.explanation, reason="explanation")

    def _list(self, parent: etree._Element, node: InlineList) -> None:
        element = sub(parent, "list", rend="inline")
        for item in node.items:
            sub(element, "label", item.label)
            self._inline(sub(element, "item", n=item.n), item.content)


def iso_when(date: str | None, time: str | None) -> str | None:
    """``1942-03-05`` and ``09:33`` → ``1942-03-05T09:33:00``; a time alone → ``09:33:00``
    (TEI's @when takes xs:time); a time is only joined to a full date."""
    if time and date and len(date) == 10:
        return f"{date}T{time}:00"
    if time and not date:
        return f"{time}:00"
    return date


def _append_text(parent: etree._Element, text: str) -> None:
    """Add text after the last child (its tail) or into the parent when it has none."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
